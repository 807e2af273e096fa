/**
 * The problems one validator check finds, all of them: counted by kind, ranked by severity
 * (non-finite or blown-up output, then wrong levels or a change that depends on the block size,
 * then subnormals), the worst reported first.
 * A check that stopped at its first problem once called a filter's +677 dBFS blow-up "subnormal
 * output", because the subnormals came first.
 */
import type { WorstCase } from './worstCase.ts';

/**
 * Output beyond this (+120 dBFS) has blown up, whatever the headroom. Bounded transients of
 * correct DSP stay far below it (a 4-stage resonant filter cascade reached +57 dBFS under the
 * automation fuzz); an unstable filter passes it on its way to +300 dBFS and beyond.
 */
export const BLOW_UP = 1e6;

export type ProblemKind = 'non-finite' | 'blow-up' | 'level' | 'click' | 'block-dependent' | 'subnormal';

/** Lower is worse. Non-finite and blow-up share the first rank; within a rank the larger magnitude is worse. */
export const SEVERITY: Record<ProblemKind, number> = {
  'non-finite': 0,
  'blow-up': 0,
  level: 1,
  click: 1,
  'block-dependent': 1,
  subnormal: 2,
};

export const PROBLEM_KINDS = Object.keys(SEVERITY) as ProblemKind[];

export interface ProblemCount {
  kind: ProblemKind;
  /** Occurrences (samples, or cases where the check counts cases). */
  count: number;
  /** The worst of this kind, one line. */
  worst: string;
}

export class Problems {
  private readonly counts = new Map<ProblemKind, { count: number; worst: WorstCase; magnitude: number }>();

  /**
   * Records `count` problems of `kind`; `worst` describes one of them, `magnitude` ranks it within its kind (e.g.
   * |sample|).
   */
  add(kind: ProblemKind, count: number, worst: WorstCase, magnitude: number): void {
    if (count <= 0) return;
    const known = this.counts.get(kind);
    const m = Number.isNaN(magnitude) ? Infinity : magnitude;
    if (!known) this.counts.set(kind, { count, worst, magnitude: m });
    else {
      known.count += count;
      if (m > known.magnitude) Object.assign(known, { worst, magnitude: m });
    }
  }

  get any(): boolean {
    return this.counts.size > 0;
  }

  /** The kinds found, worst first. */
  ranked(): ProblemCount[] {
    return [...this.counts]
      .sort(([a, x], [b, y]) => SEVERITY[a] - SEVERITY[b] || y.magnitude - x.magnitude)
      .map(([kind, v]) => ({ kind, count: v.count, worst: v.worst.what }));
  }

  /** The worst case of the worst kind. */
  worst(): WorstCase | undefined {
    const first = this.ranked()[0];
    return first ? this.counts.get(first.kind)!.worst : undefined;
  }

  /** "2 kinds of problem: 1440 blow-up, 35221 subnormal" */
  tally(): string {
    const ranked = this.ranked();
    return `${ranked.length} kind${ranked.length === 1 ? '' : 's'} of problem: ${ranked.map((p) => `${p.count} ${p.kind}`).join(', ')}`;
  }
}

/** The kind of one output sample that is wrong, or null: NaN/Inf, beyond BLOW_UP, beyond `headroom`, subnormal. */
export function sampleProblem(x: number, headroom: number | null): ProblemKind | null {
  if (!Number.isFinite(x)) return 'non-finite';
  const a = Math.abs(x);
  if (a > BLOW_UP) return 'blow-up';
  if (headroom !== null && a > headroom) return 'level';
  if (x !== 0 && a < 1.1754943508222875e-38) return 'subnormal';
  return null;
}

/** "+36.2 dBFS", "-6.0 dBFS", "-inf dBFS" for a sample value (its magnitude). */
export function dbfs(x: number): string {
  if (x === 0) return '-inf dBFS';
  const db = 20 * Math.log10(Math.abs(x));
  return `${db >= 0 ? '+' : ''}${db.toFixed(1)} dBFS`;
}

export interface KindScan {
  count: number;
  /** The worst sample of this kind: the first non-finite or subnormal one, the largest otherwise. */
  frame: number;
  channel: 'L' | 'R';
  value: number;
}

export type OutputScan = Partial<Record<ProblemKind, KindScan>>;

/** Every wrong sample of `out` in [fromFrame, toFrame), by kind. `headroom` null: no level bound. */
export function scanOutput(
  out: readonly [Float32Array, Float32Array],
  headroom: number | null,
  fromFrame = 0,
  toFrame = out[0].length,
): OutputScan {
  const scan: OutputScan = {};
  out.forEach((channel, ch) => {
    for (let i = fromFrame; i < toFrame; i++) {
      const x = channel[i]!;
      const kind = sampleProblem(x, headroom);
      if (!kind) continue;
      const known = scan[kind];
      const here = { frame: i, channel: ch === 0 ? ('L' as const) : ('R' as const), value: x };
      if (!known) scan[kind] = { count: 1, ...here };
      else {
        known.count++;
        const firstWins = kind === 'non-finite' || kind === 'subnormal';
        if (firstWins ? i < known.frame : Math.abs(x) > Math.abs(known.value)) Object.assign(known, here);
      }
    }
  });
  return scan;
}

/** Adds each kind found by `scanOutput` to `problems`, described by `describe`. */
export function addScan(
  problems: Problems,
  scan: OutputScan,
  describe: (kind: ProblemKind, found: KindScan) => WorstCase,
): void {
  for (const kind of PROBLEM_KINDS) {
    const found = scan[kind];
    if (found) problems.add(kind, found.count, describe(kind, found), Math.abs(found.value));
  }
}

/** "NaN", "+677.3 dBFS (4.1e33)", "1.2e-39 (subnormal)": one wrong sample in words. */
export function describeSample(kind: ProblemKind, value: number): string {
  if (kind === 'non-finite') return String(value);
  if (kind === 'subnormal') return `${value.toExponential(2)} (subnormal)`;
  return `${dbfs(value)} (${value.toPrecision(3)})`;
}
