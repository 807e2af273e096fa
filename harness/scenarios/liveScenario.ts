/**
 * Runs a scenario's steps live: each step's values over the dev server, then its settled span
 * measured on the audio clock, from `settleSeconds` after the DSP applied the change to the end
 * of the hold. Segments are aligned on the parameter-event frames the worklet reported. Given
 * several pages (the takes `record` plays at once, each its own stream in its own page), every
 * step is sent once and measured on each page: one take per page.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import { foldMeterWindows } from '../../contracts/meters/meterWindow.ts';
import type { ProbeMeterWindow } from '../../contracts/probe/probeApi.ts';
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import type { GoldenOrigin } from '../goldens/goldenOrigin.ts';
import { PhaseTimer } from '../health/phaseTimer.ts';
import { goldenDb, roundLevels, type LiveTake, type LiveTakeStep, type LiveTrace } from '../goldens/liveGolden.ts';
import { MeterTrace } from '../analysis/meterTrace.ts';
import type { DevModePage } from '../page/devModePage.ts';
import type { DevServerClient } from '../rpc/devServerClient.ts';
import { applyParameterStepOn, measureSettled } from '../steps/parameterStep.ts';
import type { Scenario } from './scenario.ts';

export interface LiveRun {
  /** One per page, in the pages' order. */
  takes: LiveTake[];
  /** Absolute audio-clock frames of each step's parameter event, on the first page. */
  eventFrames: number[];
  dropouts: number;
  latencyMs: number[];
  /** Per step number (1-based): why its output may not have settled on the first page (settleDetection.ts). */
  unsettled: Record<number, string>;
}

/**
 * Leads each problem of a step whose output may not have settled with that, so a failure there
 * reads "not settled after 0.40 s? …; measured anyway: output L rms: golden …", not as a plain
 * level mismatch.
 */
export function annotateUnsettled(problems: readonly string[], unsettled: Readonly<Record<number, string>>): string[] {
  return problems.map((p) => {
    const match = /\] step (\d+) \([^)]*\)/.exec(p);
    const note = match ? unsettled[Number(match[1])] : undefined;
    return note
      ? `${p.slice(0, match!.index + match![0].length)} ${note}; measured anyway:${p.slice(match!.index + match![0].length)}`
      : p;
  });
}

/** Trace points for plots: every hop of this many windows. */
const PLOT_HOP_WINDOWS = 4;
/** Windows per stretch whose RMS the swing within a step compares (50 ms at the default 10 ms windows). */
const SWING_WINDOWS = 5;

/** Runs `body` as a titled step of the report (Playwright's test.step, given by the suite); by default just runs it. */
export type InStep = <T>(title: string, body: () => Promise<T>) => Promise<T>;

export interface LiveRunOptions {
  inStep?: InStep;
  /** Where the time goes: each step's parameter waits and its audio. */
  phases?: PhaseTimer;
  /** Where the run happens, beyond what each page reports (its rates): Chromium's version, the DSP build. */
  origin?: Pick<GoldenOrigin, 'chromium' | 'dspBuildSha256'>;
}

export async function runLiveScenario(
  rpc: DevServerClient,
  pages: readonly DevModePage[],
  scenario: Scenario,
  path: DspPath,
  options: LiveRunOptions = {},
): Promise<LiveRun> {
  const inStep = options.inStep ?? ((_title, body) => body());
  const phases = options.phases ?? new PhaseTimer();
  await Promise.all(pages.map((page) => page.startTrace()));
  const steps: LiveTakeStep[][] = pages.map(() => []);
  const eventFrames: number[][] = pages.map(() => []);
  const traces: (MeterTrace | null)[] = pages.map(() => null);
  const latencyMs: number[] = [];
  let dropouts = 0;
  const unsettled: Record<number, string> = {};
  for (const [index, step] of scenario.steps.entries()) {
    const where = `step ${index + 1}`;
    const title = `${where}: ${
      Object.entries(step.set)
        .map(([id, v]) => `${id} = ${v}`)
        .join(', ') || 'no change'
    }, held ${step.holdSeconds} s${step.hold ? ' (hold)' : ''}${pages.length > 1 ? `, ${pages.length} takes at once` : ''}`;
    await inStep(title, async () => {
      const applied = await phases.time('parameter waits', () =>
        rpc.whileConnected(where, applyParameterStepOn(rpc, pages, step.set)),
      );
      await phases.time('audio', () =>
        Promise.all(
          pages.map(async (page, p) => {
            const change = applied[p]!;
            eventFrames[p]!.push(change.effectiveFrame);
            latencyMs.push(...Object.values(change.latencyMs));
            const measured = await rpc.whileConnected(
              where,
              measureSettled(page, change, {
                settleSeconds: scenario.settleSeconds,
                spanSeconds: step.holdSeconds - scenario.settleSeconds,
                detectSettleDb: scenario.tolerances.levelDb,
                ...(scenario.source === 'mic' ? { expectedInput: 'median' as const } : {}),
              }),
            );
            traces[p] = measured.trace;
            dropouts += measured.dropouts.length;
            if (p === 0 && measured.unsettled) unsettled[index + 1] = measured.unsettled.note;
            const origin = eventFrames[p]![0]!;
            const measuredWindows = measured.trace.windowsIn(measured.levels.fromFrame, measured.levels.toFrame);
            steps[p]!.push({
              set: step.set,
              startFrame: change.effectiveFrame - origin,
              settledFromFrame: measured.levels.fromFrame - origin,
              endFrame: change.effectiveFrame + Math.round(step.holdSeconds * measured.trace.sampleRate) - origin,
              input: roundLevels(measured.levels.input),
              output: roundLevels(measured.levels.output),
              outputSwingDb: swingDb(measuredWindows, measured.trace.windowFrames),
            });
          }),
        ),
      );
    });
  }
  const takes = await Promise.all(
    pages.map((page, p) =>
      takeOf(page, { scenario, path, trace: traces[p]!, steps: steps[p]!, first: eventFrames[p]![0]!, options }),
    ),
  );
  return { takes, eventFrames: eventFrames[0]!, dropouts, latencyMs, unsettled };
}

/** One page's take: its steps, where it ran, and its meter trace for the plots. */
async function takeOf(
  page: DevModePage,
  t: {
    scenario: Scenario;
    path: DspPath;
    trace: MeterTrace;
    steps: LiveTakeStep[];
    first: number;
    options: LiveRunOptions;
  },
): Promise<LiveTake> {
  const status = await page.status();
  return {
    scenario: t.scenario.name,
    path: t.path,
    sampleRate: t.trace.sampleRate,
    windowFrames: t.trace.windowFrames,
    origin: {
      chromium: t.options.origin?.chromium ?? page.page.context().browser()?.version() ?? 'unknown',
      captureSampleRate: status.captureSampleRate ?? null,
      sampleRate: status.sampleRate,
      dspBuildSha256: t.options.origin?.dspBuildSha256 ?? null,
    },
    steps: t.steps,
    trace: downsample(t.trace, t.first, t.first + t.steps.at(-1)!.endFrame),
  };
}

/** How far the output RMS over SWING_WINDOWS-window stretches swings within `windows`, dB per channel. */
function swingDb(windows: readonly ProbeMeterWindow[], windowFrames: number): [number, number] {
  const stretches = Math.floor(windows.length / SWING_WINDOWS);
  if (stretches < 2) return [0, 0];
  const levels = Array.from({ length: stretches }, (_, i) =>
    foldMeterWindows(windows.slice(i * SWING_WINDOWS, (i + 1) * SWING_WINDOWS), windowFrames),
  );
  return [0, 1].map((ch) => {
    const db = levels.map((l) => Math.max(-150, linearToDb(l.outputRms[ch as 0 | 1])));
    return goldenDb(Math.max(...db) - Math.min(...db));
  }) as [number, number];
}

function downsample(trace: MeterTrace, from: number, to: number): LiveTrace {
  const windows = trace.windowsIn(from, to);
  const hopFrames = PLOT_HOP_WINDOWS * trace.windowFrames;
  const result: LiveTrace = { hopFrames, frames: [], inputRmsDb: [[], []], outputRmsDb: [[], []] };
  for (let i = 0; i + PLOT_HOP_WINDOWS <= windows.length; i += PLOT_HOP_WINDOWS) {
    const hop = windows.slice(i, i + PLOT_HOP_WINDOWS);
    result.frames.push(hop[0]!.frame - from);
    const folded = foldMeterWindows(hop, trace.windowFrames);
    for (const ch of [0, 1] as const) {
      result.inputRmsDb[ch].push(goldenDb(linearToDb(folded.inputRms[ch])));
      result.outputRmsDb[ch].push(goldenDb(linearToDb(folded.outputRms[ch])));
    }
  }
  return result;
}
