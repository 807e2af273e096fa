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
  /** Prefixes it may not import even so (checked first): the way a folder's imports must not run. */
  mayNotImport?: string[];
  /** Why, for the message. */
  why?: string;
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
    mayImport: [
      'devmode/web/src/worklet/',
      'devmode/dsp/mock/',
      'devmode/dsp/faults/',
      'contracts/faults/',
      'contracts/wasm/wasmDsp.ts',
      'contracts/wasm/abi.ts',
      'contracts/wasm/dspBackend.ts',
      'contracts/meters/',
    ],
    packages: [],
    node: false,
    // AudioWorkletGlobalScope has no DOM, no fetch, no Node ('process' is left out: every DSP has a process method).
    forbiddenGlobals: [
      'window',
      'document',
      'fetch',
      'XMLHttpRequest',
      'localStorage',
      'navigator',
      'require',
      'Buffer',
      '__dirname',
    ],
  },
  {
    layer: 'contracts (shared by the harness, the reference stack and user stacks)',
    files: ['contracts/'],
    mayImport: ['contracts/'],
    packages: ['ajv', '@sinclair/typebox'],
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
    layer: "the reference stack's entry (devmode/index.ts)",
    files: ['devmode/index.ts'],
    mayImport: [
      'devmode/server/',
      'devmode/dsp/reference/referenceDsp.ts',
      'devmode/dsp/mock/',
      'devmode/web/src/worklet/meterWindows.ts',
      'devmode/web/src/worklet/oscilloscopeTap.ts',
      'contracts/',
    ],
    packages: [],
    node: true,
  },
  {
    layer: 'reference dev server (never browser code)',
    files: ['devmode/server/'],
    mayImport: ['devmode/server/', 'devmode/dsp/reference/referenceDsp.ts', 'contracts/'],
    packages: ['ws'],
    node: true,
  },
  {
    layer: 'report charts',
    files: ['harness/report/charts/'],
    mayImport: [
      'harness/report/charts/',
      'harness/report/fonts/fontFamilies.ts',
      'contracts/meters/meterStatistics.ts',
      'contracts/meters/decibels.ts',
      'contracts/meters/meterWindow.ts',
    ],
    why: 'charts own their input types and import only the chart library (and the name of the font their page embeds, and the list of meter statistics every side keys its levels by), so nothing they draw imports them back',
    packages: ['vega', 'vega-lite'],
    node: false,
  },
  {
    layer: 'validator',
    files: ['harness/validate/'],
    mayImport: ['harness/', 'contracts/', 'devmode/index.ts'],
    mayNotImport: ['harness/setup/', 'harness/cli/', 'harness/suite/', 'harness/test.ts'],
    why: 'a check gets what it needs (Chromium) from its context and never installs anything; the library never imports its CLI',
    packages: ['*'],
    node: true,
  },
  {
    layer: 'harness CLI and Playwright suite (the top: they use the library)',
    files: ['harness/cli/', 'harness/suite/', 'harness/test.ts', 'harness/testFixtures/'],
    mayImport: ['harness/', 'contracts/', 'devmode/index.ts'],
    packages: ['*'],
    node: true,
  },
  {
    layer: 'harness library (the reference stack only through devmode/index.ts)',
    files: ['harness/'],
    mayImport: ['harness/', 'contracts/', 'devmode/index.ts'],
    mayNotImport: ['harness/cli/', 'harness/suite/', 'harness/test.ts', 'harness/testFixtures/'],
    why: 'the library never depends on its CLI, its Playwright suite or its test fixture',
    packages: ['*'],
    node: true,
  },
  {
    layer: 'bench',
    files: ['bench/'],
    mayImport: ['bench/', 'harness/', 'contracts/', 'devmode/index.ts', 'fixtures/'],
    why: 'the reference stack only through devmode/index.ts',
    packages: ['*'],
    node: true,
  },
  {
    layer: 'specs',
    files: ['specs/'],
    mayImport: ['specs/', 'harness/', 'contracts/', 'devmode/index.ts', 'fixtures/'],
    packages: ['*'],
    node: true,
  },
  {
    layer: 'scripts',
    files: ['scripts/'],
    mayImport: [
      'scripts/',
      'harness/',
      'contracts/',
      'devmode/index.ts',
      'devmode/dsp/reference/buildReferenceDsp.ts',
      'fixtures/',
      'bench/',
    ],
    packages: ['*'],
    node: true,
  },
  {
    layer: 'fixtures (data and the builders of test modules)',
    files: ['fixtures/'],
    mayImport: ['fixtures/', 'contracts/'],
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
