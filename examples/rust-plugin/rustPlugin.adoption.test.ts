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
    // On a busy machine some of the 5 may come out inconclusive (each named, never passed): at least
    // one fails, naming scenario, step, parameter and Δ.
    expect(run.stdout).toMatch(/nightly: [1-5] regression\(s\)/);
    expect(run.stdout).toMatch(/[\w-]+ \[wasm\] step \d \([a-z_]+ = -?[\d.]+\) output [LR] (rms|peak): (golden|expected) -?[\d.]+ dBFS( \(analytic\))?, actual -?[\d.]+ dBFS \(Δ \+0\.5\d dB/);
    const [, failed, inconclusive] = /nightly: failed \(0 passed, (\d) failed, (\d) inconclusive\); history .*examples\/rust-plugin\/reports\/history\.jsonl/.exec(run.stdout) ?? [];
    expect(Number(failed)).toBeGreaterThanOrEqual(1);
    expect(Number(failed) + Number(inconclusive)).toBe(5);
  });

  it('measures what its suite catches: selfcheck kills an L/R swap and a 1-frame delay', () => {
    const run = harness('selfcheck', '--faults', 'swap-lr,delay-1');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/caught {2}swap-lr/);
    expect(run.stdout).toMatch(/caught {2}delay-1 .*\n.*\n {10}first message: .*the output is 1 frame late/);
    expect(run.stdout).toMatch(/2 of 2 faults caught\./);
  });
});
