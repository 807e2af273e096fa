/**
 * examples/rust-plugin as its own CI would run it: build with Debian's rustc, the suite green
 * against its goldens (generated and analytic scenarios), and the nightly on the `--cfg regress`
 * build failing, naming the scenario, the step with its parameter values, and the Δ.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('.', import.meta.url));
const cli = fileURLToPath(new URL('../../bin/wavecraft-harness.mjs', import.meta.url));
const harness = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: example, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

describe('examples/rust-plugin', () => {
  it('builds, and its suite passes against its goldens', () => {
    const build = spawnSync('bash', ['build.sh'], { cwd: example, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const run = harness('test');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/5 passed/);
  });

  it('flags its --cfg regress build in the nightly, naming scenario, step, parameter and Δ', () => {
    const run = harness('nightly', '--wasm', 'build/tremolo-regress.wasm');
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/nightly: 5 regression\(s\)/);
    expect(run.stdout).toMatch(/param-output_volume \[wasm\] step 2 \(output_volume = -53\.4\) output L rms: golden -62\.42 dBFS, actual -61\.92 dBFS \(Δ \+0\.50 dB, ±0\.1\)/);
    expect(run.stdout).toMatch(/analytic-tremolo-tone-volume \[wasm\] step 2 \(tremolo_depth = 0\.5\) output L rms: expected -11\.28 dBFS \(analytic\), actual -10\.78 dBFS \(Δ \+0\.50 dB/);
    expect(run.stdout).toMatch(/nightly: failed \(0 passed, 5 failed\); history .*examples\/rust-plugin\/reports\/history\.jsonl/);
  });

  it('measures what its suite catches: selfcheck kills an L/R swap and a 1-frame delay', () => {
    const run = harness('selfcheck', '--faults', 'swap-lr,delay-1');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/caught {2}swap-lr/);
    expect(run.stdout).toMatch(/caught {2}delay-1 .*\n.*\n {10}first message: .*the output is 1 frame late/);
    expect(run.stdout).toMatch(/2 of 2 faults caught\./);
  });
});
