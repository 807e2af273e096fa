/**
 * The scenario lint on a plugin project's own scenarios, before `record` and `test` run them:
 * each scenario on the WASM path is rendered through the project's build in Node (stepMovement.ts),
 * and every step that moves no output level by 3× the level tolerance, and does not say
 * `"hold": true`, is reported loudly with the step, how far it moved and the fix. It warns; it
 * does not stop the run.
 */
import { sine } from '../signals/signals.ts';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { processorGates, processorOf } from '../../contracts/ipc/processors.ts';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { WasmDsp } from '../../contracts/wasm/wasmDsp.ts';
import type { HarnessConfig } from '../config/harnessConfig.ts';
import { resolveInputWav } from '../config/inputFixtures.ts';
import { readWav } from '../wav/wavFile.ts';
import { loadScenarios } from './loadScenarios.ts';
import type { Scenario } from './scenario.ts';
import { moveSimulator, SIMULATION_RATE, stillSteps } from './stepMovement.ts';

async function scenarioInput(
  scenario: Scenario,
  fixturesDirs: readonly string[],
): Promise<[Float32Array, Float32Array]> {
  if (scenario.source === 'tone') {
    const tone = scenario.tone ?? { frequencyHz: 1000, levelDb: -6 };
    const x = sine(SIMULATION_RATE, SIMULATION_RATE, tone.frequencyHz, tone.levelDb);
    return [x, x];
  }
  const wav = await readWav(resolveInputWav(scenario.input!, fixturesDirs));
  return [wav.channels[0]!, wav.channels[1] ?? wav.channels[0]!];
}

/**
 * "switch in its processor (filter_bypass = 0), " when the step's parameters sit in a processor switched out at that
 * step.
 */
function switchedOutHint(scenario: Scenario, stepIndex: number, definitions: readonly ParameterDefinition[]): string {
  const state: Record<string, number> = Object.fromEntries(definitions.map((d) => [d.id, d.default]));
  for (const step of scenario.steps.slice(0, stepIndex + 1)) Object.assign(state, step.set);
  const gates = processorGates(definitions);
  const out = Object.keys(scenario.steps[stepIndex]!.set).flatMap((id) => {
    const processor = processorOf(id, definitions);
    return gates.filter((g) => g.processor === processor && g.id !== id && state[g.id] !== g.inValue);
  });
  return out.length
    ? `switch in its processor (${[...new Set(out.map((g) => `${g.id} = ${g.inValue}`))].join(', ')}), `
    : '';
}

/** One line per still step of the project's scenarios (empty when every step moves). */
export async function stillStepProblems(harness: HarnessConfig, wasmPath: string): Promise<string[]> {
  const { bytes, definitions } = await loadWasmDspFile(wasmPath);
  const ids = definitions.map((d) => d.id);
  const problems: string[] = [];
  for (const scenario of loadScenarios(harness.scenariosDir, {
    tolerances: harness.tolerances,
    strict: harness.strict,
  })) {
    if (!scenario.paths.includes('wasm') || !scenario.live) continue;
    const input = await scenarioInput(scenario, harness.fixturesDirs);
    const moves = moveSimulator(
      () => WasmDsp.instantiate(bytes, ids, SIMULATION_RATE),
      definitions,
      input,
      scenario.settleSeconds,
    )(scenario.steps);
    for (const still of stillSteps(scenario.steps, moves, scenario.tolerances.levelDb)) {
      const step = scenario.steps[still.step - 1]!;
      problems.push(
        `${scenario.name} step ${still.step} (${JSON.stringify(step.set)}): moves the output by ${still.movedDb.toFixed(2)} dB at most from ${still.step === 1 ? 'the defaults' : `step ${still.step - 1}`}, under the ${still.neededDb.toFixed(2)} dB (3× the ±${scenario.tolerances.levelDb} dB tolerance) a step needs to check anything live; fix: ${switchedOutHint(scenario, still.step - 1, definitions)}set a value that moves the output, or mark the step "hold": true if it is meant to change nothing`,
      );
    }
  }
  return problems;
}

/** Logs the still steps loudly; returns how many there were. */
export async function warnStillSteps(
  harness: HarnessConfig,
  wasmPath: string,
  log: (line: string) => void,
): Promise<number> {
  const problems = await stillStepProblems(harness, wasmPath);
  if (problems.length === 0) return 0;
  log(
    `WARNING: scenario lint: ${problems.length} step(s) move the output by too little to check anything (rendered through ${wasmPath} first):`,
  );
  for (const p of problems) log(`  ${p}`);
  return problems.length;
}
