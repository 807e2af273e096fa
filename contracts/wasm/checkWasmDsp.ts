/**
 * Checks a module against ABI v1 before any audio runs: compiles and instantiates it, then checks
 * imports, exports, the ABI version, the schema (bounds, UTF-8 JSON, JSON Schema) and wc_init.
 * Works in Node and on the page's main thread (async compile: browsers refuse sync compiles there).
 */
import type { ParameterDefinition } from '../ipc/parameters.ts';
import { ABI_VERSION, HOST_MAX_FRAMES, REQUIRED_FUNCTIONS, type WasmDspExports } from './abi.ts';
import { WasmDspError } from './wasmDspError.ts';

export interface DefinitionsCheck {
  ok: boolean;
  errors: string[];
}

export interface CheckedWasmDsp {
  exports: WasmDspExports;
  definitions: ParameterDefinition[];
}

/**
 * @param bytes the module
 * @param moduleName how errors name it (a file path or URL)
 * @param validateDefinitions the JSON Schema check of the schema (ajv in Node and the page)
 * @param sampleRate passed to wc_init. Default 48000.
 */
export async function checkWasmDsp(
  bytes: BufferSource,
  moduleName: string,
  validateDefinitions: (value: unknown) => DefinitionsCheck,
  sampleRate = 48000,
): Promise<CheckedWasmDsp> {
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(bytes);
  } catch (error) {
    throw new WasmDspError('WASM_COMPILE', moduleName, 'module', `does not compile: ${(error as Error).message}`);
  }
  checkImportsAndExports(module, moduleName);
  const instance = await instantiate(module, moduleName);
  const exports = instance.exports as unknown as WasmDspExports;
  checkArities(exports, moduleName);
  const version = call(exports, 'wc_abi_version', moduleName, () => exports.wc_abi_version());
  if (version !== ABI_VERSION) {
    throw new WasmDspError(
      'WASM_ABI_VERSION',
      moduleName,
      'wc_abi_version',
      `wc_abi_version() returned ${version}; this host speaks ABI ${ABI_VERSION}`,
    );
  }
  const definitions = readSchema(exports, moduleName, validateDefinitions);
  const status = call(exports, 'wc_init', moduleName, () => exports.wc_init(sampleRate, HOST_MAX_FRAMES));
  if (status !== 0) {
    throw new WasmDspError(
      'WASM_INIT_FAILED',
      moduleName,
      'wc_init',
      `wc_init(${sampleRate}, ${HOST_MAX_FRAMES}) returned ${status}, not 0`,
    );
  }
  return { exports, definitions };
}

/** An ABI v1 module imports nothing and exports `memory` and every required function, each of its kind. */
function checkImportsAndExports(module: WebAssembly.Module, moduleName: string): void {
  const imports = WebAssembly.Module.imports(module);
  if (imports.length > 0) {
    const names = imports.map((i) => `${i.module}.${i.name}`).join(', ');
    throw new WasmDspError(
      'WASM_IMPORTS',
      moduleName,
      imports[0]!.name,
      `imports ${names}; an ABI v1 module must import nothing`,
    );
  }
  const declared = new Map(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
  const missing = [...Object.keys(REQUIRED_FUNCTIONS), 'memory'].filter((name) => !declared.has(name));
  if (missing.length > 0) {
    throw new WasmDspError(
      'WASM_MISSING_EXPORT',
      moduleName,
      missing[0]!,
      `missing required export${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  if (declared.get('memory') !== 'memory') {
    throw new WasmDspError(
      'WASM_EXPORT_KIND',
      moduleName,
      'memory',
      `export "memory" is a ${declared.get('memory')}, not a memory`,
    );
  }
  for (const name of Object.keys(REQUIRED_FUNCTIONS)) {
    if (declared.get(name) !== 'function') {
      throw new WasmDspError(
        'WASM_EXPORT_KIND',
        moduleName,
        name,
        `export "${name}" is a ${declared.get(name)}, not a function`,
      );
    }
  }
}

/** Each required function takes the number of parameters ABI v1 gives it. */
function checkArities(exports: WasmDspExports, moduleName: string): void {
  for (const [name, arity] of Object.entries(REQUIRED_FUNCTIONS)) {
    const fn = exports[name as keyof WasmDspExports] as unknown as { length: number };
    if (fn.length !== arity) {
      throw new WasmDspError(
        'WASM_EXPORT_KIND',
        moduleName,
        name,
        `export "${name}" takes ${fn.length} parameters; ABI v1 says ${arity}`,
      );
    }
  }
}

async function instantiate(module: WebAssembly.Module, moduleName: string): Promise<WebAssembly.Instance> {
  try {
    return await WebAssembly.instantiate(module, {});
  } catch (error) {
    throw new WasmDspError(
      'WASM_TRAP',
      moduleName,
      'start',
      `trapped while instantiating: ${(error as Error).message}`,
    );
  }
}

function call<T>(exports: WasmDspExports, name: string, moduleName: string, fn: () => T): T {
  void exports;
  try {
    return fn();
  } catch (error) {
    throw new WasmDspError('WASM_TRAP', moduleName, name, `${name} trapped: ${(error as Error).message}`);
  }
}

function readSchema(
  exports: WasmDspExports,
  moduleName: string,
  validate: (value: unknown) => DefinitionsCheck,
): ParameterDefinition[] {
  const ptr = call(exports, 'wc_schema_ptr', moduleName, () => exports.wc_schema_ptr()) >>> 0;
  const len = call(exports, 'wc_schema_len', moduleName, () => exports.wc_schema_len());
  const size = exports.memory.buffer.byteLength;
  if (len <= 0 || ptr + len > size) {
    throw new WasmDspError(
      'WASM_SCHEMA_BOUNDS',
      moduleName,
      'wc_schema_len',
      `schema at ${ptr} of ${len} bytes lies outside memory (${size} bytes)`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(exports.memory.buffer, ptr, len));
  } catch {
    throw new WasmDspError('WASM_SCHEMA_JSON', moduleName, 'wc_schema_ptr', 'the schema is not valid UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WasmDspError(
      'WASM_SCHEMA_JSON',
      moduleName,
      'wc_schema_ptr',
      `the schema is not valid JSON: ${(error as Error).message}`,
    );
  }
  const check = validate(parsed);
  if (!check.ok) {
    throw new WasmDspError(
      'WASM_SCHEMA_INVALID',
      moduleName,
      check.errors[0]!.split(' ')[0]!,
      `the schema does not match the parameter definition schema: ${check.errors.join('; ')}`,
    );
  }
  return parsed as ParameterDefinition[];
}
