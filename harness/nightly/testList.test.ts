/**
 * The --test-list lines the nightly writes, checked against real Playwright: built from a test
 * of this repo's suite (a scenario, whose test() is called in harness/suite/scenarioSuite.ts but
 * belongs to specs/scenarios.spec.ts), `playwright test --list --test-list` must find that test
 * and no other.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testListLines } from './testList.ts';

const root = resolve(new URL('../..', import.meta.url).pathname);

interface ListedSuite {
  title: string;
  file: string;
  specs: { title: string; file: string; tests: { projectName: string }[] }[];
  suites?: ListedSuite[];
}
interface Listed {
  suites: ListedSuite[];
}

/** The describes that hold tests, through anonymous ones. */
const describesWithTests = (suite: ListedSuite): ListedSuite[] => [
  ...(suite.title && suite.specs.length ? [suite] : []),
  ...(suite.suites ?? []).flatMap(describesWithTests),
];

function list(args: string[]): Listed {
  const run = spawnSync('npx', ['playwright', 'test', '--list', '--reporter=json', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WAVECRAFT_WORKERS: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as Listed;
}

describe("the nightly's --test-list lines", () => {
  it('select exactly the test they name, in its spec file, not where test() was called', () => {
    const scenarios = list(['--project=wasm', 'specs/scenarios.spec.ts']).suites[0]!;
    const describe = describesWithTests(scenarios)[1]!;
    const spec = describe.specs[0]!;
    const lines = testListLines(
      {
        project: 'wasm',
        specFile: join(root, 'specs', scenarios.file),
        file: join(root, 'specs', spec.file),
        titlePath: [describe.title, spec.title],
      },
      join(root, 'specs'),
    );
    expect(lines).toEqual([
      `[wasm] › scenarios.spec.ts › ${describe.title} › ${spec.title}`,
      `[wasm] › ../harness/suite/scenarioSuite.ts › ${describe.title} › ${spec.title}`,
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'test-list-')), 'list.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const selected = list(['--test-list', file]);
    const titles = selected.suites.flatMap((f) =>
      (f.suites ?? [])
        .flatMap(describesWithTests)
        .flatMap((d) => d.specs.flatMap((s) => s.tests.map((t) => `${t.projectName} ${d.title} ${s.title}`))),
    );
    expect(titles).toEqual([`wasm ${describe.title} ${spec.title}`]);
  });

  it('refuses a title Playwright would split', () => {
    expect(() =>
      testListLines({ project: 'wasm', specFile: '/s/a.spec.ts', file: '/s/a.spec.ts', titlePath: ['a › b'] }, '/s'),
    ).toThrow(RangeError);
  });
});
