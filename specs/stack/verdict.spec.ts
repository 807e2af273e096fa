/**
 * The three verdicts, end to end: a nested Playwright run of specs/verdict/*.verdict.ts, read
 * from its JSON report. A mismatch on clean audio must fail; the same mismatch on audio the machine
 * starved (the renderer frozen for 3 s) must be inconclusive, naming the cause with figures; a hung
 * page must fail, naming what hung, and must not be excused as a busy machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '../../harness/test.ts';
import { INCONCLUSIVE } from '../../harness/verdict/verdict.ts';
import { withoutAnsi } from '../../harness/io/withoutAnsi.ts';

interface JsonResult {
  status: string;
  errors: { message?: string }[];
  annotations: { type: string; description?: string }[];
}
interface JsonSuite {
  specs?: { title: string; tests: { results: JsonResult[] }[] }[];
  suites?: JsonSuite[];
}
const results = (suite: JsonSuite): { title: string; result: JsonResult }[] => [
  ...(suite.specs ?? []).flatMap((spec) =>
    spec.tests.flatMap((t) => t.results.map((result) => ({ title: spec.title, result }))),
  ),
  ...(suite.suites ?? []).flatMap(results),
];
const plain = withoutAnsi;

test('a mismatch fails on clean audio, is inconclusive on starved audio, and a hung page fails naming what hung', async ({}, testInfo) => {
  // A backstop for the nested run, which judges its own waits on the audio clock.
  test.setTimeout(600_000);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TEST_|PW_|PLAYWRIGHT_)/.test(k)));
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'specs/verdict/verdict.config.ts'], {
    env: {
      ...env,
      WAVECRAFT_OUTPUT_DIR: testInfo.outputPath('nested'),
      WAVECRAFT_JSON_REPORT: testInfo.outputPath('nested.json'),
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.status, `the nested run fails (one test fails on purpose); stderr:\n${run.stderr}`).toBe(1);
  const json = readFileSync(testInfo.outputPath('nested.json'), 'utf8');
  await testInfo.attach('nested report', { body: json, contentType: 'application/json' });
  const report = JSON.parse(json) as { suites: JsonSuite[] };
  const byTitle = new Map(report.suites.flatMap(results).map((r) => [r.title, r.result]));

  await test.step('clean audio: failed, with the measured level', async () => {
    const clean = byTitle.get('a mismatch on clean audio fails')!;
    expect(clean.status).toBe('failed');
    expect(plain(clean.errors[0]?.message ?? '')).toMatch(/output peak \(dBFS\)/);
    expect(clean.annotations.some((a) => a.type === INCONCLUSIVE)).toBe(false);
  });

  await test.step('renderer frozen for 3 s: inconclusive, naming the cause with figures, keeping what it would have reported', async () => {
    const starved = byTitle.get('the same mismatch after the machine froze the page for 3 s is inconclusive')!;
    expect(starved.status).toBe('skipped');
    const cause = starved.annotations.find((a) => a.type === INCONCLUSIVE)?.description ?? '';
    expect(cause).toMatch(
      /audio clock ran at \d\.\d\d× real time|did not answer for \d+\.\d\d s|stood still for \d+\.\d\d s/,
    );
    expect(cause).toMatch(/too busy to measure/);
    expect(cause).toMatch(/It would have reported: .*output peak/);
  });

  await test.step("record mode's question: clean audio is fit to record, the frozen page's is not", async () => {
    const record = byTitle.get(
      'record mode asks whether the measured audio was starved: no before the freeze, yes after it',
    )!;
    const busy = record.annotations.find((a) => a.type === INCONCLUSIVE)?.description;
    if (busy) {
      // The machine starved the audio before the freeze: this half could not be measured. The whole test says so at its
      // end.
      expect(record.status).toBe('skipped');
      testInfo.annotations.push({
        type: INCONCLUSIVE,
        description: `record mode's question could not be asked: ${busy}`,
      });
      return;
    }
    expect(record.status, plain(record.errors[0]?.message ?? '')).toBe('passed');
  });

  await test.step('hung page: failed, naming what hung, not excused', async () => {
    const hung = byTitle.get('a page whose main thread hangs fails, naming what hung')!;
    expect(hung.status).toBe('failed');
    expect(plain(hung.errors[0]?.message ?? '')).toMatch(
      /the page hung: it did not answer for 20 s while waiting for audio frame \d+, while its browser answered in \d+ ms/,
    );
    expect(hung.annotations.some((a) => a.type === INCONCLUSIVE)).toBe(false);
  });
  const unmeasured = testInfo.annotations.find((a) => a.type === INCONCLUSIVE);
  test.skip(!!unmeasured, `inconclusive: ${unmeasured?.description}`);
});
