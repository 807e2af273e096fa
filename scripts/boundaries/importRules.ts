/**
 * Who may import what. Each rule names the files it governs (path prefixes relative to the repo
 * root) and what they may import: repo paths by prefix, bare packages, and `node:` builtins.
 * The first rule whose prefix matches a file governs it; tests (*.test.ts) are not governed.
 */
export interface ImportRule {
  /** What the layer is, for messages. */
  layer: string;
  files: string[];
  /** Repo path prefixes the layer may import. */
  mayImport: string[];
  /** Bare packages it may import ('*' = any). */
  packages: string[];
  /** Whether `node:` builtins are allowed. */
  node: boolean;
  /** Files of the layer that may use `node:` builtins all the same. */
  nodeExceptions?: string[];
  /** Globals the layer's runtime does not have (used as identifiers, outside comments). */
  forbiddenGlobals?: string[];
}

export const IMPORT_RULES: ImportRule[] = [
  {
    layer: 'worklet (audio thread: no Node, no DOM, no packages)',
    files: ['devmode/web/src/worklet/'],
    mayImport: ['devmode/web/src/worklet/', 'devmode/dsp/mock/', 'devmode/dsp/faults/', 'contracts/faults/', 'contracts/wasm/wasmDsp.ts', 'contracts/wasm/abi.ts', 'contracts/wasm/dspBackend.ts', 'contracts/meters/'],
    packages: [],
    node: false,
    // AudioWorkletGlobalScope has no DOM, no fetch, no Node ('process' is left out: every DSP has a process method).
    forbiddenGlobals: ['window', 'document', 'fetch', 'XMLHttpRequest', 'localStorage', 'navigator', 'require', 'Buffer', '__dirname'],
  },
  {
    layer: 'contracts (shared by the harness, the reference stack and user stacks)',
    files: ['contracts/'],
    mayImport: ['contracts/'],
    packages: ['ajv'],
    node: false,
    nodeExceptions: ['contracts/wasm/loadWasmDspFile.ts'],
    forbiddenGlobals: ['window', 'document', 'require', 'Buffer', '__dirname'],
  },
  {
    layer: 'dev-mode page (browser)',
    files: ['devmode/web/'],
    mayImport: ['devmode/web/', 'devmode/dsp/mock/', 'devmode/dsp/faults/', 'contracts/'],
    packages: [],
    node: false,
  },
  {
    layer: 'reference DSPs',
    files: ['devmode/dsp/'],
    mayImport: ['devmode/dsp/', 'contracts/'],
    packages: ['assemblyscript'],
    node: true,
  },
  {
    layer: 'reference dev server (never browser code)',
    files: ['devmode/server/', 'devmode/index.ts'],
    mayImport: ['devmode/server/', 'devmode/dsp/reference/referenceDsp.ts', 'contracts/'],
    packages: ['ws'],
    node: true,
  },
  {
    layer: 'harness (the reference stack only through devmode/index.ts)',
    files: ['harness/'],
    mayImport: ['harness/', 'contracts/', 'devmode/index.ts', 'fixtures/catalog.ts', 'fixtures/generate.ts', 'fixtures/signals.ts'],
    packages: ['*'],
    node: true,
  },
  {
    layer: 'example plugin projects (use the harness through its CLI only)',
    files: ['examples/'],
    mayImport: ['examples/'],
    packages: ['*'],
    node: true,
  },
];
