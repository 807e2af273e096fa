import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareAudio } from '../../analysis/compareAudio.ts';
import { magnitudeSpectrum } from '../../analysis/magnitudeSpectrum.ts';
import type { LiveGolden } from '../../goldens/liveGolden.ts';
import { compareLiveGoldens } from '../../goldens/repeatability.ts';
import { meterTraceChart } from './meterTraceChart.ts';
import { offlineDiffChart } from './offlineDiffChart.ts';
import { renderChartSvg } from './renderChart.ts';
import { validatorWorstChart } from './validatorWorstChart.ts';

const golden = JSON.parse(
  readFileSync(new URL('../../../specs/support/gainStepsRun.json', import.meta.url), 'utf8'),
) as LiveGolden;
/** A golden read as one take of a run (its origin is where it was recorded). */
const asTake = (g: LiveGolden) => ({ ...g, origin: g.recordedWith });

/** The golden with step `step` (1-based) louder by `db` in its statistics and its trace. */
function louder(g: LiveGolden, step: number, db: number): LiveGolden {
  const out = structuredClone(g);
  const s = out.steps[step - 1]!;
  s.output.rmsDb = s.output.rmsDb.map((v) => v + db) as [number, number];
  s.output.peakDb = s.output.peakDb.map((v) => v + db) as [number, number];
  const end = out.steps[step]?.startFrame ?? s.endFrame;
  out.trace.outputRmsDb = out.trace.outputRmsDb.map((c) =>
    c.map((v, i) => (out.trace.frames[i]! >= s.startFrame && out.trace.frames[i]! < end ? v + db : v)),
  ) as [number[], number[]];
  return out;
}

/** Every frame of the run `frames` later: the same audio, its steps started a little late. */
function later(g: LiveGolden, frames: number): LiveGolden {
  const out = structuredClone(g);
  for (const s of out.steps) {
    s.startFrame += frames;
    s.settledFromFrame += frames;
    s.endFrame += frames;
  }
  out.trace.frames = out.trace.frames.map((f) => f + frames);
  return out;
}

/** Every text of the SVG, a multi-line one (tspans) joined by spaces. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<\/tspan><tspan[^>]*>/g, ' ')
      .replace(/<\/?tspan[^>]*>/g, '')
      .replace(/&amp;/g, '&'),
  );

describe('meter trace chart', () => {
  it('labels each step with its parameter values, has axis titles in seconds and dBFS, a legend, and marks the failing step with its deviation', async () => {
    const actual = louder(golden, 2, 1.5);
    const { outside } = compareLiveGoldens(golden, asTake(actual), 0.1);
    const svg = await renderChartSvg(meterTraceChart({ golden, actual, toleranceDb: 0.1, outside }));
    const words = texts(svg);
    expect(words).toEqual(
      expect.arrayContaining([
        'step 1: input_trim_level = 1',
        'step 2: input_trim_level = 0.5',
        'step 3: input_trim_level = 0.1',
      ]),
    );
    expect(words).toEqual(expect.arrayContaining(['dBFS', "s after the step's event", 'actual − golden (dB)']));
    expect(words).toEqual(
      expect.arrayContaining(['golden', 'actual', 'golden ± tolerance', 'outside tolerance', 'within tolerance']),
    );
    // Four statistics of step 2 are outside, each labelled with its deviation; nothing else is.
    expect(words.filter((w) => w === '+1.50 dB')).toHaveLength(4);
    expect(words.filter((w) => /dB$/.test(w) && /^[+-]\d/.test(w))).toHaveLength(4);
  });

  it('aligns each step on its own event: a run whose steps started 5 ms later draws the same chart', async () => {
    const onTime = await renderChartSvg(meterTraceChart({ golden, actual: golden, toleranceDb: 0.1, outside: [] }));
    const late = await renderChartSvg(
      meterTraceChart({ golden, actual: later(golden, 240), toleranceDb: 0.1, outside: [] }),
    );
    expect(late).toBe(onTime);
  });

  it('draws the recorded run alone when there is no golden yet', async () => {
    const svg = await renderChartSvg(meterTraceChart({ golden: null, actual: golden, toleranceDb: 0.1, outside: [] }));
    expect(svg).toContain('no golden yet');
    expect(texts(svg)).not.toContain('golden ± tolerance');
  });
});

describe('offline diff chart', () => {
  it('zooms on the worst sample, naming its frame and time, and plots both spectra', async () => {
    const rate = 48000;
    const g = [0, 1].map(() =>
      Float32Array.from({ length: 9600 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / rate)),
    );
    const a = g.map((c) => c.slice());
    a[1]![4321] = a[1]![4321]! + 0.25;
    const comparison = compareAudio(g, a, rate);
    const svg = await renderChartSvg(
      offlineDiffChart({
        title: 'tone [wasm] offline render',
        golden: g,
        actual: a,
        sampleRate: rate,
        comparison,
        spectrum: magnitudeSpectrum,
      }),
    );
    const words = texts(svg);
    expect(words).toContain('Waveform around frame 4321 (0.0900 s), channel R');
    expect(words).toEqual(
      expect.arrayContaining(['frame', 'frequency (Hz)', 'golden', 'actual', 'residual (actual − golden)']),
    );
    expect(words.join(' ')).toContain('worst: frame 4321 (0.0900 s), |error| 2.50e-1');
  });
});

describe('magnitude spectrum', () => {
  it('reads a -6 dBFS sine at its frequency as -6 dB, 90 dB above the other bands', () => {
    const rate = 48000;
    const hz = (85 * rate) / 4096; // on a bin: no scalloping
    const sine = Float32Array.from({ length: rate }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));
    const points = magnitudeSpectrum(sine, rate);
    const peak = points.reduce((best, p) => (p.db > best.db ? p : best));
    expect(peak.hz).toBeCloseTo(hz, 6);
    expect(peak.db).toBeCloseTo(-6.02, 1);
    expect(points.filter((p) => p.hz < 500 || p.hz > 2000).every((p) => p.db < -90)).toBe(true);
  });
});

describe('validator worst-case chart', () => {
  it('marks non-finite samples instead of dropping them, and the worst frame', async () => {
    const chart = validatorWorstChart('Finite output', {
      what: 'NaN output',
      frame: 12,
      channel: 'L',
      sampleRate: 48000,
      excerpt: { fromFrame: 10, series: [{ label: 'output', values: [0.1, 0.2, NaN, Infinity, 0.3] }] },
    });
    const svg = await renderChartSvg(chart!);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['Finite output: worst case', 'worst: frame 12', 'frame at 48000 Hz, channel L']),
    );
    expect(svg).toContain('2 non-finite sample(s)');
    expect(validatorWorstChart('x', { what: 'no excerpt' })).toBeNull();
  });
});

describe('chart rendering', () => {
  it('fails, naming the chart, when Vega-Lite would draw it other than written', async () => {
    const spec = {
      title: 'bad axis',
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative', axis: { format: '%Y', formatType: 'utc' } } },
    };
    await expect(renderChartSvg(spec as never)).rejects.toThrow(/chart "bad axis": Vega-Lite says .*customFormatTypes/);
  });
});
