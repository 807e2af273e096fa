/**
 * The live null test. Fake capture runs at 44.1 kHz (track.getSettings().sampleRate, measured
 * here): a 44.1 kHz fixture into a page whose AudioContext also runs at 44.1 kHz arrives bit for
 * bit, with nothing resampled. So the live output, captured across a parameter change, must equal
 * an offline render of the fixture itself from the place the capture started (found by
 * cross-correlation), with the change on the same frame. A 1-frame delay, a click or a missing
 * ramp in the live path then shows here, live.
 *
 * A capture dropout (the MediaStream FIFO underrunning, about once per 20 s of audio) shifts the
 * input; such a capture is recognised by its input no longer matching the fixture, reported, and
 * replaced by a fresh one (at most 3): only intact captures are judged. An input that matches in
 * none of them is an input-path fault, and fails.
 */
import { compareAudio, describeComparison } from '../harness/analysis/compareAudio.ts';
import { diagnoseDifference } from '../harness/analysis/diagnoseDifference.ts';
import { findLoopOffset } from '../harness/analysis/loopAlignment.ts';
import { renderOffline } from '../harness/offline/offlineRenderer.ts';
import { applyParameterStep } from '../harness/steps/parameterStep.ts';
import { expect, test } from '../harness/test.ts';
import { readWav } from '../harness/wav/wavFile.ts';

/** Measured here: identical on both paths (infinite SNR). */
const NULL_FLOOR_DB = 90;
const INPUT_MATCH_DB = 120;
const QUANTUM = 128;
const ATTEMPTS = 3;

test.use({ inputWav: 'noise-lowpass-8k-rms-m20dbfs-seed2-mono-44k1.wav', pageSampleRate: 44100 });

test('live output equals the offline render of the fixture, sample for sample, across a parameter change', async ({
  devModePage,
  rpc,
  input,
  stack,
  dspPath,
  offlinePage,
}, testInfo) => {
  const status = await devModePage.status();
  expect(status.sampleRate, 'the page runs at the capture rate').toBe(44100);
  const sampleRate = status.sampleRate!;
  const fixture = (await readWav(input.path)).channels[0]!;
  const defaults = Object.fromEntries((await rpc.call('getAllParameters')).parameters.map((p) => [p.id, p.default]));
  const url = stack.mount('/inputs/live-null.wav', input.path);

  let bestInputDb = -Infinity;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const levels = attempt % 2 ? [0.7, 0.35] : [0.35, 0.7];
    await applyParameterStep(rpc, devModePage, { input_trim_level: levels[0]! });
    const latest = (await devModePage.status()).latestFrame;
    const from = Math.ceil((latest + 0.1 * sampleRate) / QUANTUM) * QUANTUM;
    const capturing = devModePage.captureAudio(from, Math.round(0.6 * sampleRate));
    await devModePage.waitForFrame(from + Math.round(0.2 * sampleRate));
    const change = await applyParameterStep(rpc, devModePage, { input_trim_level: levels[1]! });
    const live = await capturing;
    const frames = live.input[0].length;

    // Is this capture the fixture, intact? Align, then compare the input itself.
    const alignment = findLoopOffset(live.input[0], fixture);
    const expectedInput = Float32Array.from(
      { length: frames },
      (_, i) => fixture[(alignment.offset + i) % fixture.length]!,
    );
    const inputMatch = compareAudio([expectedInput, expectedInput], live.input, sampleRate);
    bestInputDb = Math.max(bestInputDb, inputMatch.snrDb);
    if (inputMatch.snrDb < INPUT_MATCH_DB) {
      testInfo.annotations.push({
        type: 'capture dropout',
        description: `attempt ${attempt}: the captured input matches the fixture at ${inputMatch.snrDb.toFixed(1)} dB only (${describeComparison(inputMatch)}); capturing again`,
      });
      continue;
    }
    expect(change.effectiveFrame).toBeGreaterThan(live.frame);
    const events = [{ frame: change.effectiveFrame - live.frame, values: { input_trim_level: levels[1]! } }];
    const offline = await renderOffline(offlinePage, stack.pageOrigin, {
      dsp: dspPath,
      wasmUrl: `${stack.pageOrigin}/dsp.wasm`,
      sampleRate,
      frames,
      input: { kind: 'file', url, startFrame: alignment.offset },
      initialParameters: { ...defaults, input_trim_level: levels[0]! },
      events,
    });
    const result = compareAudio(offline.channels, live.output, sampleRate);
    const why = diagnoseDifference(offline.channels, live.output, sampleRate, NULL_FLOOR_DB, [
      { frame: 0, set: { input_trim_level: levels[0]! } },
      { frame: events[0]!.frame, set: events[0]!.values },
    ]);
    testInfo.annotations.push({ type: 'live-null-snr-db', description: String(result.snrDb) });
    console.log(
      `[live null] ${dspPath}: attempt ${attempt}, input intact (${Number.isFinite(inputMatch.snrDb) ? `${inputMatch.snrDb.toFixed(1)} dB` : 'identical'}), offset ${alignment.offset}: ${describeComparison(result)}`,
    );
    expect(
      result.snrDb,
      `live output against the offline render of the fixture: ${describeComparison(result)}; ${why.text}`,
    ).toBeGreaterThanOrEqual(NULL_FLOOR_DB);
    return;
  }
  // A dropout is rare (about one per 20 s of audio); an input that never matches is the page's input path altering the
  // signal.
  throw new Error(
    `the live input never matched the fixture in ${ATTEMPTS} captures (best ${bestInputDb.toFixed(1)} dB, need ${INPUT_MATCH_DB}): the page's input path alters the signal (resampling, gain or channel mixing), or captures keep dropping out`,
  );
});
