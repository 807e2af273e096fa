/**
 * Live against offline. The worklet's raw input and output are captured across a parameter
 * change, and the live output is compared with offline renders that replay the change on the
 * same frame:
 * 1. from the fixture, at the place the capture started (found by cross-correlating the captured
 *    input with the looped fixture). Fake capture resamples the input (48 → 44.1 → 48 kHz here),
 *    with a fractional delay the offline render does not have, so this SNR is low and reported;
 *    it is asserted (LIVE_VS_FIXTURE_FLOOR_DB) only when the capture delivered the fixture intact:
 *    a dropout shifts everything after it and shows as a correlation below INTACT_CORRELATION.
 * 2. from the captured input itself: the same samples through the same DSP, so any difference is
 *    the live DSP path's own (event timing, state, copying). Asserted at LIVE_VS_CAPTURE_FLOOR_DB.
 */
import { compareAudio, describeComparison } from '../harness/analysis/compareAudio.ts';
import { findLoopOffset } from '../harness/analysis/loopAlignment.ts';
import { float32ToBase64 } from '../harness/io/float32Base64.ts';
import { renderOffline, type OfflineRenderRequest } from '../harness/offline/offlineRenderer.ts';
import { applyParameterStep } from '../harness/steps/parameterStep.ts';
import { expect, test } from '../harness/test.ts';
import { readWav } from '../harness/wav/wavFile.ts';

/** Measured here: 18–21 dB when the capture had no dropout (fractional-delay limited). */
const LIVE_VS_FIXTURE_FLOOR_DB = 15;
/** Measured here: 0.9949 on every intact capture, 0.92–0.94 with a dropout inside. */
const INTACT_CORRELATION = 0.99;
/** Measured here: identical on both paths (infinite SNR); anything short of 90 dB is a real defect. */
const LIVE_VS_CAPTURE_FLOOR_DB = 90;
const QUANTUM = 128;

test.use({ inputWav: 'noise-lowpass-8k-rms-m20dbfs-seed2-mono.wav' });

test('the live output matches offline renders of the same input and events', async ({
  devModePage,
  rpc,
  input,
  stack,
  dspPath,
  offlinePage,
}, testInfo) => {
  const sampleRate = (await devModePage.status()).sampleRate!;
  await devModePage.startTrace();
  await applyParameterStep(rpc, devModePage, { input_trim_level: 0.7 });
  // Capture from a quantum boundary a little ahead, across a change made while it records.
  const latest = (await devModePage.status()).latestFrame;
  const from = Math.ceil((latest + 0.1 * sampleRate) / QUANTUM) * QUANTUM;
  // 1.2 s, the change sent 0.2 s in: it lands inside even when a loaded machine delays it by
  // up to a second (a CPU-hog soak run once saw 0.49 s).
  const frames = Math.round(1.2 * sampleRate);
  const capturing = devModePage.captureAudio(from, frames);
  await devModePage.waitForFrame(from + Math.round(0.2 * sampleRate));
  const change = await applyParameterStep(rpc, devModePage, { input_trim_level: 0.35 });
  const live = await capturing;
  // A request that reached the worklet late (a loaded machine) starts where it really started.
  const start = live.frame;
  const captured = live.input[0].length;
  expect(change.effectiveFrame, 'the change must land inside the capture').toBeGreaterThan(start);
  // Landing after it is a matter of time (a machine that delayed the change), said as such.
  expect(
    change.effectiveFrame,
    `the change did not happen within the ${(captured / sampleRate).toFixed(1)} s of audio captured`,
  ).toBeLessThan(start + captured);

  const defaults = Object.fromEntries((await rpc.call('getAllParameters')).parameters.map((p) => [p.id, p.default]));
  const render = (inputSpec: OfflineRenderRequest['input']) =>
    renderOffline(offlinePage, stack.pageOrigin, {
      dsp: dspPath,
      wasmUrl: `${stack.pageOrigin}/dsp.wasm`,
      sampleRate,
      frames: captured,
      input: inputSpec,
      initialParameters: { ...defaults, input_trim_level: 0.7 },
      events: [{ frame: change.effectiveFrame - start, values: { input_trim_level: 0.35 } }],
    });

  // 1. From the fixture, aligned by cross-correlation.
  const fixture = await readWav(input.path);
  const alignment = findLoopOffset(live.input[0], fixture.channels[0]!);
  const fromFixture = await render({
    kind: 'file',
    url: stack.mount('/inputs/live-vs-offline.wav', input.path),
    startFrame: alignment.offset,
  });
  const vsFixture = compareAudio(fromFixture.channels, live.output, sampleRate);

  // 2. From the captured input itself.
  const fromCapture = await render({ kind: 'samples', channelsBase64: live.input.map(float32ToBase64) });
  const vsCapture = compareAudio(fromCapture.channels, live.output, sampleRate);

  const report =
    `${dspPath}: vs fixture (offset ${alignment.offset}, correlation ${alignment.correlation.toFixed(4)}): ${describeComparison(vsFixture)}\n` +
    `${dspPath}: vs captured input: ${describeComparison(vsCapture)}`;
  testInfo.annotations.push({ type: 'live-snr-db', description: String(vsCapture.snrDb) });
  testInfo.annotations.push({ type: 'live-vs-fixture-snr-db', description: String(vsFixture.snrDb) });
  testInfo.annotations.push({ type: 'live vs offline', description: report });
  console.log(`[live vs offline] ${report.replace(/\n/g, '\n[live vs offline] ')}`);

  expect(
    vsCapture.snrDb,
    `live vs offline from the captured input: ${describeComparison(vsCapture)}`,
  ).toBeGreaterThanOrEqual(LIVE_VS_CAPTURE_FLOOR_DB);
  if (alignment.correlation >= INTACT_CORRELATION) {
    expect(
      vsFixture.snrDb,
      `live vs offline from the fixture: ${describeComparison(vsFixture)}`,
    ).toBeGreaterThanOrEqual(LIVE_VS_FIXTURE_FLOOR_DB);
  } else {
    testInfo.annotations.push({
      type: 'note',
      description: `capture not intact (correlation ${alignment.correlation.toFixed(4)}): the fixture comparison is reported, not asserted`,
    });
  }
});
