/**
 * Compares measured levels with expected ones and, on a miss, says exactly what moved:
 * which step, stage, channel and statistic, expected and actual dBFS, and by how much.
 */
import {
  METER_STATISTICS,
  STATISTICS,
  type PerStatistic,
  type StatisticLabel,
} from '../../contracts/meters/meterStatistics.ts';
import type { Stage, StageLevels } from './meterTrace.ts';

export type ExpectedStageLevels = Partial<PerStatistic<number>>;

export interface LevelMiss {
  label: string;
  stage: Stage | string;
  channel: 'L' | 'R';
  statistic: StatisticLabel;
  expectedDb: number;
  actualDb: number;
  toleranceDb: number;
}

/** Lists every statistic of `actual` that differs from `expected` by more than `toleranceDb`. */
export function compareStageLevels(
  label: string,
  stage: Stage | string,
  actual: StageLevels,
  expected: ExpectedStageLevels,
  toleranceDb: number,
): LevelMiss[] {
  const misses: LevelMiss[] = [];
  for (const key of STATISTICS) {
    const want = expected[key];
    if (!want) continue;
    const got = actual[key];
    const statistic = METER_STATISTICS[key].label;
    [0, 1].forEach((ch) => {
      const expectedDb = want[ch]!;
      const actualDb = got[ch]!;
      const ok = Number.isFinite(actualDb) ? Math.abs(actualDb - expectedDb) <= toleranceDb : actualDb === expectedDb;
      if (!ok)
        misses.push({ label, stage, channel: ch === 0 ? 'L' : 'R', statistic, expectedDb, actualDb, toleranceDb });
    });
  }
  return misses;
}

const fmt = (db: number) => (Number.isFinite(db) ? db.toFixed(3) : String(db));

/** A table a person can act on, capped at `maxRows` rows. */
export function formatLevelMisses(misses: LevelMiss[], maxRows = 20): string {
  const header = 'step / stage / ch / stat : expected dBFS vs actual dBFS (Δ dB, tolerance)';
  const rows = misses.slice(0, maxRows).map((m) => {
    const delta = m.actualDb - m.expectedDb;
    return `  ${m.label} / ${m.stage} / ${m.channel} / ${m.statistic} : expected ${fmt(m.expectedDb)} vs actual ${fmt(m.actualDb)} (Δ ${Number.isFinite(delta) ? (delta >= 0 ? '+' : '') + delta.toFixed(3) : delta}, ±${m.toleranceDb})`;
  });
  const more = misses.length > maxRows ? [`  … and ${misses.length - maxRows} more`] : [];
  return [header, ...rows, ...more].join('\n');
}

/** Throws an Error listing every miss and every other problem, or returns when there are none. */
export function assertNoLevelMisses(what: string, misses: LevelMiss[], problems: string[] = []): void {
  if (misses.length === 0 && problems.length === 0) return;
  const parts = [
    `${what}: ${misses.length} level(s) outside tolerance${problems.length ? `, ${problems.length} other problem(s)` : ''}`,
  ];
  if (misses.length > 0) parts.push(formatLevelMisses(misses));
  parts.push(...problems.map((p) => `  ${p}`));
  throw new Error(parts.join('\n'));
}
