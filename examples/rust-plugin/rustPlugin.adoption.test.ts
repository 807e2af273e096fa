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
    // One scenario (Playwright's --grep passes through), to keep CI's time: its analytic levels and its golden both catch the +0.5 dB.
    const run = harness('nightly', '--wasm', 'build/tremolo-regress.wasm', '--grep', 'analytic-tremolo-tone-volume');
    // A machine that starves its audio makes it inconclusive (exit 3, the cause named, never passed).
    if (run.status === 3) {
      expect(run.stdout).toMatch(/inconclusive: .*too busy to measure/);
      return;
    }
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/nightly: 1 regression\(s\)/);
    expect(run.stdout).toMatch(/[\w-]+ \[wasm\] step \d \([a-z_]+ = -?[\d.]+\) output [LR] (rms|peak): (golden|expected) -?[\d.]+ dBFS( \(analytic\))?, actual -?[\d.]+ dBFS \(Δ \+0\.5\d dB/);
    const [, failed, inconclusive] = /nightly: failed \(0 passed, (\d) failed, (\d) inconclusive\); history .*examples\/rust-plugin\/reports\/history\.jsonl/.exec(run.stdout) ?? [];
    expect(Number(failed)).toBe(1);
    expect(Number(inconclusive)).toBe(0);
  });

  it('measures what its suite catches: selfcheck kills a 1-frame delay', () => {
    // One fault (each is a whole suite run): the subtlest, a 1-frame delay, which only the live null test sees.
    const run = harness('selfcheck', '--faults', 'delay-1');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/caught {2}delay-1 .*\n.*\n {10}first message: .*the output is 1 frame late/);
    expect(run.stdout).toMatch(/1 of 1 faults caught\./);
  });
});
