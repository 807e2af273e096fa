/**
 * The report pages the report specs open, built the same way every time: the nightly dashboard
 * (30 runs, 3 regressions, 1 inconclusive run), the failure plot of gain-steps-mono with step 2
 * 1.5 dB loud and every step 5 ms late (a standalone SVG, as a test attaches it), and a validator
 * page with a failed check and its plot.
 */
import { readFileSync } from 'node:fs';
import type { LiveGolden, LiveTake } from '../../harness/goldens/liveGolden.ts';
import { compareLiveGoldens } from '../../harness/goldens/repeatability.ts';
import { generateHistory } from '../../harness/nightly/generatedHistory.ts';
import { renderTrendPage } from '../../harness/nightly/trendPage.ts';
import { chartFile } from '../../harness/report/chartFile.ts';
import { meterTraceChart } from '../../harness/report/charts/meterTraceChart.ts';
import { formatHtmlReport } from '../../harness/validate/validationReport.ts';

export const DASHBOARD_GOLDEN = 'trend-30-runs-3-regressions-1-inconclusive.png';
export const FAILURE_PLOT_GOLDEN = 'failure-plot-gain-step-2-plus-1-5db.png';

/** A live golden of gain-steps-mono, frozen here so the plot's pixels do not follow the audio goldens. */
export const gainStepsGolden = (): LiveGolden =>
  JSON.parse(readFileSync(new URL('./gainStepsRun.json', import.meta.url), 'utf8')) as LiveGolden;

export async function dashboardHtml(): Promise<string> {
  return renderTrendPage(generateHistory({ runs: 30, tests: 6, regressions: [9, 17, 25], inconclusive: [5] }));
}

/** The failure plot's golden and actual: step 2 1.5 dB loud, every step 240 frames (5 ms) late. */
export function failurePlotInput(): { golden: LiveGolden; actual: LiveTake } {
  const golden = gainStepsGolden();
  const actual: LiveTake = { ...structuredClone(golden), origin: golden.recordedWith };
  const step = actual.steps[1]!;
  const end = actual.steps[2]?.startFrame ?? step.endFrame;
  step.output.rmsDb = step.output.rmsDb.map((v) => v + 1.5) as [number, number];
  step.output.peakDb = step.output.peakDb.map((v) => v + 1.5) as [number, number];
  const inStep = (i: number) => actual.trace.frames[i]! >= step.startFrame && actual.trace.frames[i]! < end;
  actual.trace.outputRmsDb = actual.trace.outputRmsDb.map((c) => c.map((v, i) => (inStep(i) ? v + 1.5 : v))) as [
    number[],
    number[],
  ];
  for (const s of actual.steps) {
    s.startFrame += 240;
    s.settledFromFrame += 240;
    s.endFrame += 240;
  }
  actual.trace.frames = actual.trace.frames.map((f) => f + 240);
  return { golden, actual };
}

export async function failurePlotSvg(): Promise<string> {
  const { golden, actual } = failurePlotInput();
  const { outside } = compareLiveGoldens(golden, actual, 0.1);
  return chartFile(meterTraceChart({ golden, actual, toleranceDb: 0.1, outside }));
}

/** A validator page: one check passed, one failed with its worst case plotted, one skipped. */
export async function validatorHtml(): Promise<string> {
  const sine = (phase: number) => Array.from({ length: 96 }, (_, i) => 0.5 * Math.sin(phase + (2 * Math.PI * i) / 48));
  return formatHtmlReport({
    module: 'build/my_plugin.wasm',
    kind: 'wasm',
    strictness: 5,
    seed: 7,
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 4321,
    passed: false,
    checks: [
      {
        id: 'abi',
        title: 'ABI v1 exports and schema',
        explanation: 'The module exports every ABI v1 function and a valid schema.',
        minStrictness: 1,
        status: 'pass',
        summary: '10 parameters, 2 channels, max_frames 4096',
        durationMs: 12,
        replay: 'wavecraft-harness validate --wasm build/my_plugin.wasm --only abi',
      },
      {
        id: 'block-sizes',
        title: 'Block sizes',
        explanation: 'The output does not depend on the block size (± 1e-6 of the 128-frame render).',
        minStrictness: 2,
        status: 'fail',
        summary: '4096-frame blocks differ from 128-frame blocks by up to 0.031 (−30.2 dB) at frame 4100 L',
        worst: {
          what: '4096-frame blocks against 128-frame blocks',
          sampleRate: 48000,
          blockSize: 4096,
          frame: 4100,
          channel: 'L',
          value: 0.51,
          expected: 0.479,
          excerpt: {
            fromFrame: 4052,
            series: [
              { label: '4096-frame blocks', values: sine(0.06) },
              { label: '128-frame blocks', values: sine(0) },
            ],
          },
        },
        durationMs: 210,
        replay: 'wavecraft-harness validate --wasm build/my_plugin.wasm --strictness 5 --seed 7 --only block-sizes',
      },
      {
        id: 'browser',
        title: 'In Chromium',
        explanation: 'The module runs in an AudioWorklet.',
        minStrictness: 3,
        status: 'skip',
        summary: 'left out (--no-browser)',
        durationMs: 0,
        replay: 'wavecraft-harness validate --wasm build/my_plugin.wasm --only browser',
      },
    ],
  });
}
