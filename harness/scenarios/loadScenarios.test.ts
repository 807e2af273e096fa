import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { loadScenarios, ScenarioError } from './loadScenarios.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const good = JSON.stringify({
  description: 'd',
  input: 'a.wav',
  source: 'mic',
  paths: ['mock'],
  steps: [{ set: { input_gain: 0 }, holdSeconds: 0.5 }],
});

describe('scenario files', () => {
  it('load the committed scenarios, which cover every source, parameter and signal kind', () => {
    const scenarios = loadScenarios(readHarnessConfig({}).scenariosDir);
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    expect(new Set(scenarios.map((s) => s.source))).toEqual(new Set(['mic', 'file', 'tone']));
    const params = new Set(scenarios.flatMap((s) => s.steps.flatMap((step) => Object.keys(step.set))));
    const reference = JSON.parse(
      readFileSync(new URL('../../devmode/dsp/reference/parameters.json', import.meta.url), 'utf8'),
    ) as { id: string }[];
    for (const { id } of reference) expect(params, id).toContain(id);
    const inputs = scenarios.map((s) => s.input ?? '');
    for (const kind of ['mono', 'stereo', 'silence', 'noise', 'sweep'])
      expect(
        inputs.some((i) => i.includes(kind)),
        kind,
      ).toBe(true);
  });

  it('fill in defaults', () => {
    const [s] = loadScenarios(folder({ 'one.json': good }));
    expect(s).toMatchObject({
      name: 'one',
      tolerances: { levelDb: 0.1, offlineSnrDb: 120 },
      settleSeconds: 0.05,
      live: true,
    });
    const noPaths = JSON.stringify({
      description: 'd',
      input: 'a.wav',
      source: 'mic',
      steps: [{ set: { volume: 0 }, holdSeconds: 0.5 }],
    });
    const [user] = loadScenarios(folder({ 'user.json': noPaths }), { tolerances: { levelDb: 0.25 } });
    expect(user).toMatchObject({ paths: ['wasm'], tolerances: { levelDb: 0.25, offlineSnrDb: 120 } });
  });

  it('report every problem of every file together, with file and JSON pointer', () => {
    const dir = folder({
      'a-good.json': good,
      'b-bad-json.json': '{ "description": ',
      'c-bad-fields.json': JSON.stringify({
        description: 'd',
        source: 'radio',
        paths: ['gpu'],
        steps: [{ set: {}, holdSeconds: 0.01 }],
      }),
      'd-tone-without-tone.json': JSON.stringify({
        description: 'd',
        source: 'tone',
        paths: ['mock'],
        steps: [{ set: { a: 1 }, holdSeconds: 1 }],
      }),
      'e-too-long.json': JSON.stringify({
        description: 'd',
        input: 'a.wav',
        source: 'mic',
        paths: ['mock'],
        steps: Array(4).fill({ set: { a: 1 }, holdSeconds: 3 }),
      }),
    });
    let error: ScenarioError | undefined;
    try {
      loadScenarios(dir);
    } catch (e) {
      error = e as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const text = error!.problems.join('\n');
    expect(text).toMatch(/b-bad-json\.json: not valid JSON/);
    expect(text).toMatch(/c-bad-fields\.json: \/source must be equal to one of the allowed values/);
    expect(text).toMatch(/c-bad-fields\.json: \/paths\/0 must be equal to one of the allowed values/);
    expect(text).toMatch(/c-bad-fields\.json: \/steps\/0\/holdSeconds must be >= 0\.2/);
    expect(text).toMatch(/c-bad-fields\.json: \/ must have required property 'input'/);
    expect(text).toMatch(/d-tone-without-tone\.json: \/ must have required property 'tone'/);
    expect(text).toMatch(/e-too-long\.json: \/steps hold 12\.00 s in all/);
    expect(text).not.toMatch(/a-good/);
  });
});
