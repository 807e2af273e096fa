/**
 * A Wavecraft-style chain built through `export!` (fixtures/rust/wavecraft-style-chain, Debian's
 * cargo, offline) goes through the harness as a plugin project would: `init` writes a scenario per
 * parameter under the ids Wavecraft gives them, `record` and `test` pass, and `test` on the chain's
 * regressed build (each of its two Gain stages 0.3 dB loud) fails, naming a reading and its Δ.
 * Three of the generated scenarios play live (the rest are `init`'s, checked offline by the unit
 * tests): the audio costs CI minutes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cargoBuildStyleChain } from '../../fixtures/rust/buildWavecraftChain.ts';

const cli = fileURLToPath(new URL('../../bin/wavecraft-harness.mjs', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'wavecraft-chain-project-'));
const harness = (...args: string[]) => {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', WAVECRAFT_CONFIG: '' },
  });
  return { ...run, output: `${run.stdout}${run.stderr}` };
};
// Playwright's --grep sees the title path joined by spaces: "scenario param-<id> <description>".
const LIVE = 'param-(input_trim_level|oscillator_enabled|tone_filter_mode) ';

describe('a Wavecraft-style chain exported in one line', () => {
  it('init names its scenarios by Wavecraft ids; record and test pass; its regressed build fails test', () => {
    mkdirSync(join(project, 'dsp'));
    const builds = join(project, 'builds');
    mkdirSync(builds);
    copyFileSync(cargoBuildStyleChain(builds), join(project, 'dsp', 'chain.wasm'));
    const regressed = cargoBuildStyleChain(builds, ['regress="trim"']);

    const init = harness('init', '--wasm', 'dsp/chain.wasm');
    expect(init.status, init.output).toBe(0);
    expect(readdirSync(join(project, 'scenarios')).sort()).toEqual(
      [
        'oscillator_enabled',
        'oscillator_frequency',
        'oscillator_level',
        'oscillator_bypass',
        'input_trim_level',
        'input_trim_bypass',
        'tone_filter_mode',
        'tone_filter_cutoff_hz',
        'tone_filter_resonance_q',
        'tone_filter_bypass',
        'soft_clip_drive_db',
        'soft_clip_bypass',
        'output_gain_level',
        'output_gain_bypass',
      ]
        .map((id) => `param-${id}.json`)
        .sort(),
    );

    const record = harness('record', '--grep', LIVE);
    expect(record.status, record.output).toBe(0);
    expect(record.output).toMatch(/wavecraft verdict: passed \(3 passed/);
    const test = harness('test', '--grep', LIVE);
    expect(test.status, test.output).toBe(0);

    copyFileSync(regressed, join(project, 'dsp', 'chain.wasm'));
    const failing = harness('test', '--grep', LIVE);
    expect(failing.status, failing.output).not.toBe(0);
    expect(failing.output).toMatch(
      /param-\w+ \[wasm\] step \d \([^)]*\) output [LR] (rms|peak): \(DSP build recorded [0-9a-f]{12}, running [0-9a-f]{12}\) golden -?[\d.]+ dBFS, actual -?[\d.]+ dBFS \(Δ \+0\.[56]\d dB, ±0\.1/,
    );
  });
});
