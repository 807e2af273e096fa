/**
 * The nightly's verdict and exit code with the third verdict: a stand-in suite writes the
 * summaries Playwright's summary reporter would. Inconclusive tests are measured once more (and
 * only they: a failed test is never re-run); exit 0 passed, 1 failed, 3 inconclusive.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Summary, SummaryEntry } from '../report/summaryReporter.ts';
import { CHECK_IDS } from '../validate/checkIds.ts';
import { INCONCLUSIVE_EXIT_CODE, runVerdict, type Verdict } from '../verdict/verdict.ts';
import { readHistory } from './history.ts';
import { runNightly } from './runNightly.ts';

const REFERENCE = new URL('../../devmode/dsp/build/reference.wasm', import.meta.url).pathname;
const CAUSE =
  'the audio clock ran at 0.38× real time (below 0.85× for 4.1 s), 23 capture dropouts: too busy to measure';

function entry(name: string, verdict: Verdict): SummaryEntry {
  return {
    title: name,
    titlePath: ['scenario', name],
    specFile: '/suite/scenarios.spec.ts',
    project: 'wasm',
    file: '/suite/scenarioSuite.ts',
    status: verdict === 'failed' ? 'failed' : verdict === 'passed' ? 'passed' : 'skipped',
    outcome: verdict === 'failed' ? 'unexpected' : verdict === 'passed' ? 'expected' : 'skipped',
    verdict,
    inconclusiveCause: verdict === 'inconclusive' ? CAUSE : null,
    audioHealth: null,
    durationMs: 1,
    worstDeviationDb: verdict === 'failed' ? 0.3 : 0.01,
    offlineSnrDb: null,
    paritySnrDb: null,
    liveSnrDb: null,
    phases: null,
    error: verdict === 'failed' ? 'gain-steps: Δ +0.30 dB' : null,
  };
}

/** Runs the nightly against the reference build with suite runs that report `runs[i]` (test → verdict). */
async function nightly(runs: Record<string, Verdict>[]) {
  const dir = mkdtempSync(join(tmpdir(), 'nightly-verdict-'));
  const project = {
    reportsDir: dir,
    validate: { strictness: 1, skip: CHECK_IDS.filter((c) => c !== 'abi' && c !== 'sample-rates') },
  } as unknown as ProjectConfig;
  const calls: { args: string[]; list: string | null }[] = [];
  const lines: string[] = [];
  const code = await runNightly({
    project,
    wasm: REFERENCE,
    log: (line) => lines.push(line),
    runSuite: async (_env, args = []) => {
      const listFile = args[args.indexOf('--test-list') + 1];
      calls.push({ args, list: args.includes('--test-list') ? readFileSync(listFile!, 'utf8') : null });
      const tests = Object.entries(runs[calls.length - 1]!).map(([name, v]) => entry(name, v));
      const verdicts = tests.map((t) => t.verdict);
      const summary = {
        generatedAt: '',
        rootDir: '/suite',
        status: 'passed',
        verdict: runVerdict(verdicts),
        verdicts: {},
        counts: {},
        tests,
      } as unknown as Summary;
      writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary));
      return verdicts.includes('failed') ? 1 : 0;
    },
  });
  return { code, calls, log: lines.join('\n'), history: readHistory(join(dir, 'history.jsonl')) };
}

describe('nightly verdicts', () => {
  it('measures an inconclusive test once more at the end, says so, and passes when it then passes', async () => {
    const r = await nightly([{ a: 'passed', b: 'inconclusive' }, { b: 'passed' }]);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[1]!.list).toBe(
      '[wasm] › scenarios.spec.ts › scenario › b\n[wasm] › scenarioSuite.ts › scenario › b\n',
    );
    expect(r.log).toMatch(/1 test\(s\) inconclusive, the machine starved their audio; measuring them once more/);
    expect(r.log).toMatch(/re-measured 1: 1 passed, 0 failed, 0 inconclusive/);
    expect(r.code).toBe(0);
    expect(r.history.at(-1)).toMatchObject({ status: 'passed', passed: 2, failed: 0, inconclusive: 0 });
  });

  it('exits with the inconclusive code, naming the cause, when a test stays inconclusive and none failed', async () => {
    const r = await nightly([{ a: 'passed', b: 'inconclusive' }, { b: 'inconclusive' }]);
    expect(r.code).toBe(INCONCLUSIVE_EXIT_CODE);
    expect(r.log).toContain(`inconclusive (no verdict on the build): wasm › b\n    ${CAUSE}`);
    expect(r.history.at(-1)).toMatchObject({ status: 'inconclusive', passed: 1, failed: 0, inconclusive: 1 });
    expect(r.history.at(-1)!.tests['wasm › b']).toMatchObject({ verdict: 'inconclusive', inconclusiveCause: CAUSE });
  });

  it('never re-runs a failed test, and fails the run whatever the re-measurement says', async () => {
    const r = await nightly([{ a: 'failed', b: 'inconclusive' }, { b: 'passed' }]);
    expect(r.calls[1]!.list).not.toContain('› a');
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/1 regression\(s\)[\s\S]*Δ \+0\.30 dB/);
    expect(r.history.at(-1)).toMatchObject({ status: 'failed', failed: 1, inconclusive: 0 });
  });

  it('says "not run" for an inconclusive test the re-measurement did not report', async () => {
    const r = await nightly([{ a: 'passed', b: 'inconclusive' }, {}]);
    expect(r.log).toMatch(/re-measured 1: 0 passed, 0 failed, 0 inconclusive, 1 not run/);
    expect(r.code).toBe(INCONCLUSIVE_EXIT_CODE);
  });

  it('runs the suite once when nothing was inconclusive', async () => {
    const r = await nightly([{ a: 'passed', b: 'passed' }]);
    expect(r.calls).toHaveLength(1);
    expect(r.code).toBe(0);
  });
});
