/**
 * The one rule for a DSP's tail after its input stops, shared by the `silence` and
 * `automation-fuzz` checks. Once the tail time (--tail-seconds) has passed, the output must be
 * silent (below -120 dBFS), or still dying away. Whether it is dying is judged as a trend, over a
 * span long enough to hold several echoes of a delay and to average a diffuse reverb's peaks: the
 * DSP renders TREND_SECONDS more of silence, and the peak of its second half is compared with the
 * peak of its first half (both channels).
 *
 * - lower by at least DYING_DB: a tail still dying away, at that rate. It passes; the check says it
 *   judged a tail still dying, with the slowest rate (an RT60), so a developer can lengthen
 *   --tail-seconds. A feedback delay (an echo every second, each 0.9 dB down) and a reverb of RT60
 *   60 s both fall by that much over a half span.
 * - louder by more than GROWING_DB: growing, unstable.
 * - in between: the output holds its level (a generator, named as one when it is steady and
 *   periodic; or a DSP stuck at a level). A problem.
 *
 * A DSP's tail is never judged from one short window against the one before: a delay's echo lands
 * in one window and not the next, and that is neither growth nor a fault.
 */
import { generatorHint, steadyTone, type GeneratorGate } from './generatorGates.ts';
import { BLOW_UP, dbfs, type Problems } from './problems.ts';
import { concat, peakOf } from './render.ts';
import type { Stereo } from './testSignals.ts';
import type { WorstCase } from './worstCase.ts';

export const TAIL_FLOOR = 1e-6; // -120 dBFS
/** The first look, at the tail time: silent here is silent. */
export const TAIL_WINDOW_SECONDS = 0.25;
/** The span over which a tail that is not yet silent is judged: two halves of 2 s. */
export const TREND_SECONDS = 4;
/** A second half at least this much lower than the first is a tail still dying away. */
export const DYING_DB = 0.5;
/** A second half more than this much louder than the first is growing: unstable. */
export const GROWING_DB = 1;

export type TailVerdict = 'silent' | 'dying' | 'holding' | 'growing';

export interface TailJudgement {
  verdict: TailVerdict;
  /** The judged stretch's loudest sample: the first look's, or the trend span's. */
  peak: ReturnType<typeof peakOf>;
  /** The trend, dB per second (negative: falling); NaN when the first look was silent or not finite. */
  dbPerSecond: number;
  /** The render judged: `out`, and the trend span after it when one was rendered (frames keep counting). */
  output: Stereo;
}

/** More frames of silence rendered by the same instance, after those already rendered. */
export type RenderMoreSilence = (frames: number) => Stereo;

/** `b` against `a` in dB (+: louder). */
const changeDb = (a: number, b: number) => 20 * Math.log10(b / a);

/**
 * Judges the tail of `out` from `fromFrame` (the tail time): its first TAIL_WINDOW_SECONDS, then, if
 * not silent, the trend over TREND_SECONDS of silence rendered on by `more`.
 */
export function judgeTail(out: Stereo, fromFrame: number, sampleRate: number, more: RenderMoreSilence): TailJudgement {
  const first = peakOf(out, fromFrame, fromFrame + Math.round(TAIL_WINDOW_SECONDS * sampleRate));
  if (Number.isNaN(first.value) || !Number.isFinite(first.value) || first.value > BLOW_UP)
    return { verdict: 'growing', peak: first, dbPerSecond: NaN, output: out };
  if (first.value < TAIL_FLOOR) return { verdict: 'silent', peak: first, dbPerSecond: NaN, output: out };
  const half = Math.round((TREND_SECONDS / 2) * sampleRate);
  const output = concat(out, more(2 * half));
  const start = out[0].length;
  const a = peakOf(output, start, start + half);
  const b = peakOf(output, start + half, start + 2 * half);
  if (!Number.isFinite(b.value) || b.value > BLOW_UP) return { verdict: 'growing', peak: b, dbPerSecond: NaN, output };
  const change = b.value === 0 ? -Infinity : changeDb(a.value, b.value);
  const dbPerSecond = change / (TREND_SECONDS / 2);
  if (b.value < TAIL_FLOOR || change <= -DYING_DB) return { verdict: 'dying', peak: first, dbPerSecond, output };
  return { verdict: change > GROWING_DB ? 'growing' : 'holding', peak: change > 0 ? b : a, dbPerSecond, output };
}

/** "growing (+3.1 dB per second over 4 s of silence: unstable)", or "holding its level (…)", for a failed judgement. */
export function describeTail(j: TailJudgement): string {
  const rule = `a tail must fall, over ${TREND_SECONDS} s, at least ${DYING_DB} dB from its first ${TREND_SECONDS / 2} s to its last, until it is below -120 dBFS`;
  if (j.verdict === 'growing')
    return Number.isNaN(j.dbPerSecond)
      ? 'growing without bound: unstable'
      : `growing (+${j.dbPerSecond.toFixed(2)} dB per second over ${TREND_SECONDS} s of silence: unstable)`;
  return `holding its level (${j.dbPerSecond >= 0 ? '+' : ''}${j.dbPerSecond.toFixed(2)} dB per second over the next ${TREND_SECONDS} s; ${rule})`;
}

/** What a check says of the tails it judged still dying at the tail time (none: ''). */
export function describeDyingTails(dying: readonly TailJudgement[], tailSeconds: number): string {
  if (dying.length === 0) return '';
  const slowest = dying.reduce((s, j) => (j.dbPerSecond > s.dbPerSecond ? j : s));
  const rt60 = Number.isFinite(slowest.dbPerSecond) && slowest.dbPerSecond < 0 ? -60 / slowest.dbPerSecond : NaN;
  return `; ${dying.length} tail(s) still dying away ${tailSeconds} s into silence (slowest ${slowest.dbPerSecond.toFixed(1)} dB/s${Number.isNaN(rt60) ? '' : `, RT60 ≈ ${rt60.toFixed(1)} s`}, from ${dbfs(slowest.peak.value)}): passed as tails; --tail-seconds longer than that requires them silent sooner`;
}

/**
 * Judges the tail of `out` from `fromFrame` and, when it fails, adds it to `problems`: a growing
 * tail as a blow-up, one that holds its level as a level problem, a steady periodic one named as a
 * generator's. Non-finite or blown-up samples in `out` are left to the sample scan, which counts
 * them. `where` places it ("1 s into silence"); `describe` gives the rest of the worst case.
 * Returns the judgement (a check counts the tails still dying).
 */
export function addTailProblem(
  problems: Problems,
  out: Stereo,
  fromFrame: number,
  sampleRate: number,
  more: RenderMoreSilence,
  gates: readonly GeneratorGate[],
  where: string,
  describe: (peak: TailJudgement['peak'], output: Stereo) => Omit<WorstCase, 'what'>,
): TailJudgement {
  const judged = judgeTail(out, fromFrame, sampleRate, more);
  const peak = judged.peak;
  if (judged.verdict === 'silent' || judged.verdict === 'dying') return judged;
  if (judged.verdict === 'growing' && Number.isNaN(judged.dbPerSecond) && peak.frame < out[0].length) return judged;
  const hint =
    judged.verdict === 'holding'
      ? generatorHint(steadyTone(out, fromFrame, Math.round(TAIL_WINDOW_SECONDS * sampleRate), sampleRate), gates)
      : '';
  problems.add(
    judged.verdict === 'growing' ? 'blow-up' : 'level',
    1,
    {
      what: `output at ${dbfs(peak.value)} ${where}, and ${describeTail(judged)}${hint}`,
      ...describe(peak, judged.output),
    },
    peak.value,
  );
  return judged;
}
