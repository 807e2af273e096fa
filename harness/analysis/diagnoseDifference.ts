/**
 * Says what kind of difference an offline render has from its golden, in words a person can act
 * on: the best-fit lag ("the output is 1 frame late"), where the residual starts and how that
 * relates to the parameter events ("from 0.4000 s, 0 frames after the change to input_gain"),
 * and the residual's level in dB relative to the golden.
 */
export interface RenderEvent {
  frame: number;
  set: Record<string, number>;
}

export interface DifferenceDiagnosis {
  /** Frames the actual output lags the golden by (positive: late), when a shift explains the difference. */
  lagFrames: number;
  /** SNR after shifting by lagFrames (dB). */
  snrAtLagDb: number;
  /** First frame whose error exceeds the threshold, or -1. */
  firstFrame: number;
  /** Residual power relative to the golden's, dB. */
  residualDb: number;
  text: string;
}

const MAX_LAG = 16;

function snrAt(golden: readonly Float32Array[], actual: readonly Float32Array[], lag: number): number {
  let signal = 0;
  let noise = 0;
  golden.forEach((g, ch) => {
    const a = actual[ch]!;
    const n = Math.min(g.length, a.length);
    for (let i = Math.max(0, -lag) + MAX_LAG; i < n - Math.max(0, lag) - MAX_LAG; i++) {
      const e = a[i + lag]! - g[i]!;
      signal += g[i]! * g[i]!;
      noise += e * e;
    }
  });
  return noise === 0 ? Infinity : 10 * Math.log10(signal / noise);
}

export function diagnoseDifference(
  golden: readonly Float32Array[],
  actual: readonly Float32Array[],
  sampleRate: number,
  thresholdSnrDb: number,
  events: readonly RenderEvent[] = [],
): DifferenceDiagnosis {
  // The best whole-frame shift: a pure delay shows as a large SNR gain at that lag.
  const at0 = snrAt(golden, actual, 0);
  let best = { lag: 0, snr: at0 };
  for (let lag = -MAX_LAG; lag <= MAX_LAG; lag++) {
    if (lag === 0) continue;
    const snr = snrAt(golden, actual, lag);
    if (snr > best.snr) best = { lag, snr };
  }
  const shifted = best.lag !== 0 && best.snr >= Math.max(at0 + 20, thresholdSnrDb);
  // Where the residual starts: the first sample whose error stands above the threshold relative to the golden's peak.
  let peak = 0;
  for (const g of golden) for (const x of g) peak = Math.max(peak, Math.abs(x));
  const limit = peak * 10 ** (-thresholdSnrDb / 20);
  let firstFrame = -1;
  let power = 0;
  let residual = 0;
  const frames = Math.min(...golden.map((g) => g.length), ...actual.map((a) => a.length));
  for (let i = 0; i < frames; i++) {
    for (let ch = 0; ch < golden.length; ch++) {
      const e = actual[ch]![i]! - golden[ch]![i]!;
      power += golden[ch]![i]! ** 2;
      residual += e * e;
      if (firstFrame < 0 && Math.abs(e) > limit) firstFrame = i;
    }
  }
  const residualDb = residual === 0 ? -Infinity : power === 0 ? Infinity : 10 * Math.log10(residual / power);
  const parts: string[] = [];
  if (shifted)
    parts.push(
      `the output is ${Math.abs(best.lag)} frame${Math.abs(best.lag) === 1 ? '' : 's'} ${best.lag > 0 ? 'late' : 'early'} (shifted back it matches at ${Number.isFinite(best.snr) ? `${best.snr.toFixed(1)} dB SNR` : 'exactly'})`,
    );
  if (firstFrame >= 0) {
    const before = [...events].reverse().find((e) => e.frame <= firstFrame);
    const describe = (e: RenderEvent) =>
      Object.entries(e.set)
        .map(([id, v]) => `${id} = ${v}`)
        .join(', ');
    const plural = (n: number) => `${n} frame${n === 1 ? '' : 's'}`;
    const after = events.find((e) => e.frame > firstFrame);
    // A residual that starts just before a change means the change took effect earlier than reported.
    const change =
      after && after.frame - firstFrame <= 1024
        ? `, ${plural(after.frame - firstFrame)} before the change to ${describe(after)}`
        : before
          ? `, ${plural(firstFrame - before.frame)} after the change to ${describe(before)}`
          : ', before any parameter change';
    parts.push(
      `the residual (${residualDb.toFixed(1)} dB relative to the golden) starts at ${(firstFrame / sampleRate).toFixed(4)} s (frame ${firstFrame})${change}`,
    );
  }
  return { lagFrames: shifted ? best.lag : 0, snrAtLagDb: best.snr, firstFrame, residualDb, text: parts.join('; ') };
}
