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
      'devmode/web/src/worklet/dspProcessor.ts': "import { readFileSync } from 'node:fs';\nimport { Ajv } from 'ajv';\nimport { x } from '../../../server/devServer.ts';\n",
    });
    expect(boundaryViolations(root)).toEqual([
      'devmode/web/src/worklet/dspProcessor.ts:1 imports node:fs: the worklet (audio thread: no Node, no DOM, no packages) layer may not use Node builtins',
      'devmode/web/src/worklet/dspProcessor.ts:2 imports the package ajv: the worklet (audio thread: no Node, no DOM, no packages) layer may import no packages',
      expect.stringMatching(/^devmode\/web\/src\/worklet\/dspProcessor\.ts:3 imports devmode\/server\/devServer\.ts: the worklet .* may import only /),
    ]);
  });

  it('fail when a worklet file uses a global its runtime lacks (comments and property names aside)', () => {
    const root = tree({
      'devmode/web/src/worklet/meters.ts': "// fetch is not here\nconst a = { document: 1 };\nconst b = a.document;\nconst c = fetch('x');\n",
    });
    expect(boundaryViolations(root)).toEqual([
      "devmode/web/src/worklet/meters.ts:4 uses fetch: the worklet (audio thread: no Node, no DOM, no packages) layer's runtime has no fetch",
    ]);
  });

  it('fail when the harness imports reference-stack internals instead of devmode/index.ts', () => {
    const root = tree({
      'harness/test.ts': "import { startReferenceStack } from '../devmode/index.ts';\nimport { DevServer } from '../devmode/server/devServer.ts';\n",
    });
    expect(boundaryViolations(root)).toEqual([expect.stringMatching(/^harness\/test\.ts:2 imports devmode\/server\/devServer\.ts: the harness \(the reference stack only through devmode\/index\.ts\) layer/)]);
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
});
