/**
 * The failure plot of an offline render: golden, actual and their residual overlaid around the
 * worst sample (its frame and time in the title), and the two magnitude spectra, so a changed
 * filter shows as a moved curve rather than as a number.
 */
import type { AudioComparisonInput as AudioComparison, SpectrumPointInput } from './chartInputs.ts';
import { SERIES_COLOURS, type ChartSpec } from './renderChart.ts';

export interface OfflineDiffChartInput {
  title: string;
  golden: readonly Float32Array[];
  actual: readonly Float32Array[];
  sampleRate: number;
  comparison: AudioComparison;
  /** The magnitude spectrum of a signal (the caller's: harness/analysis/magnitudeSpectrum.ts). */
  spectrum: (signal: Float32Array, sampleRate: number) => readonly SpectrumPointInput[];
  /** Frames shown either side of the worst sample. */
  halfWindow?: number;
}

const SERIES_NAMES = ['golden', 'actual', 'residual (actual − golden)'];
/** One colour and one dash per series, shared by both panels. */
const colour = {
  field: 'series',
  type: 'nominal',
  title: null,
  scale: { domain: SERIES_NAMES, range: [SERIES_COLOURS.golden, SERIES_COLOURS.actual, SERIES_COLOURS.residual] },
} as const;
const strokeDash = {
  field: 'series',
  type: 'nominal',
  title: null,
  scale: {
    domain: SERIES_NAMES,
    range: [
      [1, 0],
      [5, 3],
      [1, 0],
    ],
  },
} as const;

interface Window {
  channel: string;
  from: number;
  to: number;
}

/** The frames shown: `halfWindow` either side of the worst sample, kept inside the render. */
function windowAround(comparison: AudioComparison, frames: number, halfWindow: number): Window {
  const from = Math.max(0, Math.min(comparison.worstFrame - halfWindow, frames - 2 * halfWindow - 1));
  const to = Math.min(frames - 1, from + 2 * halfWindow);
  return { channel: comparison.worstChannel === 0 ? 'L' : 'R', from, to };
}

/** Golden, actual and residual around the worst sample, with the worst sample marked. */
function waveformPanel(g: Float32Array, a: Float32Array, comparison: AudioComparison, { channel, from, to }: Window) {
  const wave: { frame: number; value: number; series: string }[] = [];
  for (let i = from; i <= to; i++) {
    wave.push(
      { frame: i, value: g[i]!, series: 'golden' },
      { frame: i, value: a[i]!, series: 'actual' },
      { frame: i, value: a[i]! - g[i]!, series: 'residual (actual − golden)' },
    );
  }
  const worst = {
    frame: comparison.worstFrame,
    label: `worst: frame ${comparison.worstFrame} (${comparison.worstSeconds.toFixed(4)} s), |error| ${comparison.maxAbsError.toExponential(2)}`,
  };
  const x = { field: 'frame', type: 'quantitative' } as const;
  return {
    width: 640,
    height: 200,
    title: {
      text: `Waveform around frame ${comparison.worstFrame} (${comparison.worstSeconds.toFixed(4)} s), channel ${channel}`,
      fontSize: 11,
    },
    layer: [
      {
        data: { values: wave },
        mark: { type: 'line', strokeWidth: 1.4 },
        encoding: {
          x: { ...x, title: 'frame', scale: { domain: [from, to], nice: false }, axis: { format: 'd' } },
          y: { field: 'value', type: 'quantitative', title: 'sample value (full scale = 1)' },
          color: colour,
          strokeDash,
        },
      },
      {
        data: { values: [worst] },
        mark: { type: 'rule', color: SERIES_COLOURS.outside, strokeDash: [2, 2] },
        encoding: { x },
      },
      {
        data: { values: [worst] },
        mark: { type: 'text', align: 'left', dx: 4, dy: 10, fontSize: 10, color: SERIES_COLOURS.outside },
        encoding: { x, y: { value: 0 }, text: { field: 'label' } },
      },
    ],
  };
}

/** The magnitude spectra of golden and actual, on a log frequency axis. */
function spectrumPanel(spectrum: { hz: number; db: number; series: string }[], sampleRate: number, channel: string) {
  return {
    width: 640,
    height: 200,
    title: { text: `Magnitude spectrum, channel ${channel} (Hann 4096, averaged)`, fontSize: 11 },
    data: { values: spectrum },
    mark: { type: 'line', strokeWidth: 1.3, clip: true },
    encoding: {
      x: {
        field: 'hz',
        type: 'quantitative',
        title: 'frequency (Hz)',
        scale: { type: 'log', domain: [20, sampleRate / 2], nice: false },
        axis: {
          values: [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000].filter((f) => f <= sampleRate / 2),
          format: '~s',
        },
      },
      y: {
        field: 'db',
        type: 'quantitative',
        title: 'dBFS (sine = 0)',
        scale: { domain: [spectrumFloor(spectrum), 6], clamp: true },
      },
      color: colour,
      strokeDash,
    },
  };
}

export function offlineDiffChart({
  title,
  golden,
  actual,
  sampleRate,
  comparison,
  spectrum: magnitudeSpectrum,
  halfWindow = 48,
}: OfflineDiffChartInput): ChartSpec {
  const g = golden[comparison.worstChannel]!;
  const a = actual[comparison.worstChannel]!;
  const frames = Math.min(g.length, a.length);
  const window = windowAround(comparison, frames, halfWindow);
  const spectrum = [
    ...magnitudeSpectrum(g.subarray(0, frames), sampleRate).map((p) => ({ ...p, series: 'golden' })),
    ...magnitudeSpectrum(a.subarray(0, frames), sampleRate).map((p) => ({ ...p, series: 'actual' })),
  ];
  const snr = Number.isFinite(comparison.snrDb) ? `${comparison.snrDb.toFixed(1)} dB` : String(comparison.snrDb);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle: `SNR ${snr}; channel ${window.channel}, frames ${window.from}–${window.to} around the worst sample at ${sampleRate} Hz`,
    },
    vconcat: [waveformPanel(g, a, comparison, window), spectrumPanel(spectrum, sampleRate, window.channel)],
    resolve: { scale: { color: 'shared' } },
  } as unknown as ChartSpec;
}

/** The spectrum plot's floor: 100 dB under its loudest band, on a 10 dB grid. */
function spectrumFloor(points: { db: number }[]): number {
  const top = Math.max(...points.map((p) => p.db));
  return Math.floor((top - 100) / 10) * 10;
}
