/**
 * One step of a live level check: apply parameters over the dev server, then hold the settled
 * output to expected levels on all three views of the meters — the probe trace, the page's
 * display and the meterUpdate relay — collecting every miss instead of stopping at the first.
 */
import { dbToLinear } from '../../contracts/meters/decibels.ts';
import { foldStatistics } from '../../contracts/meters/meterStatistics.ts';
import type { ExpectedInput } from '../analysis/captureDropouts.ts';
import { compareStageLevels, type ExpectedStageLevels, type LevelMiss } from '../analysis/levelExpectations.ts';
import type { LevelReport } from '../analysis/meterTrace.ts';
import type { DevModePage } from '../page/devModePage.ts';
import type { DevServerClient } from '../rpc/devServerClient.ts';
import { applyParameterStep, measureSettled, type AppliedStep } from './parameterStep.ts';
import { collectRelayedReadings, readDisplayOnCleanInput } from './settledReadings.ts';

/** Relayed meter updates each step must see (and check) while it holds. */
const MIN_RELAYED = 5;

export interface StepCheck {
  label: string;
  values: Record<string, number>;
  /** Expected pre-DSP levels (also used to skip capture dropouts). */
  input: Required<ExpectedStageLevels>;
  /** Expected post-DSP levels; omit a statistic to leave it unchecked. */
  output: ExpectedStageLevels;
  toleranceDb: number;
  /** Check the display and the relay too. Default true. */
  allViews?: boolean;
}

export interface StepOutcome {
  step: AppliedStep;
  levels: LevelReport;
  misses: LevelMiss[];
  problems: string[];
  dropouts: number;
  relayed: number;
  summary: string;
}

/** Keeps, per channel and statistic, only the miss that deviates most (one row per relay statistic). */
function worstPerStatistic(misses: LevelMiss[]): LevelMiss[] {
  const worst = new Map<string, LevelMiss>();
  for (const m of misses) {
    const key = `${m.channel}/${m.statistic}`;
    const current = worst.get(key);
    if (!current || Math.abs(m.actualDb - m.expectedDb) > Math.abs(current.actualDb - current.expectedDb))
      worst.set(key, m);
  }
  return [...worst.values()];
}

export async function checkSettledStep(
  rpc: DevServerClient,
  page: DevModePage,
  check: StepCheck,
): Promise<StepOutcome> {
  return rpc.whileConnected(check.label, checkStep(rpc, page, check));
}

async function checkStep(rpc: DevServerClient, page: DevModePage, check: StepCheck): Promise<StepOutcome> {
  const { label, toleranceDb } = check;
  const expectedInput: ExpectedInput = { rmsDb: check.input.rmsDb, toleranceDb };
  // Note the relay position before sending: meters after the change can arrive before the
  // harness hears that the DSP applied it. Frames, not arrival order, pick what counts below.
  const relayFrom = rpc.meterUpdates.length;
  const step = await applyParameterStep(rpc, page, check.values);
  const { levels, trace, dropouts } = await measureSettled(page, step, { expectedInput });
  const misses = [
    ...compareStageLevels(label, 'input', levels.input, check.input, toleranceDb),
    ...compareStageLevels(label, 'output', levels.output, check.output, toleranceDb),
  ];
  const problems: string[] = [];
  let relayedCount = 0;
  if (check.allViews ?? true) {
    const display = await readDisplayOnCleanInput(page, levels.fromFrame, expectedInput);
    const [left, right] = display.output;
    misses.push(
      ...compareStageLevels(
        label,
        'display',
        foldStatistics({
          peak: [dbToLinear(left.peakDb), dbToLinear(right.peakDb)],
          rms: [dbToLinear(left.rmsDb), dbToLinear(right.rmsDb)],
        }),
        check.output,
        toleranceDb,
      ),
    );
    // What a person sees must be the same number, rounded to 0.1 dB.
    const visible = left.text.replace(/\s+/g, ' ');
    if (Number.isFinite(left.peakDb) && !visible.includes(`${left.peakDb.toFixed(1)} dBFS`)) {
      problems.push(
        `${label}: the meter display text "${visible}" does not show its own peak ${left.peakDb.toFixed(1)} dBFS`,
      );
    }
    // The step still holds, so every relayed update from the settled span's start on must carry
    // its levels. Collect at least MIN_RELAYED of them (a stalled page merges several into one).
    const relayed = await collectRelayedReadings(rpc, page, relayFrom, levels.fromFrame, expectedInput, MIN_RELAYED);
    relayedCount = relayed.length;
    if (relayed.length < MIN_RELAYED) {
      const all = rpc.meterUpdates.slice(relayFrom).map((u) => Math.round((u.timestamp_us / 1e6) * trace.sampleRate));
      problems.push(
        `${label}: only ${relayed.length} meterUpdate notifications over clean input were relayed from frame ${levels.fromFrame} ` +
          `(expected ≥ ${MIN_RELAYED} at ~60 Hz); updates received since the step started at frames: ${all.join(', ')}`,
      );
    }
    misses.push(
      ...worstPerStatistic(
        relayed.flatMap((r) =>
          compareStageLevels(
            `${label} relay (worst of ${relayed.length})`,
            'meterUpdate',
            r.output,
            check.output,
            toleranceDb,
          ),
        ),
      ),
    );
  }
  const fmt = (pair: [number, number]) => pair.map((d) => d.toFixed(3)).join('/');
  const summary =
    `${label}: output peak ${fmt(levels.output.peakDb)} dBFS, rms ${fmt(levels.output.rmsDb)} dBFS; ` +
    `input peak ${fmt(levels.input.peakDb)}, rms ${fmt(levels.input.rmsDb)}; ${levels.windows} windows, ` +
    `${dropouts.length} capture dropouts skipped, ${relayedCount} relayed updates checked; ` +
    `latency ${Object.entries(step.latencyMs)
      .map(([id, ms]) => `${id} ${ms.toFixed(1)} ms`)
      .join(', ')}`;
  return { step, levels, misses, problems, dropouts: dropouts.length, relayed: relayedCount, summary };
}
