/**
 * Builds the reference DSP: checks parameters.json against the definition schema, embeds it
 * (UTF-8) as the module's schema, and compiles the AssemblyScript chain to
 * devmode/dsp/build/reference.wasm. Skipped when sources are unchanged since the last build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParameterDefinition } from '../../../contracts/ipc/parameters.ts';
import { validateParameterDefinitions } from '../../../contracts/ipc/validator.ts';
import { REFERENCE_WASM_PATH } from './referenceDsp.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const PARAMETERS_PATH = join(here, 'parameters.json');
const ASSEMBLY_DIR = join(here, 'assembly');
const GENERATED_SCHEMA = join(ASSEMBLY_DIR, 'generated', 'schema.ts');
const GENERATED_PARAMETERS = join(ASSEMBLY_DIR, 'generated', 'parameters.ts');
const STAMP = `${REFERENCE_WASM_PATH}.source-hash`;

function sourceHash(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(PARAMETERS_PATH));
  for (const name of readdirSync(ASSEMBLY_DIR)
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    hash.update(name).update(readFileSync(join(ASSEMBLY_DIR, name)));
  }
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  return hash.digest('hex');
}

/**
 * Writes, from parameters.json (the one source): the schema as a static data segment (the exact
 * bytes wc_schema_ptr points at), and each parameter's index constant and its min, max and default.
 */
function writeSchemaModule(): void {
  const definitions = JSON.parse(readFileSync(PARAMETERS_PATH, 'utf8')) as unknown;
  const check = validateParameterDefinitions(definitions);
  if (!check.ok)
    throw new Error(`${PARAMETERS_PATH} is not a valid parameter definition list:\n  ${check.errors.join('\n  ')}`);
  const list = definitions as ParameterDefinition[];
  mkdirSync(join(ASSEMBLY_DIR, 'generated'), { recursive: true });
  const f64s = (pick: (d: ParameterDefinition) => number) =>
    `StaticArray.fromArray<f64>([${list.map((d) => String(pick(d))).join(', ')}])`;
  writeFileSync(
    GENERATED_PARAMETERS,
    `// Generated from ../parameters.json by buildReferenceDsp.ts: do not edit.\n` +
      list.map((d, i) => `export const ${d.id.toUpperCase()}: i32 = ${i};\n`).join('') +
      `export const PARAMETER_COUNT: i32 = ${list.length};\n` +
      `export const MIN = ${f64s((d) => d.min)};\nexport const MAX = ${f64s((d) => d.max)};\nexport const DEFAULT = ${f64s((d) => d.default)};\n`,
  );
  const bytes = new TextEncoder().encode(JSON.stringify(definitions));
  writeFileSync(
    GENERATED_SCHEMA,
    `// Generated from ../parameters.json by buildReferenceDsp.ts: do not edit.\n` +
      `export const SCHEMA_POINTER: usize = memory.data<u8>([${Array.from(bytes).join(',')}]);\n` +
      `export const SCHEMA_LENGTH: i32 = ${bytes.length};\n`,
  );
}

/** Builds the module when its sources changed; returns its path. */
export async function buildReferenceDsp(log: (line: string) => void = () => undefined): Promise<string> {
  const hash = sourceHash();
  if (existsSync(REFERENCE_WASM_PATH) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) {
    log('reference DSP: up to date');
    return REFERENCE_WASM_PATH;
  }
  writeSchemaModule();
  mkdirSync(join(REFERENCE_WASM_PATH, '..'), { recursive: true });
  const asc = await import('assemblyscript/asc');
  const output: string[] = [];
  const sink = { write: (chunk: string | Uint8Array) => (output.push(String(chunk)), true) };
  const { error } = await asc.main(
    [
      join(ASSEMBLY_DIR, 'index.ts'),
      '--outFile',
      REFERENCE_WASM_PATH,
      '--runtime',
      'stub',
      '--optimizeLevel',
      '3',
      '--noAssert',
      // No host imports: an abort becomes a trap.
      '--use',
      'abort=',
    ],
    { stdout: sink, stderr: sink },
  );
  if (error) throw new Error(`AssemblyScript build of the reference DSP failed: ${error.message}\n${output.join('')}`);
  writeFileSync(STAMP, `${hash}\n`);
  log(`reference DSP: built ${REFERENCE_WASM_PATH}`);
  return REFERENCE_WASM_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildReferenceDsp((line) => console.log(`[dsp] ${line}`));
}
