/**
 * The scenario lint: what a suite's scenarios can catch, judged from the scenarios and their
 * recorded live goldens, before anything runs.
 *
 * - movement: every step moves at least one output statistic by ≥ 3× the level tolerance from
 *   the step before (step 1: from its input), or declares `"hold": true`; a step that moves less
 *   checks nothing live;
 * - extremes: every parameter of each DSP path is set to its min and to its max in some step;
 * - bypass: for each bypass parameter, some step engages it while what it bypasses is away from its
 *   default: for a plugin-wide `bypass`, every other parameter; for a Wavecraft processor's
 *   `<processor>_bypass`, every other `<processor>_*` parameter;
 * - stereo: every parameter is changed in some scenario whose input channels differ (≥ 1 dB), so a
 *   channel swap inside that stage shows.
 */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import { existsSync } from 'node:fs';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { parametersOfProcessor, PROCESSOR_BYPASS_SUFFIX } from '../../contracts/ipc/processors.ts';
import { goldenPath, readJsonGolden } from '../goldens/goldenFiles.ts';
import { liveGoldenSchema, type LiveGolden } from '../goldens/liveGolden.ts';
import type { Scenario } from './scenario.ts';

export const MOVEMENT_FACTOR = 3;

export interface LintPath {
  name: DspPath;
  definitions: readonly ParameterDefinition[];
}

const STATS = [
  ['peakDb', 0],
  ['peakDb', 1],
  ['rmsDb', 0],
  ['rmsDb', 1],
] as const;

function largestMove(
  from: LiveGolden['steps'][number]['output'],
  to: LiveGolden['steps'][number]['output'],
): { db: number; what: string } {
  let best = { db: 0, what: '' };
  for (const [stat, ch] of STATS) {
    const db = Math.abs(to[stat][ch]! - from[stat][ch]!);
    if (db > best.db) best = { db, what: `${ch ? 'R' : 'L'} ${stat === 'peakDb' ? 'peak' : 'rms'}` };
  }
  return best;
}

/** A plugin-wide `bypass`, or a Wavecraft processor's `<processor>_bypass`. */
function isBypass(id: string): boolean {
  return id === 'bypass' || id.endsWith(PROCESSOR_BYPASS_SUFFIX);
}

/**
 * What a bypass parameter bypasses: everything else for `bypass`; the processor's own parameters (Wavecraft's grouping)
 * for `<processor>_bypass`.
 */
function bypassedBy(bypassId: string, definitions: readonly ParameterDefinition[]): ParameterDefinition[] {
  if (bypassId === 'bypass') return definitions.filter((d) => d.id !== 'bypass');
  return parametersOfProcessor(bypassId.slice(0, -PROCESSOR_BYPASS_SUFFIX.length), definitions).filter(
    (d) => d.id !== bypassId,
  );
}

export function lintScenarios(
  scenarios: readonly Scenario[],
  paths: readonly LintPath[],
  goldensDir: string,
): string[] {
  const problems: string[] = [];
  const goldens = new Map<string, LiveGolden | null>();
  const golden = (scenario: Scenario, path: string) => {
    const key = `${path}/${scenario.name}`;
    if (!goldens.has(key)) {
      const file = goldenPath(goldensDir, path, scenario.name, '.json');
      goldens.set(key, existsSync(file) ? readJsonGolden<LiveGolden>(file, liveGoldenSchema) : null);
    }
    return goldens.get(key)!;
  };

  for (const path of paths) {
    const onPath = scenarios.filter((s) => s.paths.includes(path.name));
    // Movement, from the recorded goldens.
    for (const scenario of onPath.filter((s) => s.live)) {
      const g = golden(scenario, path.name);
      if (!g) {
        problems.push(`${scenario.name} [${path.name}]: no live golden to lint (record it first)`);
        continue;
      }
      scenario.steps.forEach((step, i) => {
        const measured = g.steps[i];
        if (!measured || step.hold) return;
        const from = i === 0 ? measured.input : g.steps[i - 1]!.output;
        const move = largestMove(from, measured.output);
        const needed = MOVEMENT_FACTOR * scenario.tolerances.levelDb;
        if (move.db < needed) {
          problems.push(
            `${scenario.name} [${path.name}] step ${i + 1} (${JSON.stringify(step.set)}): moves the output by ${move.db.toFixed(2)} dB at most (${move.what || 'nothing'}) from ${i === 0 ? 'its input' : `step ${i}`}, under ${MOVEMENT_FACTOR}× the ±${scenario.tolerances.levelDb} dB tolerance: it checks nothing live; change it so it moves, or mark it "hold": true`,
          );
        }
      });
    }
    // Extremes.
    for (const d of path.definitions) {
      for (const [label, value] of [
        ['min', d.min],
        ['max', d.max],
      ] as const) {
        if (!onPath.some((s) => s.steps.some((step) => step.set[d.id] === value)))
          problems.push(`[${path.name}] ${d.id} is never set to its ${label} (${value}) by any scenario on this path`);
      }
    }
    // Each bypass engaged while what it bypasses is away from its default.
    for (const bypass of path.definitions.filter((d) => isBypass(d.id))) {
      const others = bypassedBy(bypass.id, path.definitions);
      const engaged = onPath.some((s) => {
        const state: Record<string, number> = Object.fromEntries(path.definitions.map((d) => [d.id, d.default]));
        return s.steps.some((step) => {
          Object.assign(state, step.set);
          return state[bypass.id] === bypass.max && others.every((d) => state[d.id] !== d.default);
        });
      });
      if (!engaged) {
        problems.push(
          `[${path.name}] no step engages ${bypass.id} with ${others.length ? `every parameter it bypasses (${others.map((d) => d.id).join(', ')}) away from its default` : 'it set to its max'}`,
        );
      }
    }
    // Stereo: each parameter changed on an input whose channels differ.
    for (const d of path.definitions) {
      const onStereo = onPath.some((s) => {
        const g = s.live ? golden(s, path.name) : null;
        const distinct = !!g && g.steps.some((step) => Math.abs(step.input.rmsDb[0]! - step.input.rmsDb[1]!) >= 1);
        return distinct && s.steps.some((step) => d.id in step.set);
      });
      if (!onStereo)
        problems.push(
          `[${path.name}] ${d.id} is never changed on an input whose channels differ, so a channel swap in its stage would not show`,
        );
    }
  }
  return problems;
}
