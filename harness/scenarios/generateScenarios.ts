/**
 * A first suite from a DSP's parameter schema, so a new project has meaningful tests before
 * anyone writes JSON: one scenario per parameter, on a stereo sine whose channels differ (so a
 * swap shows), through fake capture. Floats step through their default, a low and a high value
 * (log-spaced for Hz); bools toggle (a processor's gate out and back); enums walk through their
 * variants from the default. A parameter of a Wavecraft processor that starts switched out
 * (`<processor>_bypass` on, or `<processor>_enabled` off) is stepped with its processor switched
 * in. Given the DSP, every step is rendered first and must move the output (stepMovement.ts).
 */
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import {
  gateOf,
  PROCESSOR_ENABLED_SUFFIX,
  processorGates,
  processorOf,
  switchIn,
} from '../../contracts/ipc/processors.ts';
import { REPEATS_SHARE } from '../goldens/repeatability.ts';
import { MOVEMENT_FACTOR } from './scenarioLint.ts';
import type { ScenarioFile } from './scenarioSchema.ts';
import type { SimulatedStep, StepSimulation } from './stepMovement.ts';

export const GENERATED_SCENARIO_INPUT = 'sine-1k-lm6-rm12dbfs-stereo.wav';
const HOLD_SECONDS = 0.4;
/** Steps per scenario: 20 × 0.4 s stays under the 9 s a live scenario may hold (the fixture's loop seam). */
const MAX_STEPS = 20;

export interface GeneratedScenario {
  /** File name without .json. */
  name: string;
  json: ScenarioFile;
}

/** Three significant digits, clamped into the range. */
function tidy(value: number, definition: ParameterDefinition): number {
  const rounded = value === 0 ? 0 : Number(value.toPrecision(3));
  return Math.min(definition.max, Math.max(definition.min, rounded));
}

/** The point `fraction` of the way from min to max: geometric for a positive Hz range, linear otherwise. */
function along(definition: ParameterDefinition, fraction: number): number {
  const { min, max } = definition;
  if (definition.unit === 'Hz' && min > 0) return tidy(min * (max / min) ** fraction, definition);
  return tidy(min + (max - min) * fraction, definition);
}

export function parameterValues(definition: ParameterDefinition): number[] {
  const values =
    definition.type === 'float'
      ? [definition.default, along(definition, 0.1), along(definition, 0.9)]
      : definition.type === 'bool'
        ? [definition.default, 1 - definition.default]
        : Array.from(
            { length: definition.max - definition.min + 1 },
            (_, i) =>
              definition.min + ((definition.default - definition.min + i) % (definition.max - definition.min + 1)),
          );
  return values.filter((v, i) => values.indexOf(v) === i);
}

/**
 * The processor a parameter belongs to, switched in: its gates that start out (`_bypass` on, `_enabled` off) at their
 * "in" value.
 */
function switchInFor(
  definition: ParameterDefinition,
  definitions: readonly ParameterDefinition[],
): Record<string, number> {
  // A gate itself (a bypass, say) switches nothing alone where its processor's other gate is out: a generator's
  // bypass toggles a generator that is on.
  const own = gateOf(definition.id);
  const gates = own
    ? Object.fromEntries(
        processorGates(definitions)
          .filter((g) => g.processor === own.processor && g.id !== definition.id)
          .map((g) => [g.id, g.inValue]),
      )
    : switchIn(definition.id, definitions);
  return Object.fromEntries(
    Object.entries(gates).filter(([id, inValue]) => definitions.find((d) => d.id === id)?.default !== inValue),
  );
}

/** The other parameters of the same processor (every other parameter when it has none), gates left out. */
function siblings(definition: ParameterDefinition, definitions: readonly ParameterDefinition[]): ParameterDefinition[] {
  const processor = processorOf(definition.id, definitions) ?? gateOf(definition.id)?.processor;
  const own = processor === undefined ? definitions : definitions.filter((d) => d.id.startsWith(`${processor}_`));
  return own.filter((d) => d.id !== definition.id && !gateOf(d.id));
}

/**
 * One parameter away from its default: each float low and high, then nearer the middle (a cutoff
 * at 159 Hz rather than 39.9 keeps a low-pass's output well above the capture's artefacts), each
 * other enum variant or bool value.
 */
const awayFromDefault = (d: ParameterDefinition) =>
  (d.type === 'float'
    ? [along(d, 0.1), along(d, 0.9), along(d, 0.3), along(d, 0.7)]
    : parameterValues(d).slice(1)
  ).filter((v, i, all) => v !== d.default && all.indexOf(v) === i);

/**
 * Settings to try when a step moves nothing or does not repeat, nearest first: the processor's
 * other parameters away from their defaults, one and then two at a time; another processor's
 * generator switched off; then any other processor's parameter, with that processor switched in
 * (an oscillator's frequency moves a level only through a filter).
 */
function contexts(
  definition: ParameterDefinition,
  definitions: readonly ParameterDefinition[],
): Record<string, number>[] {
  const near = siblings(definition, definitions);
  const singles = near.flatMap((d) => awayFromDefault(d).map((v) => ({ [d.id]: v })));
  const pairs = singles.flatMap((a, i) =>
    singles
      .slice(i + 1)
      .filter((b) => Object.keys(b)[0] !== Object.keys(a)[0])
      .map((b) => ({ ...a, ...b })),
  );
  // Another processor's generator switched off (`<processor>_enabled` on by default): a second tone gone from the
  // output, whose phase against the input would move the step's readings from take to take.
  const own = processorOf(definition.id, definitions) ?? gateOf(definition.id)?.processor;
  const quieter = definitions
    .filter((d) => d.type === 'bool' && d.default === 1 && d.id.endsWith(PROCESSOR_ENABLED_SUFFIX))
    .filter((d) => gateOf(d.id)!.processor !== own)
    .map((d) => ({ [d.id]: 0 }));
  const far = definitions
    .filter((d) => d.id !== definition.id && !gateOf(d.id) && !near.includes(d))
    .flatMap((d) => awayFromDefault(d).map((v) => ({ ...switchInFor(d, definitions), [d.id]: v })));
  const quieterSingles = quieter.flatMap((q) => singles.map((single) => ({ ...single, ...q })));
  return [{}, ...singles, ...pairs, ...quieter, ...quieterSingles, ...far];
}

/**
 * Renders steps through the DSP: how far each moved the output, and how far artefacts move its level (dB); see
 * stepMovement.ts.
 */
export type StepSimulator = (steps: readonly SimulatedStep[]) => StepSimulation;

export interface GenerationReport {
  scenarios: GeneratedScenario[];
  /** Per scenario: how many steps move, and what was changed to make them. */
  notes: string[];
  /** Parameters no generated step could move the output with: the user writes these by hand. */
  unmoved: string[];
  /** Steps whose live level would measure the capture's artefacts as well (no setting avoided it): said, kept. */
  fragile: string[];
}

/** What a generated step must do, from the level tolerance. */
interface StepLimits {
  levelToleranceDb: number;
  /** A step moves the output by more than this (MOVEMENT_FACTOR × the tolerance). */
  neededDb: number;
  /** The artefact stand-in may move a repeating step's level by at most this (half the tolerance). */
  robustDb: number;
  /** Simulated takes may move a repeating step's RMS by at most this (REPEATS_SHARE of the tolerance). */
  repeatsDb: number;
}

/** Whether step i of a simulation repeats: artefacts move it under half the tolerance, takes its RMS hardly. */
const stepRepeats = (sim: StepSimulation, i: number, l: StepLimits) =>
  sim.artefactShiftDb[i]! <= l.robustDb && sim.takeSpreadDb[i]! <= l.repeatsDb;
/** How far step i moves from the artefacts or between takes, in units of what it may (1: at the limit). */
const unrepeatability = (sim: StepSimulation, i: number, l: StepLimits) =>
  Math.max(sim.artefactShiftDb[i]! / l.robustDb, sim.takeSpreadDb[i]! / l.repeatsDb);
/**
 * How far each step moves the output, where the parameter moves it: by more than the takes move it on their own (a
 * tremolo's swing is no parameter's doing); 0 elsewhere.
 */
const parameterMoves = (sim: StepSimulation) => sim.moves.map((m, i) => (m > 2 * sim.takeSpreadDb[i]! ? m : 0));

interface ContextChoice {
  context: Record<string, number>;
  moving: number;
  repeating: number;
  spreadDb: number;
  simulation: StepSimulation;
}

/**
 * Of the settings under which the most steps move, the one under which the most repeat, then the one whose least
 * repeatable step moves least (the first, nearest, among equals).
 */
function chooseContext(
  candidates: Iterable<Record<string, number>>,
  stepsWith: (context: Record<string, number>) => SimulatedStep[],
  simulate: StepSimulator,
  limits: StepLimits,
): ContextChoice {
  let best: ContextChoice | null = null;
  for (const candidate of candidates) {
    const simulation = simulate(stepsWith(candidate));
    const steps = simulation.moves.length;
    const moves = parameterMoves(simulation);
    const counted = (i: number) => i === 0 || moves[i]! > limits.neededDb;
    const moving = moves.slice(1).filter((m) => m > limits.neededDb).length;
    // A step repeats when neither the capture's artefacts nor the takes move its level: its readings hold.
    const repeating = moves.filter((_, i) => counted(i) && stepRepeats(simulation, i, limits)).length;
    // How far its least repeatable step moves, from the artefacts or between takes.
    const spreadDb = Math.max(...moves.map((_, i) => (counted(i) ? unrepeatability(simulation, i, limits) : 0)));
    if (
      !best ||
      moving > best.moving ||
      (moving === best.moving && repeating > best.repeating) ||
      (moving === best.moving && repeating === best.repeating && spreadDb < best.spreadDb - 1e-3)
    )
      best = { context: candidate, moving, repeating, spreadDb, simulation };
    if (moving === steps - 1 && repeating === steps) break;
  }
  return best!;
}

/**
 * The steps the chosen setting keeps (those that move; step 1 always, `hold` when it moves nothing), each that does
 * not repeat under it named as fragile live.
 */
function keptSteps(
  choice: ContextChoice,
  stepsWith: (context: Record<string, number>) => SimulatedStep[],
  where: (n: number, step: SimulatedStep) => string,
  limits: StepLimits,
  fragile: string[],
): SimulatedStep[] {
  // The winner's own simulation: rendering it again would give the same levels.
  const { artefactShiftDb, takeSpreadDb } = choice.simulation;
  const moves = parameterMoves(choice.simulation);
  const kept = stepsWith(choice.context).flatMap((step, i) =>
    i === 0 || moves[i]! > limits.neededDb ? [{ step, i }] : [],
  );
  kept.forEach(({ step, i }, n) => {
    if (artefactShiftDb[i]! > limits.robustDb)
      fragile.push(
        `${where(n, step)}: noise 44 dB under the input moves its level by ${artefactShiftDb[i]!.toFixed(2)} dB, more than half the ±${limits.levelToleranceDb} dB tolerance (a filter leaves the signal far down and passes the noise); live, the capture's artefacts may move it as far`,
      );
    if (takeSpreadDb[i]! > limits.repeatsDb)
      fragile.push(
        `${where(n, step)}: its RMS moves ${takeSpreadDb[i]!.toFixed(2)} dB between simulated takes (the DSP's own generators or LFOs stand elsewhere when the step starts); record will assert it within a tolerance derived from its spread, and say so`,
      );
  });
  return kept.map(({ step, i }) => (i === 0 && moves[0]! <= limits.neededDb ? { ...step, hold: true } : step));
}

/** A parameter's values in chunks of at most MAX_STEPS steps, each later chunk starting from the default again. */
function chunksOf(sequence: readonly number[]): number[][] {
  const chunks: number[][] = [sequence.slice(0, MAX_STEPS)];
  for (let i = MAX_STEPS; i < sequence.length; i += MAX_STEPS - 1)
    chunks.push([sequence[0]!, ...sequence.slice(i, i + MAX_STEPS - 1)]);
  return chunks;
}

const listed = (values: Record<string, number>) =>
  Object.entries(values)
    .map(([id, v]) => `${id} = ${v}`)
    .join(', ');

/** The scenario file of a generated scenario. */
function scenarioJson(
  definition: ParameterDefinition,
  steps: readonly SimulatedStep[],
  switched: Record<string, number>,
  context: Record<string, number>,
): GeneratedScenario['json'] {
  const label = (v: number) =>
    definition.type === 'enum' && definition.variants
      ? (definition.variants[v - definition.min] ?? String(v))
      : `${v}${definition.unit ? ` ${definition.unit}` : ''}`;
  const kept = steps.map((step) => step.set[definition.id]!);
  const switchedText = Object.keys(switched).length ? `with ${listed(switched)} (its processor switched in) and ` : '';
  const contextText = Object.keys(context).length ? `${listed(context)} (so each step moves the output) and ` : '';
  return {
    description: `${definition.name} (${definition.id}) through ${kept.map(label).join(', ')}, ${switchedText}${contextText}the other parameters at their defaults (generated by wavecraft-harness init)`,
    input: GENERATED_SCENARIO_INPUT,
    source: 'mic' as const,
    steps: steps.map((step) => ({
      set: step.set,
      holdSeconds: step.holdSeconds,
      ...(step.hold ? { hold: true } : {}),
    })),
  };
}

/** The scenarios of one parameter, added to `report` (with its notes; none when no step moves). */
function generateFor(
  definition: ParameterDefinition,
  definitions: readonly ParameterDefinition[],
  simulate: StepSimulator | undefined,
  limits: StepLimits,
  report: GenerationReport,
): void {
  const values = parameterValues(definition);
  const gate = gateOf(definition.id)?.processor !== undefined && definition.type === 'bool';
  const switched = switchInFor(definition, definitions);
  // A gate toggles out and back: [default, other, default].
  const chunks = chunksOf(gate ? [...values, values[0]!] : values);
  chunks.forEach((chunk, part) => {
    const name = chunks.length > 1 ? `param-${definition.id}-${part + 1}` : `param-${definition.id}`;
    const stepsWith = (context: Record<string, number>): SimulatedStep[] =>
      chunk.map((value, i) => ({
        set: { ...(i === 0 ? { ...switched, ...context } : {}), [definition.id]: value },
        holdSeconds: HOLD_SECONDS,
      }));
    let context: Record<string, number> = {};
    let steps = stepsWith(context);
    if (simulate) {
      const choice = chooseContext(contexts(definition, definitions), stepsWith, simulate, limits);
      context = choice.context;
      const where = (n: number, step: SimulatedStep) =>
        `${name} step ${n + 1} (${definition.id} = ${step.set[definition.id]})`;
      steps = keptSteps(choice, stepsWith, where, limits, report.fragile);
      const dropped = chunk.length - steps.length;
      if (steps.length < 2) {
        report.unmoved.push(definition.id);
        report.notes.push(
          `${name}: not generated: no step moved the output by more than ${limits.neededDb.toFixed(2)} dB on the generated input, whatever the other parameters; write it by hand`,
        );
        return;
      }
      report.notes.push(
        `${name}: ${steps.length - 1} of ${steps.length - 1} steps move the output${
          Object.keys(context).length ? ` with ${listed(context)}` : ''
        }${dropped ? `; ${dropped} step(s) that moved nothing left out` : ''}`,
      );
    }
    report.scenarios.push({ name, json: scenarioJson(definition, steps, switched, context) });
  });
}

/**
 * One scenario per parameter (split for long enums). With a simulator, every step must move the
 * output by more than MOVEMENT_FACTOR × the level tolerance: a step that does not is retried with
 * the processor's other parameters set away from their defaults, then dropped; step 1, the
 * baseline, says `"hold": true` when it moves nothing. Of the settings under which the most steps
 * move, the one under which the most steps repeat wins (the artefact stand-in moves their level by
 * at most half the tolerance, and simulated takes their RMS by at most REPEATS_SHARE of it), then
 * the one whose least repeatable step moves least (the first, nearest, among equals). A step that
 * does not repeat under the winner is named: fragile live.
 */
export function generateScenarios(
  definitions: readonly ParameterDefinition[],
  simulate?: StepSimulator,
  levelToleranceDb = 0.1,
): GenerationReport {
  const report: GenerationReport = { scenarios: [], notes: [], unmoved: [], fragile: [] };
  const limits: StepLimits = {
    levelToleranceDb,
    neededDb: MOVEMENT_FACTOR * levelToleranceDb,
    robustDb: levelToleranceDb / 2,
    repeatsDb: REPEATS_SHARE * levelToleranceDb,
  };
  for (const definition of definitions) generateFor(definition, definitions, simulate, limits, report);
  return report;
}
