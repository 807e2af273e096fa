/**
 * An external ABI-v1 build, loaded the way a nightly user loads theirs: WAVECRAFT_WASM pointing at
 * a module built from another source (WAT compiled with wabt, a fixed -6 dB gain that ignores
 * input_trim_level). The unchanged gain-step spec must fail exactly where that behaviour differs
 * from the reference law — steps 1 and 3 — and hold where it agrees — step 2 (level 0.5, -6.02 dB).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { buildWatDsp } from '../../fixtures/wasm/watDspModule.ts';
import { expect, test } from '../../harness/test.ts';
import { withoutAnsi } from '../../harness/io/withoutAnsi.ts';

interface JsonReport {
  suites: JsonSuite[];
  stats: { expected: number; unexpected: number };
}
interface JsonSuite {
  specs?: {
    title: string;
    tests: { projectName: string; results: { status: string; errors: { message?: string }[] }[] }[];
  }[];
  suites?: JsonSuite[];
}

function results(suite: JsonSuite): { title: string; status: string; message: string }[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.flatMap((t) =>
      t.results.map((r) => ({
        title: spec.title,
        status: r.status,
        message: r.errors.map((e) => e.message ?? '').join('\n'),
      })),
    ),
  );
  return [...own, ...(suite.suites ?? []).flatMap(results)];
}

test('WAVECRAFT_WASM runs the unchanged wasm project against an external build, and its verdicts match the build', async ({}, testInfo) => {
  // A backstop for the nested run, which judges its own waits on the audio clock.
  test.setTimeout(600_000);
  const modulePath = testInfo.outputPath('fixed-gain-m6db.wasm');
  writeFileSync(modulePath, await buildWatDsp({ gainDb: -6 }));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TEST_|PW_|PLAYWRIGHT_)/.test(k)));
  const run = spawnSync(
    'npx',
    [
      'playwright',
      'test',
      '--project=wasm',
      'specs/gainSteps.spec.ts',
      '--reporter=json',
      `--output=${testInfo.outputPath('nested')}`,
    ],
    {
      env: { ...env, WAVECRAFT_WASM: modulePath, WAVECRAFT_WORKERS: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(run.status, `nested run exit status; stderr:\n${run.stderr}`).toBe(1);
  const report = JSON.parse(run.stdout) as JsonReport;
  const [result] = report.suites.flatMap(results);
  expect(result?.status).toBe('failed');
  const message = withoutAnsi(result!.message);
  testInfo.attach('nested failure', { body: message, contentType: 'text/plain' });
  // Steps 1 and 3 expect the reference law; the build gives -12 dBFS whatever input_trim_level says.
  expect(message).toMatch(
    /step 1 \(input_trim_level 1 = 0\.00 dB\) \/ output \/ L \/ peak : expected -6\.000 vs actual -12\.0\d\d \(Δ -6\.0\d\d/,
  );
  expect(message).toMatch(
    /step 3 \(input_trim_level 0\.1 = -20\.00 dB\) \/ output \/ L \/ peak : expected -26\.000 vs actual -12\.0\d\d \(Δ \+13\.9\d\d/,
  );
  // Step 2 asks for 0.5 (-6.02 dB), within tolerance of what the build does: no output miss there.
  expect(message).not.toMatch(/step 2 \(input_trim_level 0\.5 = -6\.02 dB\) \/ output/);
  // The input side is untouched by any DSP.
  expect(message).not.toMatch(/\/ input \//);
});
