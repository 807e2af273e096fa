/**
 * Runs a scenario's steps live: each step's values over the dev server, then its settled span
 * measured on the audio clock, from `settleSeconds` after the DSP applied the change to the end
 * of the hold. Segments are aligned on the parameter-event frames the worklet reported.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import { foldMeterWindows } from '../../contracts/meters/meterWindow.ts';
import {
  goldenDb,
  roundLevels,
  LIVE_GOLDEN_VERSION,
  type LiveGolden,
  type LiveGoldenStep,
} from '../goldens/liveGolden.ts';
import { MeterTrace } from '../analysis/meterTrace.ts';
import type { DevModePage } from '../page/devModePage.ts';
import type { DevServerClient } from '../rpc/devServerClient.ts';
import { applyParameterStep, measureSettled } from '../steps/parameterStep.ts';
import type { Scenario } from './scenario.ts';

export interface LiveRun {
  golden: LiveGolden;
  /** Absolute audio-clock frames of each step's parameter event. */
  eventFrames: number[];
  dropouts: number;
  latencyMs: number[];
  /** Per step number (1-based): why its output may not have settled (settleDetection.ts). */
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

/** Runs `body` as a titled step of the report (Playwright's test.step, given by the suite); by default just runs it. */
export type InStep = <T>(title: string, body: () => Promise<T>) => Promise<T>;

export async function runLiveScenario(
  rpc: DevServerClient,
  page: DevModePage,
  scenario: Scenario,
  path: string,
  inStep: InStep = (_title, body) => body(),
): Promise<LiveRun> {
  await page.startTrace();
  const steps: LiveGoldenStep[] = [];
  const eventFrames: number[] = [];
  const latencyMs: number[] = [];
  let dropouts = 0;
  const unsettled: Record<number, string> = {};
  let trace: MeterTrace | null = null;
  for (const [index, step] of scenario.steps.entries()) {
    const where = `step ${index + 1}`;
    const title = `${where}: ${
      Object.entries(step.set)
        .map(([id, v]) => `${id} = ${v}`)
        .join(', ') || 'no change'
    }, held ${step.holdSeconds} s${step.hold ? ' (hold)' : ''}`;
    await inStep(title, async () => {
      const applied = await rpc.whileConnected(where, applyParameterStep(rpc, page, step.set));
      eventFrames.push(applied.effectiveFrame);
      latencyMs.push(...Object.values(applied.latencyMs));
      const measured = await rpc.whileConnected(
        where,
        measureSettled(page, applied, {
          settleSeconds: scenario.settleSeconds,
          spanSeconds: step.holdSeconds - scenario.settleSeconds,
          detectSettleDb: scenario.tolerances.levelDb,
          ...(scenario.source === 'mic' ? { expectedInput: 'median' as const } : {}),
        }),
      );
      trace = measured.trace;
      dropouts += measured.dropouts.length;
      if (measured.unsettled) unsettled[index + 1] = measured.unsettled.note;
      const origin = eventFrames[0]!;
      steps.push({
        set: step.set,
        startFrame: applied.effectiveFrame - origin,
        settledFromFrame: measured.levels.fromFrame - origin,
        endFrame: applied.effectiveFrame + Math.round(step.holdSeconds * measured.trace.sampleRate) - origin,
        input: roundLevels(measured.levels.input),
        output: roundLevels(measured.levels.output),
      });
    });
  }
  const t = trace!;
  return {
    golden: {
      schemaVersion: LIVE_GOLDEN_VERSION,
      scenario: scenario.name,
      path,
      sampleRate: t.sampleRate,
      windowFrames: t.windowFrames,
      steps,
      trace: downsample(t, eventFrames[0]!, eventFrames[0]! + steps.at(-1)!.endFrame),
    },
    eventFrames,
    dropouts,
    latencyMs,
    unsettled,
  };
}

function downsample(trace: MeterTrace, from: number, to: number): LiveGolden['trace'] {
  const windows = trace.windowsIn(from, to);
  const hopFrames = PLOT_HOP_WINDOWS * trace.windowFrames;
  const result: LiveGolden['trace'] = { hopFrames, frames: [], inputRmsDb: [[], []], outputRmsDb: [[], []] };
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
