/** The scenario lint on a user's scenarios: still steps named with how far they moved and the fix; moving ones pass. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_WASM_PATH } from '../../devmode/index.ts';
import type { HarnessConfig } from '../config/harnessConfig.ts';
import { stillStepProblems, warnStillSteps } from './stillStepLint.ts';

function project(scenarios: Record<string, unknown>): HarnessConfig {
  const dir = mkdtempSync(join(tmpdir(), 'still-steps-'));
  mkdirSync(join(dir, 'scenarios'));
  for (const [name, json] of Object.entries(scenarios))
    writeFileSync(join(dir, 'scenarios', `${name}.json`), JSON.stringify(json));
  return { scenariosDir: join(dir, 'scenarios'), tolerances: {}, fixturesDirs: [] } as unknown as HarnessConfig;
}

const tone = { source: 'tone', tone: { frequencyHz: 1000, levelDb: -6 } };

describe("the still-step lint on a project's own scenarios", () => {
  it('names a bypass toggled at unity gain and a filter stepped while bypassed, with the fix; passes steps that move and steps marked hold', async () => {
    const config = project({
      'unity-bypass': {
        ...tone,
        description: 'toggles a bypass that has nothing to bypass',
        steps: [
          { set: { output_gain_level: 0.5 }, holdSeconds: 0.4 },
          { set: { output_gain_bypass: 1 }, holdSeconds: 0.4 },
          { set: { output_gain_level: 1, output_gain_bypass: 0 }, holdSeconds: 0.4, hold: true },
        ],
      },
      'bypassed-filter': {
        ...tone,
        description: 'steps a cutoff of a filter that is bypassed',
        steps: [
          { set: { tone_filter_cutoff_hz: 1000 }, holdSeconds: 0.4, hold: true },
          { set: { tone_filter_cutoff_hz: 100 }, holdSeconds: 0.4 },
        ],
      },
      moving: {
        ...tone,
        description: 'moves',
        steps: [
          { set: { output_gain_level: 0.5 }, holdSeconds: 0.4 },
          { set: { output_gain_level: 1.5 }, holdSeconds: 0.4 },
        ],
      },
    });
    const problems = await stillStepProblems(config, REFERENCE_WASM_PATH);
    expect(problems).toEqual([
      expect.stringMatching(
        /^bypassed-filter step 2 \(\{"tone_filter_cutoff_hz":100\}\): moves the output by 0\.00 dB at most from step 1, under the 0\.30 dB \(3× the ±0\.1 dB tolerance\) a step needs to check anything live; fix: switch in its processor \(tone_filter_bypass = 0\), set a value that moves the output, or mark the step "hold": true/,
      ),
    ]);
    const lines: string[] = [];
    expect(await warnStillSteps(config, REFERENCE_WASM_PATH, (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/^WARNING: scenario lint: 1 step\(s\) move the output by too little/);
  });

  it('names a bypass toggled where it changes nothing', async () => {
    const config = project({
      'unity-bypass': {
        ...tone,
        description: 'toggle at unity',
        steps: [
          { set: { output_gain_level: 0.5 }, holdSeconds: 0.4 },
          { set: { output_gain_level: 1 }, holdSeconds: 0.4 },
          { set: { output_gain_bypass: 1 }, holdSeconds: 0.4 },
        ],
      },
    });
    expect(await stillStepProblems(config, REFERENCE_WASM_PATH)).toEqual([
      expect.stringMatching(
        /^unity-bypass step 3 \(\{"output_gain_bypass":1\}\): moves the output by 0\.00 dB at most from step 2/,
      ),
    ]);
  });
});
