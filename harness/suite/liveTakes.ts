/**
 * The live takes of a scenario. Outside record mode: one, on the test's page. In record mode:
 * TAKES_PER_ROUND at once, each its own page and stream (the test's page and more in one extra
 * context of the same browser), then another round while the takes disagree, up to MAX_TAKES. A
 * round the machine starved (its audio clock slow, underruns, dropouts) is not kept, and the rounds
 * after it play one take at a time; goldens are recorded on clean audio only, so with fewer than
 * MIN_TAKES clean takes the record is inconclusive and says why.
 */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import type { LiveTake } from '../goldens/liveGolden.ts';
import { MAX_TAKES, MIN_TAKES, TAKES_PER_ROUND, takesDisagree } from '../goldens/repeatability.ts';
import type { DevModePage } from '../page/devModePage.ts';
import type { DevServerClient } from '../rpc/devServerClient.ts';
import { runLiveScenario, type InStep, type LiveRun, type LiveRunOptions } from '../scenarios/liveScenario.ts';
import type { Scenario } from '../scenarios/scenario.ts';

/**
 * The most a take's page waits before it opens (at random): a DSP's free-running LFO at 0.7 Hz then stands anywhere in
 * its cycle when a step starts, not where the other takes' stand.
 */
export const TAKE_STAGGER_MS = 1500;

/** Rounds at most: two of TAKES_PER_ROUND, and single takes after a starved one. */
const MAX_ROUNDS = 8;

export interface LiveTakesContext {
  rpc: DevServerClient;
  /** The test's own page, ready. */
  page: DevModePage;
  /** Opens this many more pages, ready to measure, and a way to close them. */
  openPages: (count: number) => Promise<{ pages: DevModePage[]; close: () => Promise<void> }>;
  /** Starts the measurement anew on every watched page; then whether the audio since was starved, and why. */
  health: { markMeasuring(): void; starvation(): string | null };
  scenario: Scenario;
  path: DspPath;
  recording: boolean;
  origin: LiveRunOptions['origin'];
  inStep: InStep;
  phases?: LiveRunOptions['phases'];
}

export interface LiveTakes {
  takes: LiveTake[];
  /** The first kept round's run (its first take's unsettled notes, dropouts). */
  run: LiveRun;
  /** Rounds not kept: the machine starved their audio. */
  starvedRounds: string[];
  /** Record mode with fewer than MIN_TAKES clean takes: why nothing may be recorded. */
  inconclusive: string | null;
}

export async function playLiveTakes(ctx: LiveTakesContext): Promise<LiveTakes> {
  const { rpc, scenario, recording } = ctx;
  const levelDb = scenario.tolerances.levelDb;
  const takes: LiveTake[] = [];
  const starvedRounds: string[] = [];
  let kept: LiveRun | null = null;
  let atOnce = recording ? TAKES_PER_ROUND : 1;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const wanted = takesDisagree(takes, levelDb) ? MAX_TAKES : MIN_TAKES;
    if (round > 0 && (!recording || takes.length >= wanted)) break;
    // A round after the first starts from the defaults, as the test's page did.
    if (round > 0) await rpc.resetParameters();
    const extra = await ctx.openPages(round === 0 ? atOnce - 1 : Math.min(atOnce, MAX_TAKES - takes.length));
    const pages = round === 0 ? [ctx.page, ...extra.pages] : extra.pages;
    // Opening pages is no audio to judge: the round's measurement starts with them all playing.
    ctx.health.markMeasuring();
    try {
      const run = await runLiveScenario(rpc, pages, scenario, ctx.path, {
        origin: ctx.origin,
        ...(ctx.phases ? { phases: ctx.phases } : {}),
        inStep: (title, body) => ctx.inStep(recording ? `take round ${round + 1}: ${title}` : title, body),
      });
      const starved = recording ? ctx.health.starvation() : null;
      if (starved) {
        starvedRounds.push(`round ${round + 1} (${pages.length} take(s) at once): ${starved}`);
        atOnce = 1;
        continue;
      }
      kept ??= run;
      takes.push(...run.takes);
    } finally {
      await extra.close();
    }
  }
  const inconclusive =
    recording && takes.length < MIN_TAKES
      ? `only ${takes.length} of ${MIN_TAKES} takes played on clean audio: ${starvedRounds.join('; ')}`
      : null;
  if (!kept) {
    // Every round starved: nothing to judge. The caller says so (inconclusive) and records nothing.
    return {
      takes,
      run: { takes: [], eventFrames: [], dropouts: 0, latencyMs: [], unsettled: {} },
      starvedRounds,
      inconclusive,
    };
  }
  return { takes, run: kept, starvedRounds, inconclusive };
}
