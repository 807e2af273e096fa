/**
 * A made-up but plausible nightly history, seeded: daily runs of `tests` tests whose worst
 * deviation wanders around a few hundredths of a dB, with a regression (one test 0.5–3 dB off,
 * the run failed, the DSP a little dearer, the validator failing every other one) at each run
 * index in `regressions`. For the dashboard's own tests and its size and load-time figures.
 */
import { Random } from '../signals/random.ts';
import { CHECK_IDS } from '../validate/checkIds.ts';
import type { HistoryEntry } from './history.ts';

export interface GeneratedHistoryOptions {
  runs: number;
  tests?: number;
  /** 0-based run indices that regress. */
  regressions?: number[];
  /** 0-based run indices where the machine starved one test's audio (inconclusive, no failure). */
  inconclusive?: number[];
  seed?: number;
  firstDate?: string;
}

export function generateHistory({
  runs,
  tests = 12,
  regressions = [],
  inconclusive = [],
  seed = 7,
  firstDate = '2026-01-01T02:00:00Z',
}: GeneratedHistoryOptions): HistoryEntry[] {
  const rng = new Random(seed);
  const random = () => rng.next();
  const names = Array.from(
    { length: tests },
    (_, t) => `${t % 2 ? 'mock' : 'wasm'} › scenario-${String(Math.floor(t / 2) + 1).padStart(2, '0')}`,
  );
  const start = Date.parse(firstDate);
  const bad = new Set(regressions);
  const starved = new Set(inconclusive);
  let regressionCount = 0;
  return Array.from({ length: runs }, (_, run) => {
    const regressed = bad.has(run);
    const victim = regressed ? Math.floor(random() * tests) : -1;
    const validatorFails = regressed && regressionCount++ % 2 === 0;
    const starvedTest = !regressed && starved.has(run) ? (run * 7) % tests : -1;
    const entryTests: HistoryEntry['tests'] = {};
    names.forEach((name, t) => {
      const deviation = t === victim ? 0.5 + random() * 2.5 : random() * 0.06;
      entryTests[name] =
        t === starvedTest
          ? {
              outcome: 'skipped',
              verdict: 'inconclusive',
              inconclusiveCause:
                'the audio clock ran at 0.38× real time (below 0.85× for 4.1 s), 23 capture dropouts: too busy to measure',
              worstDeviationDb: null,
              offlineSnrDb: null,
            }
          : {
              outcome: t === victim ? 'unexpected' : 'expected',
              verdict: t === victim ? 'failed' : 'passed',
              worstDeviationDb: Math.round(deviation * 100) / 100,
              offlineSnrDb: t === victim ? 20 + random() * 10 : 140,
            };
    });
    const build = Array.from({ length: 8 }, () =>
      Math.floor(random() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const deviations = Object.values(entryTests)
      .map((t) => t.worstDeviationDb)
      .filter((d): d is number => d !== null);
    return {
      date: new Date(start + run * 86_400_000).toISOString(),
      wasmPath: '/builds/plugin.wasm',
      buildSha256: build,
      status: regressed ? 'failed' : starvedTest >= 0 ? 'inconclusive' : 'passed',
      passed: tests - (regressed || starvedTest >= 0 ? 1 : 0),
      failed: regressed ? 1 : 0,
      inconclusive: starvedTest >= 0 ? 1 : 0,
      tests: entryTests,
      worstDeviationDb: Math.max(...deviations),
      dspNsPerFrame: Math.round((38 + random() * 4 + (regressed ? 9 : 0)) * 10) / 10,
      validation: {
        strictness: 5,
        passed: !validatorFails,
        checks: Object.fromEntries(
          CHECK_IDS.map((c) => [c, validatorFails && c === 'finite-output' ? 'fail' : 'pass']),
        ),
      },
      ...(regressed ? { reportPath: `runs/${String(run + 1).padStart(3, '0')}/html/index.html` } : {}),
    };
  });
}
