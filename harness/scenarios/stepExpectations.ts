/**
 * A scenario's analytic expectations (`steps[i].expect`) against the live run's settled levels:
 * what the DSP's own maths says the output must be, independent of any golden.
 */
import { METER_STAGES, METER_STATISTICS, STATISTICS } from '../../contracts/meters/meterStatistics.ts';
import type { LiveTakeStep } from '../goldens/liveGolden.ts';
import type { Scenario } from './scenario.ts';

export function stepExpectationProblems(scenario: Scenario, measured: readonly LiveTakeStep[], path: string): string[] {
  const tolerance = scenario.tolerances.levelDb;
  const problems: string[] = [];
  scenario.steps.forEach((step, i) => {
    const got = measured[i];
    if (!step.expect || !got) return;
    for (const stage of METER_STAGES) {
      for (const statistic of STATISTICS) {
        const expected = step.expect[stage]?.[statistic];
        if (expected === undefined) continue;
        const both = typeof expected === 'number' ? [expected, expected] : expected;
        both.forEach((want, ch) => {
          const actual = got[stage][statistic][ch]!;
          const delta = actual - want;
          if (Math.abs(delta) > tolerance) {
            const set = Object.entries(step.set)
              .map(([id, v]) => `${id} = ${v}`)
              .join(', ');
            problems.push(
              `${scenario.name} [${path}] step ${i + 1} (${set}) ${stage} ${ch === 0 ? 'L' : 'R'} ${METER_STATISTICS[statistic].label}: expected ${want.toFixed(2)} dBFS (analytic), actual ${actual.toFixed(2)} dBFS (Δ ${delta >= 0 ? '+' : ''}${delta.toFixed(2)} dB, ±${tolerance})`,
            );
          }
        });
      }
    }
  });
  return problems;
}
