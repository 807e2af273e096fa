import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boundaryViolations } from './checkBoundaries.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('layer boundaries', () => {
  it('hold in this repo', () => {
    expect(boundaryViolations(repo)).toEqual([]);
  });

  it('fail when a worklet file imports Node code or a package', () => {
    const root = tree({
      'devmode/web/src/worklet/dspProcessor.ts':
        "import { readFileSync } from 'node:fs';\nimport { Ajv } from 'ajv';\nimport { x } from '../../../server/devServer.ts';\n",
    });
    expect(boundaryViolations(root)).toEqual([
      'devmode/web/src/worklet/dspProcessor.ts:1 imports node:fs: the worklet (audio thread: no Node, no DOM, no packages) layer may not use Node builtins',
      'devmode/web/src/worklet/dspProcessor.ts:2 imports the package ajv: the worklet (audio thread: no Node, no DOM, no packages) layer may import no packages',
      expect.stringMatching(
        /^devmode\/web\/src\/worklet\/dspProcessor\.ts:3 imports devmode\/server\/devServer\.ts: the worklet .* may import only /,
      ),
    ]);
  });

  it('fail when a worklet file uses a global its runtime lacks (comments and property names aside)', () => {
    const root = tree({
      'devmode/web/src/worklet/meters.ts':
        "// fetch is not here\nconst a = { document: 1 };\nconst b = a.document;\nconst c = fetch('x');\n",
    });
    expect(boundaryViolations(root)).toEqual([
      "devmode/web/src/worklet/meters.ts:4 uses fetch: the worklet (audio thread: no Node, no DOM, no packages) layer's runtime has no fetch",
    ]);
  });

  it('fail when the harness imports reference-stack internals instead of devmode/index.ts', () => {
    const root = tree({
      'harness/test.ts':
        "import { startReferenceStack } from '../devmode/index.ts';\nimport { DevServer } from '../devmode/server/devServer.ts';\n",
    });
    expect(boundaryViolations(root)).toEqual([
      expect.stringMatching(
        /^harness\/test\.ts:2 imports devmode\/server\/devServer\.ts: the harness CLI and Playwright suite \(the top: they use the library\) layer may import only harness\/, contracts\/, devmode\/index\.ts/,
      ),
    ]);
  });

  it('fail when contracts use Node or import the harness, and when the dev server imports browser code', () => {
    const root = tree({
      'contracts/ipc/x.ts': "import { join } from 'node:path';\nexport * from '../../harness/test.ts';\n",
      'devmode/server/y.ts': "import type { A } from '../web/src/devModeApp.ts';\n",
    });
    const found = boundaryViolations(root);
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/contracts\/ipc\/x\.ts:1 imports node:path/);
    expect(found.join('\n')).toMatch(/contracts\/ipc\/x\.ts:2 imports harness\/test\.ts/);
    expect(found.join('\n')).toMatch(/devmode\/server\/y\.ts:1 imports devmode\/web\/src\/devModeApp\.ts/);
  });

  // Each wrong-way import issue 21 found, restored on purpose in a tree of its own: the check names the file, the line
  // and the rule.
  const WRONG_WAY: [file: string, text: string, expected: RegExp][] = [
    [
      'harness/nightly/runNightly.ts',
      "import { x } from './history.ts';\nimport { validateCommand } from '../cli/commands/validateCommand.ts';\n",
      /^harness\/nightly\/runNightly\.ts:2 imports harness\/cli\/commands\/validateCommand\.ts: the harness library .* may not import harness\/cli\/ \(the library never depends on its CLI/,
    ],
    [
      'harness/validate/checks/browserLegCheck.ts',
      "import { ensureChromium } from '../../setup/ensureChromium.ts';\n",
      /^harness\/validate\/checks\/browserLegCheck\.ts:1 imports harness\/setup\/ensureChromium\.ts: the validator layer may not import harness\/setup\/ \(a check gets what it needs \(Chromium\) from its context/,
    ],
    [
      'harness/report/charts/meterTraceChart.ts',
      "import type { LiveGolden } from '../../goldens/liveGolden.ts';\n",
      /^harness\/report\/charts\/meterTraceChart\.ts:1 imports harness\/goldens\/liveGolden\.ts: the report charts layer may import only harness\/report\/charts\//,
    ],
    [
      'harness/report/charts/trendCharts.ts',
      "\n\nimport type { HistoryEntry } from '../../nightly/history.ts';\n",
      /^harness\/report\/charts\/trendCharts\.ts:3 imports harness\/nightly\/history\.ts/,
    ],
    [
      'harness/report/charts/validatorWorstChart.ts',
      "import type { WorstCase } from '../../validate/worstCase.ts';\n",
      /^harness\/report\/charts\/validatorWorstChart\.ts:1 imports harness\/validate\/worstCase\.ts/,
    ],
    [
      'bench/browserSession.ts',
      "import { startReferenceStack } from '../devmode/server/referenceStack.ts';\n",
      /^bench\/browserSession\.ts:1 imports devmode\/server\/referenceStack\.ts: the bench layer may import only .*devmode\/index\.ts/,
    ],
    [
      'specs/stack/devServerRestart.spec.ts',
      "import { DevServer } from '../../devmode/server/devServer.ts';\n",
      /^specs\/stack\/devServerRestart\.spec\.ts:1 imports devmode\/server\/devServer\.ts: the specs layer may import only/,
    ],
    [
      'harness/setup/ensureFixtures.ts',
      "import { generateFixtures } from '../../fixtures/generate.ts';\n",
      /^harness\/setup\/ensureFixtures\.ts:1 imports fixtures\/generate\.ts: the harness library .* may import only harness\/, contracts\/, devmode\/index\.ts$/,
    ],
  ];
  for (const [file, text, expected] of WRONG_WAY) {
    it(`fail on ${file} importing the wrong way`, () => {
      expect(boundaryViolations(tree({ [file]: text }))).toEqual([expect.stringMatching(expected)]);
    });
  }

  it('read imports with the TypeScript parser: type-only, re-exports, import() and import types count; comments and strings do not', () => {
    const root = tree({
      'harness/goldens/x.ts': [
        "// import { a } from '../cli/a.ts';",
        'const text = "import { b } from \'../cli/b.ts\'";',
        "import type { C } from '../cli/c.ts';",
        "export { d } from '../suite/d.ts';",
        "const e = await import('../test.ts');",
        "type F = import('../cli/f.ts').F;",
      ].join('\n'),
    });
    expect(boundaryViolations(root).map((v) => v.split(' imports ')[0])).toEqual([
      'harness/goldens/x.ts:3',
      'harness/goldens/x.ts:4',
      'harness/goldens/x.ts:5',
      'harness/goldens/x.ts:6',
    ]);
  });
});

describe("harness/'s floor plan and import cycles", () => {
  it('fail when a folder imports a tier above its own, naming both tiers', () => {
    const root = tree({
      'harness/verdict/markInconclusive.ts': "import type { S } from '../report/summaryReporter.ts';\n",
    });
    expect(boundaryViolations(root)).toEqual([
      expect.stringMatching(
        /^harness\/verdict\/markInconclusive\.ts:1 imports harness\/report\/summaryReporter\.ts: the drivers tier \(harness\/verdict\) may not import the results tier above it \(harness\/report\)/,
      ),
    ]);
  });

  it('fail on a harness folder in no tier', () => {
    const root = tree({ 'harness/newPart/thing.ts': 'export const x = 1;\n' });
    expect(boundaryViolations(root)).toEqual([
      'harness/newPart/thing.ts is in harness/newPart, which is in no tier of the floor plan (scripts/boundaries/harnessTiers.ts): give it one',
    ]);
  });

  it('fail on a file cycle and a folder cycle, each told as a loop with the imports that make it', () => {
    const root = tree({
      'harness/validate/problems.ts': "import type { W } from './validatorCheck.ts';\nexport type P = 1;\n",
      'harness/validate/validatorCheck.ts': "import type { P } from './problems.ts';\nexport type W = 1;\n",
      'harness/config/projectConfigSchema.ts': "import type { S } from '../scenarios/scenario.ts';\n",
      'harness/config/toleranceSchema.ts': 'export const T = 1;\n',
      'harness/scenarios/scenario.ts': 'export type S = 1;\n',
      'harness/scenarios/scenarioSchema.ts': "import { T } from '../config/toleranceSchema.ts';\n",
    });
    expect(boundaryViolations(root)).toEqual([
      'file cycle: harness/validate/problems.ts → harness/validate/validatorCheck.ts → harness/validate/problems.ts (harness/validate/problems.ts:1 imports harness/validate/validatorCheck.ts; harness/validate/validatorCheck.ts:1 imports harness/validate/problems.ts)',
      'folder cycle: harness/config → harness/scenarios → harness/config (harness/config/projectConfigSchema.ts:1 imports harness/scenarios/scenario.ts; harness/scenarios/scenarioSchema.ts:1 imports harness/config/toleranceSchema.ts)',
    ]);
  });

  it("see a Vite worker import (`?worker&url`) as the import it is: in a cycle, and against the layer's rules", () => {
    const root = tree({
      'harness/report/pageScript.ts': "import url from './pageWorker.ts?worker&url';\nexport const u = url;\n",
      'harness/report/pageWorker.ts': "import { u } from './pageScript.ts';\nexport const w = u;\n",
    });
    expect(boundaryViolations(root)).toEqual([
      'file cycle: harness/report/pageScript.ts → harness/report/pageWorker.ts → harness/report/pageScript.ts (harness/report/pageScript.ts:1 imports harness/report/pageWorker.ts; harness/report/pageWorker.ts:1 imports harness/report/pageScript.ts)',
    ]);
  });

  it("see an import of this tree by the package's own name, and hold it to the layer rules", () => {
    const root = tree({
      'harness/goldens/golden.ts': "import { main } from 'wavecraft-audio-harness/dist/harness/cli/main.js';\n",
      'harness/cli/main.ts': 'export const main = 1;\n',
    });
    expect(boundaryViolations(root)).toEqual([
      expect.stringMatching(
        /^harness\/goldens\/golden\.ts:1 imports harness\/cli\/main\.ts: the harness library .* may not import harness\/cli\//,
      ),
    ]);
  });

  it('find a folder cycle at any depth: two subfolders of one folder importing each other round', () => {
    const root = tree({
      'harness/validate/alpha/a1.ts': "import { b1 } from '../beta/b1.ts';\nexport const a1 = b1;\n",
      'harness/validate/alpha/a2.ts': 'export const a2 = 2;\n',
      'harness/validate/beta/b1.ts': 'export const b1 = 1;\n',
      'harness/validate/beta/b2.ts': "import { a2 } from '../alpha/a2.ts';\nexport const b2 = a2;\n",
    });
    expect(boundaryViolations(root)).toEqual([
      'folder cycle: harness/validate/alpha → harness/validate/beta → harness/validate/alpha (harness/validate/alpha/a1.ts:1 imports harness/validate/beta/b1.ts; harness/validate/beta/b2.ts:1 imports harness/validate/alpha/a2.ts)',
    ]);
  });
});
