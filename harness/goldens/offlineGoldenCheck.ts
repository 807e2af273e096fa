/**
 * Checks a scenario's offline render against its golden (goldens/<path>/<scenario>.wav and its
 * .wav.json sidecar), records it in record mode only, and attaches what a reviewer needs: the plot
 * of waveform, residual and spectrum, the actual output WAV, and the JSON diff.
 */
import type { TestInfo } from '@playwright/test';
import { compareAudio, describeComparison, type AudioComparison } from '../analysis/compareAudio.ts';
import { diagnoseDifference, type RenderEvent } from '../analysis/diagnoseDifference.ts';
import { magnitudeSpectrum } from '../analysis/magnitudeSpectrum.ts';
import { offlineDiffChart } from '../report/charts/offlineDiffChart.ts';
import { chartFile } from '../report/chartFile.ts';
import { encodeWav, readWav, type WavAudio } from '../wav/wavFile.ts';
import type { GoldenChange, GoldenCheck } from './goldenCheck.ts';
import { displayPath, goldenPath, readJsonGolden, writeBinaryGolden, writeJsonGolden } from './goldenFiles.ts';
import { GoldenError } from './goldenError.ts';
import { originNote } from './goldenOrigin.ts';
import { offlineSidecarSchema, type OfflineGoldenSidecar } from './offlineGolden.ts';
import { RECORD_HELP, shouldWriteGolden, type GoldenState, type UpdateMode } from './recordMode.ts';

type OfflineGoldenCheck = GoldenCheck & { comparison: AudioComparison | null };
type Rendered = { channels: [Float32Array, Float32Array]; sidecar: OfflineGoldenSidecar };

export async function checkOfflineGolden(
  goldensDir: string,
  actual: Rendered,
  snrThresholdDb: number,
  mode: UpdateMode,
  testInfo: TestInfo,
  /** The parameter events of the render, to place a difference after the change that caused it. */
  events: readonly RenderEvent[] = [],
): Promise<OfflineGoldenCheck> {
  const { sidecar } = actual;
  const wavFile = goldenPath(goldensDir, sidecar.path, sidecar.scenario, '.wav');
  const sidecarFile = goldenPath(goldensDir, sidecar.path, sidecar.scenario, '.wav.json');
  const result: OfflineGoldenCheck = { problems: [], changes: [], unchanged: 0, written: [], comparison: null };
  const goldenSidecar = readJsonGolden<OfflineGoldenSidecar>(sidecarFile, offlineSidecarSchema);
  let state: GoldenState = 'missing';
  let plot: Promise<string> | null = null;
  const where = `${sidecar.scenario} [${sidecar.path}] offline render`;
  if (goldenSidecar) {
    const golden = await readGoldenWav(wavFile, sidecar.sampleRate);
    const comparison = compareAudio(golden.channels, actual.channels, sidecar.sampleRate);
    result.comparison = comparison;
    const lengthChanged = golden.channels[0]!.length !== actual.channels[0].length;
    const failed = lengthChanged || comparison.snrDb < snrThresholdDb;
    state = failed ? 'changed' : 'unchanged';
    result.changes.push(...sidecarChanges(goldenSidecar, sidecar, displayPath(sidecarFile)));
    if (failed)
      result.changes.push({
        golden: displayPath(wavFile),
        what: 'output SNR vs golden (dB)',
        old: '—',
        new: comparison.snrDb.toFixed(1),
      });
    else result.unchanged++;
    if (failed && !lengthChanged) {
      plot = chartFile(
        offlineDiffChart({
          title: `${where}: golden against actual`,
          golden: golden.channels,
          actual: actual.channels,
          sampleRate: sidecar.sampleRate,
          comparison,
          spectrum: magnitudeSpectrum,
        }),
      );
    }
    if (failed && !shouldWriteGolden(mode, state)) {
      const note =
        goldenSidecar.chromium && sidecar.chromium
          ? originNote({ chromium: goldenSidecar.chromium }, { chromium: sidecar.chromium })
          : '';
      result.problems.push(
        lengthChanged
          ? `${where}: ${note}${actual.channels[0].length} frames, golden ${golden.channels[0]!.length}; ${RECORD_HELP}`
          : `${where}: ${note}${describeComparison(comparison)}; below the ${snrThresholdDb} dB threshold${goldenSidecar.fixtureSha256 !== sidecar.fixtureSha256 ? ' (the input fixture changed since recording)' : ''}; ${diagnoseDifference(golden.channels, actual.channels, sidecar.sampleRate, snrThresholdDb, events).text}`,
      );
    }
  } else if (!shouldWriteGolden(mode, 'missing')) {
    result.problems.push(`${where}: no golden at ${displayPath(wavFile)}; ${RECORD_HELP}`);
  }
  const wav = encodeWav(actual.channels, { sampleRate: sidecar.sampleRate, float: true });
  const write = shouldWriteGolden(mode, state);
  if (write) await writeOfflineGolden({ wavFile, sidecarFile, wav, actual, state, result });
  if (write || result.problems.length > 0) {
    if (plot) await testInfo.attach('offline-diff-plot.svg', { body: await plot, contentType: 'image/svg+xml' });
    await testInfo.attach('offline-output.wav', { body: wav, contentType: 'audio/wav' });
    await testInfo.attach('offline-diff.json', {
      body: JSON.stringify({ state, snrThresholdDb, comparison: result.comparison, sidecar, goldenSidecar }, null, 2),
      contentType: 'application/json',
    });
  }
  return result;
}

/** The golden WAV, refused by name when it cannot be read or is not stereo at the render's rate. */
async function readGoldenWav(wavFile: string, sampleRate: number): Promise<WavAudio> {
  let golden;
  try {
    golden = await readWav(wavFile);
  } catch (error) {
    throw new GoldenError(
      displayPath(wavFile),
      `${(error as Error).message}; it is never overwritten outside record mode`,
    );
  }
  if (golden.channels.length !== 2 || golden.sampleRate !== sampleRate) {
    throw new GoldenError(
      displayPath(wavFile),
      `holds ${golden.channels.length} channels at ${golden.sampleRate} Hz; expected 2 at ${sampleRate} Hz`,
    );
  }
  return golden;
}

/** The change table's rows for what the sidecar records: the input fixture and the DSP build. */
function sidecarChanges(golden: OfflineGoldenSidecar, now: OfflineGoldenSidecar, file: string): GoldenChange[] {
  const rows: GoldenChange[] = [];
  if (golden.fixtureSha256 !== now.fixtureSha256)
    rows.push({
      golden: file,
      what: 'input fixture SHA-256',
      old: golden.fixtureSha256.slice(0, 12),
      new: now.fixtureSha256.slice(0, 12),
    });
  if (golden.dspBuildSha256 !== now.dspBuildSha256)
    rows.push({
      golden: file,
      what: 'DSP build SHA-256',
      old: golden.dspBuildSha256.slice(0, 12),
      new: now.dspBuildSha256.slice(0, 12),
    });
  return rows;
}

async function writeOfflineGolden(w: {
  wavFile: string;
  sidecarFile: string;
  wav: Uint8Array;
  actual: Rendered;
  state: GoldenState;
  result: OfflineGoldenCheck;
}): Promise<void> {
  await writeBinaryGolden(w.wavFile, w.wav);
  await writeJsonGolden(w.sidecarFile, w.actual.sidecar);
  w.result.written.push(displayPath(w.wavFile), displayPath(w.sidecarFile));
  if (w.state === 'missing')
    w.result.changes.push({
      golden: displayPath(w.wavFile),
      what: 'new golden',
      old: '—',
      new: `${w.actual.channels[0].length} frames`,
    });
}
