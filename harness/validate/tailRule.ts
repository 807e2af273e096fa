/**
 * The one rule for a DSP's tail after its input stops, shared by the `silence` and
 * `automation-fuzz` checks: the output must be silent (below -120 dBFS), or still dying away
 * (its last TAIL_WINDOW_SECONDS at least TAIL_DECAY_DB below the window before). A resonant low
 * filter rings for seconds (Q 10 at 20 Hz falls about 54 dB a second), so "not yet silent" alone
 * is no fault; output that holds its level, or grows, is.
 */
import { generatorHint, steadyTone, type GeneratorGate } from './generatorGates.ts';
import { BLOW_UP, dbfs, type Problems } from './problems.ts';
import { peakOf } from './render.ts';
import type { WorstCase } from './worstCase.ts';

export const TAIL_FLOOR = 1e-6; // -120 dBFS
export const TAIL_WINDOW_SECONDS = 0.25;
export const TAIL_DECAY_DB = 6;

export interface TailJudgement {
  ok: boolean;
  /** The judged window's peak. */
  peak: ReturnType<typeof peakOf>;
  /** How much lower the judged window is than the one before, dB (NaN when not finite). */
  fallDb: number;
}

/** Judges the window [fromFrame, fromFrame + TAIL_WINDOW_SECONDS) of `out` against the window before it. */
export function judgeTail(out: [Float32Array, Float32Array], fromFrame: number, sampleRate: number): TailJudgement {
  const windowFrames = Math.round(TAIL_WINDOW_SECONDS * sampleRate);
  const peak = peakOf(out, fromFrame, fromFrame + windowFrames);
  const before = peakOf(out, fromFrame - windowFrames, fromFrame);
  const fallDb = 20 * Math.log10(before.value / peak.value);
  const ok = !Number.isNaN(peak.value) && (peak.value < TAIL_FLOOR || fallDb >= TAIL_DECAY_DB);
  return { ok, peak, fallDb };
}

/** "… and not dying away (2.1 dB lower than the 0.25 s before)", or "growing (…)", for a failed judgement. */
export function describeTail(j: TailJudgement): string {
  const rule = `a tail must fall ${TAIL_DECAY_DB} dB per ${TAIL_WINDOW_SECONDS} s until it is below -120 dBFS`;
  if (j.fallDb < -1)
    return `growing (${(-j.fallDb).toFixed(1)} dB louder than the ${TAIL_WINDOW_SECONDS} s before: unstable; ${rule})`;
  return `not dying away (${j.fallDb.toFixed(1)} dB lower than the ${TAIL_WINDOW_SECONDS} s before; ${rule})`;
}

/**
 * Judges the tail of `out` from `fromFrame` and, when it fails, adds it to `problems`: a growing
 * tail as a blow-up, one that holds as a level problem, a steady periodic one named as a
 * generator's. Non-finite or blown-up samples are left to the sample scan, which counts them.
 * `where` places it ("1 s into silence"); `describe` gives the rest of the worst case.
 */
export function addTailProblem(
  problems: Problems,
  out: [Float32Array, Float32Array],
  fromFrame: number,
  sampleRate: number,
  gates: readonly GeneratorGate[],
  where: string,
  describe: (peak: TailJudgement['peak']) => Omit<WorstCase, 'what'>,
): void {
  const judged = judgeTail(out, fromFrame, sampleRate);
  const peak = judged.peak;
  if (judged.ok || !Number.isFinite(peak.value) || peak.value > BLOW_UP) return;
  const hint = generatorHint(
    steadyTone(out, fromFrame, Math.round(TAIL_WINDOW_SECONDS * sampleRate), sampleRate),
    gates,
  );
  problems.add(
    judged.fallDb < -1 ? 'blow-up' : 'level',
    1,
    { what: `output at ${dbfs(peak.value)} ${where}, and ${describeTail(judged)}${hint}`, ...describe(peak) },
    peak.value,
  );
}
