import { describe, expect, it } from 'vitest';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRustWasm } from '../../fixtures/rust/buildRustWasm.ts';
import { REFERENCE_WASM_PATH } from '../../devmode/index.ts';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { WasmDsp } from '../../contracts/wasm/wasmDsp.ts';
import { moveSimulator, SIMULATION_RATE, stepSimulator, stillSteps } from './stepMovement.ts';
import { generateScenarios, parameterValues } from './generateScenarios.ts';
import { initProject } from '../init/initProject.ts';

const float = (over: Partial<ParameterDefinition>): ParameterDefinition => ({
  id: 'x',
  name: 'X',
  type: 'float',
  default: 0,
  min: -60,
  max: 6,
  ...over,
});

describe('scenarios generated from a schema', () => {
  it('step floats through default, low and high (log-spaced in Hz); toggle bools; walk enums from the default', () => {
    expect(parameterValues(float({ unit: 'dB' }))).toEqual([0, -53.4, -0.6]);
    expect(parameterValues(float({ unit: 'Hz', default: 1000, min: 20, max: 20000 }))).toEqual([1000, 39.9, 10000]);
    expect(parameterValues({ id: 'm', name: 'M', type: 'bool', default: 0, min: 0, max: 1 })).toEqual([0, 1]);
    expect(
      parameterValues({ id: 'e', name: 'E', type: 'enum', default: 1, min: 0, max: 2, variants: ['a', 'b', 'c'] }),
    ).toEqual([1, 2, 0]);
    expect(parameterValues(float({ default: -53.4 }))).toEqual([-53.4, -0.6]);
  });

  it('make one scenario per parameter, each value a step on the stereo L/R fixture', () => {
    const [volume, mute] = generateScenarios([
      float({ id: 'volume', name: 'Volume', unit: 'dB' }),
      { id: 'mute', name: 'Mute', type: 'bool', default: 0, min: 0, max: 1 },
    ]).scenarios;
    expect(volume!.name).toBe('param-volume');
    expect(volume!.json.steps.map((s) => s.set)).toEqual([{ volume: 0 }, { volume: -53.4 }, { volume: -0.6 }]);
    expect(mute!.json).toMatchObject({
      input: 'sine-1k-lm6-rm12dbfs-stereo.wav',
      source: 'mic',
      steps: [{ set: { mute: 0 } }, { set: { mute: 1 } }],
    });
  });

  it('split an enum with many variants into scenarios that each fit the 9 s a live scenario may hold', () => {
    const variants = Array.from({ length: 45 }, (_, i) => `v${i}`);
    const scenarios = generateScenarios([
      { id: 'preset', name: 'Preset', type: 'enum', default: 0, min: 0, max: 44, variants },
    ]).scenarios;
    expect(scenarios.map((s) => s.name)).toEqual(['param-preset-1', 'param-preset-2', 'param-preset-3']);
    expect(scenarios.every((s) => s.json.steps.length <= 20)).toBe(true);
    const covered = new Set(scenarios.flatMap((s) => s.json.steps.map((step) => step.set['preset'])));
    expect(covered.size).toBe(45);
  });

  it('switch in a Wavecraft processor that starts bypassed before stepping its parameters', () => {
    const bool = (id: string, on: number): ParameterDefinition => ({
      id,
      name: id,
      type: 'bool',
      default: on,
      min: 0,
      max: 1,
    });
    const scenarios = generateScenarios([
      bool('soft_clip_bypass', 1),
      float({ id: 'soft_clip_drive_db', default: 12, min: 0, max: 30, unit: 'dB' }),
      bool('output_gain_bypass', 0),
      float({ id: 'output_gain_level', default: 1, min: 0, max: 2 }),
    ]).scenarios;
    const steps = Object.fromEntries(scenarios.map((s) => [s.name, s.json.steps.map((step) => step.set)]));
    expect(steps['param-soft_clip_drive_db']).toEqual([
      { soft_clip_bypass: 0, soft_clip_drive_db: 12 },
      { soft_clip_drive_db: 3 },
      { soft_clip_drive_db: 27 },
    ]);
    expect(scenarios.find((s) => s.name === 'param-soft_clip_drive_db')!.json.description).toContain(
      'with soft_clip_bypass = 0 (its processor switched in)',
    );
    // Its own bypass toggles out and back; a processor that starts switched in is left alone.
    expect(steps['param-soft_clip_bypass']).toEqual([
      { soft_clip_bypass: 1 },
      { soft_clip_bypass: 0 },
      { soft_clip_bypass: 1 },
    ]);
    expect(steps['param-output_gain_level']).toEqual([
      { output_gain_level: 1 },
      { output_gain_level: 0.2 },
      { output_gain_level: 1.8 },
    ]);
  });

  it('an enable-gated generator and a bypassed filter: init switches each in, sets what makes every step move, and every step moves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-gated-'));
    const wasm = buildRustWasm(
      fileURLToPath(new URL('../../fixtures/rust/processorDefects.rs', import.meta.url)),
      join(dir, 'chain.wasm'),
      ['start_bypassed'],
    );
    const lines: string[] = [];
    await initProject({ wasm, dir: join(dir, 'project'), force: false }, (line) => lines.push(line));
    const files = readdirSync(join(dir, 'project', 'scenarios')).sort();
    const scenarios = Object.fromEntries(
      files.map((f) => [
        f.replace('.json', ''),
        JSON.parse(readFileSync(join(dir, 'project', 'scenarios', f), 'utf8')),
      ]),
    );
    // The oscillator is stepped with its enable gate on; the filter with its bypass off; the mode where the variants
    // differ in level.
    expect(scenarios['param-oscillator_level'].steps[0].set).toMatchObject({ oscillator_enabled: 1 });
    expect(scenarios['param-filter_cutoff_hz'].steps[0].set).toMatchObject({ filter_bypass: 0 });
    expect(scenarios['param-filter_mode'].steps[0].set).toMatchObject({
      filter_bypass: 0,
      filter_cutoff_hz: expect.any(Number),
    });
    expect(scenarios['param-filter_mode'].steps[0].set.filter_cutoff_hz).not.toBe(1000);
    // A bypass toggled where it has an effect: the gain's toggle... and the filter's own bypass out and back.
    expect(
      scenarios['param-filter_bypass'].steps.map((s: { set: Record<string, number> }) => s.set.filter_bypass),
    ).toEqual([1, 0, 1]);
    // Rendered again independently: no step of any generated scenario is still.
    const { bytes, definitions } = await loadWasmDspFile(wasm);
    const simulate = moveSimulator(
      () =>
        WasmDsp.instantiate(
          bytes,
          definitions.map((d) => d.id),
          SIMULATION_RATE,
        ),
      definitions,
    );
    const still = Object.entries(scenarios).flatMap(([name, s]) =>
      stillSteps(s.steps, simulate(s.steps), 0.1).map((x) => `${name} step ${x.step}`),
    );
    expect(still).toEqual([]);
    // The filter's mode is stepped where no variant leaves the 1 kHz input deep in its stopband: at
    // a 39.9 Hz cutoff the low-pass sat at -62 dBFS and its live level wandered 0.2 dB between runs.
    const shifts = stepSimulator(
      () =>
        WasmDsp.instantiate(
          bytes,
          definitions.map((d) => d.id),
          SIMULATION_RATE,
        ),
      definitions,
    )(scenarios['param-filter_mode'].steps).artefactShiftDb;
    expect(Math.max(...shifts), `artefact shifts ${shifts.map((x) => x.toFixed(3)).join(', ')} dB`).toBeLessThanOrEqual(
      0.05,
    );
    expect(lines.join('\n')).not.toMatch(/param-filter_mode step \d.*noise 44 dB under/);
    const steps = Object.values(scenarios).reduce(
      (n, s) => n + s.steps.filter((step: { hold?: boolean }) => !step.hold).length,
      0,
    );
    expect(lines).toContain(
      `init: ${files.length} scenario(s); all ${steps} of their steps move the output by more than 0.30 dB (rendered through the build first)`,
    );
    console.log(
      `[init] gated chain: ${files.length} scenarios, ${steps} steps, all moving\n${lines.filter((l) => l.startsWith('  param')).join('\n')}`,
    );
  });

  it('the reference chain (two processors start bypassed): every generated step moves; the bypass toggles run with the level away from unity', async () => {
    const { bytes, definitions } = await loadWasmDspFile(REFERENCE_WASM_PATH);
    const make = () =>
      WasmDsp.instantiate(
        bytes,
        definitions.map((d) => d.id),
        SIMULATION_RATE,
      );
    const simulate = moveSimulator(make, definitions);
    const { scenarios, unmoved } = generateScenarios(definitions, stepSimulator(make, definitions), 0.1);
    expect(unmoved).toEqual([]);
    expect(
      scenarios.flatMap((s) =>
        stillSteps(s.json.steps, simulate(s.json.steps), 0.1).map((x) => `${s.name} step ${x.step}`),
      ),
    ).toEqual([]);
    const gainBypass = scenarios.find((s) => s.name === 'param-output_gain_bypass')!.json.steps[0]!.set;
    expect(gainBypass['output_gain_level']).not.toBe(1);
    // Without the simulation the toggle at unity gain would move nothing: the check sees that.
    const unity = [
      { set: { output_gain_bypass: 0 }, holdSeconds: 0.4 },
      { set: { output_gain_bypass: 1 }, holdSeconds: 0.4 },
    ];
    expect(stillSteps(unity, simulate(unity), 0.1).map((s) => s.step)).toEqual([1, 2]);
  });

  it("a chain like real plugins' (a drone summed in by default, an oscillator to switch on, a saturator, a tremolo): init predicts which steps repeat, prefers contexts that do, and names the ones none makes repeat", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'generator-'));
    const wasm = buildRustWasm(
      fileURLToPath(new URL('../../fixtures/rust/generatorChain.rs', import.meta.url)),
      join(dir, 'chain.wasm'),
      ['drone="harmonic"'],
    );
    const { bytes, definitions } = await loadWasmDspFile(wasm);
    const make = () =>
      WasmDsp.instantiate(
        bytes,
        definitions.map((d) => d.id),
        SIMULATION_RATE,
      );
    const simulate = stepSimulator(make, definitions);
    const report = generateScenarios(definitions, simulate, 0.1);
    const context = (name: string) => report.scenarios.find((s) => s.name === name)!.json.steps[0]!.set;
    // The 3 kHz drone (3 × the input) through the saturator: a step's RMS moves between takes (0.07 dB at unity trim,
    // more driven) with the drone on; init switches it off where the parameter needs no second tone.
    expect(simulate([{ set: { input_trim_level: 2 }, holdSeconds: 0.4 }]).takeSpreadDb[0]).toBeGreaterThan(0.05);
    expect(context('param-input_trim_level')).toMatchObject({ drone_enabled: 0 });
    // An oscillator frequency is stepped through a filter, not against a drone at the same frequency (its level
    // moved 2.2 dB from take to take live, 1.78 dB between simulated takes).
    expect(Object.keys(context('param-oscillator_frequency'))).not.toContain('drone_frequency');
    expect(
      simulate([
        { set: { oscillator_enabled: 1, drone_frequency: 39.9, oscillator_frequency: 440 }, holdSeconds: 0.4 },
        { set: { oscillator_frequency: 39.9 }, holdSeconds: 0.4 },
      ]).takeSpreadDb[1],
    ).toBeGreaterThan(1);
    // A tremolo at 0.72 Hz moves a 0.4 s step by its phase, not by the parameter: left out; the steps no context
    // makes repeat are named.
    expect(
      report.scenarios.find((s) => s.name === 'param-tremolo_rate_hz')!.json.steps.map((s) => s.set['tremolo_rate_hz']),
    ).not.toContain(0.723);
    expect(report.fragile.length).toBeGreaterThan(0);
    expect(report.fragile.every((f) => f.startsWith('param-tremolo_'))).toBe(true);
    expect(report.fragile[0]).toMatch(
      /its RMS moves \d\.\d\d dB between simulated takes \(the DSP's own generators or LFOs/,
    );
    console.log(
      `[init] generator chain:\n${report.notes.map((n) => `  ${n}`).join('\n')}\n  fragile:\n${report.fragile.map((f) => `    ${f}`).join('\n')}`,
    );
  });
});
