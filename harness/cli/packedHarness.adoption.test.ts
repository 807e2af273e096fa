/**
 * The harness as a plugin developer installs it: `npm pack`, then in a plugin project made the
 * `wavecraft create` way (examples/wavecraft-plugin, copied outside the repo: the sdk-template
 * layout, its engine on wavecraft-nih_plug from git at a tag, played offline by a local git
 * repository of the stand-ins), `npm i -D` the tarball, `init` with no --wasm (it writes and builds
 * the plugin's DSP crate), `record`, `test` (green), the plugin's own files untouched; `nightly` on
 * a build 0.3 dB louder (non-zero, naming scenario, step, parameter and Δ); a processor dropped from
 * the engine's chain is built and named by the next `test`. Then `validate` from the package on a
 * module with a real defect. The repo's git status must not change.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wavecraftGitSource } from '../../fixtures/rust/wavecraftGitSource.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'wavecraft-adopt-'));
const project = join(work, 'my-plugin');
const gitStatus = (cwd = repo) => execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' });
let cargoEnv: NodeJS.ProcessEnv = {};
const run = (command: string, args: string[], cwd = project) => {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...cargoEnv, FORCE_COLOR: '0', WAVECRAFT_CONFIG: '' },
  });
  return { ...result, output: `${result.stdout}${result.stderr}`, seconds: (Date.now() - started) / 1000 };
};
const harness = (...args: string[]) => run('npx', ['--no-install', 'wavecraft-harness', ...args]);
// Three of init's scenarios play live (the rest are checked offline by the unit tests): the audio costs CI minutes.
// Playwright's --grep sees the title path joined by spaces: "scenario param-<id> <description>".
const LIVE_IDS = ['input_trim_level', 'balance_position', 'tone_filter_mode'];
const LIVE = `param-(${LIVE_IDS.join('|')}) `;
/** The live scenarios `record` recorded (all of LIVE, unless the machine starved one: see the record step). */
let recorded = LIVE;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=dev@localhost', '-c', 'user.name=dev', ...args], {
    cwd: project,
    encoding: 'utf8',
  });
/** Edits a file of the plugin's (as its developer would); returns the edit's undo. */
function edit(file: string, from: string, to: string): () => void {
  const path = join(project, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  return () => writeFileSync(path, text);
}

let statusBefore = '';

beforeAll(() => {
  statusBefore = gitStatus();
  // The Rust toolchain for wasm32, installed by the example's build script when missing.
  expect(run('bash', [join(repo, 'examples/rust-plugin/build.sh')], repo).status).toBe(0);
  cargoEnv = wavecraftGitSource(join(work, 'wavecraft-git'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed harness in a plugin made by `wavecraft create`', () => {
  let tarball = '';

  it('packs', () => {
    const pack = run('npm', ['pack', '--pack-destination', work], repo);
    expect(pack.status, pack.output).toBe(0);
    tarball = join(
      work,
      readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
    console.log(`[adoption] tarball ${(statSync(tarball).size / 1024).toFixed(0)} KiB`);
  });

  it('installs; init with no --wasm writes and builds the DSP crate; records, and passes; the plugin is untouched', () => {
    cpSync(join(repo, 'examples/wavecraft-plugin'), project, {
      recursive: true,
      filter: (from) => !/[\\/](target|node_modules|engine-wasm)$/.test(from),
    });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'wavecraft create');
    expect(run('npm', ['init', '-y']).status).toBe(0);
    const install = run('npm', ['i', '-D', tarball, '--no-audit', '--no-fund']);
    expect(install.status, install.output).toBe(0);

    const init = harness('init');
    expect(init.status, init.output).toBe(0);
    expect(init.output).toMatch(
      /chain: +Oscillator, InputTrim, Balance, ToneFilter, SoftClip, OutputGain, OscilloscopeTap/,
    );
    expect(init.output).toMatch(/wrote engine-wasm\/Cargo\.toml/);
    expect(init.output).toMatch(/harness_example_wasm\.wasm has 19 parameter\(s\): oscillator_enabled, /);
    expect(readFileSync(join(project, 'engine-wasm/Cargo.toml'), 'utf8')).toMatch(
      /\[dependencies\.wavecraft-wasm-dsp\]\npath = "\.\.\/node_modules\/wavecraft-audio-harness\/rust\/wavecraft-wasm-dsp"/,
    );
    // The files init made name their JSON Schema in the installed package, for the user's editor.
    const schemaOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { $schema: string }).$schema;
    const configSchema = schemaOf(join(project, 'wavecraft.config.json'));
    expect(configSchema).toBe('./node_modules/wavecraft-audio-harness/schemas/wavecraft.config.schema.json');
    expect(existsSync(join(project, configSchema))).toBe(true);
    const scenarioSchema = schemaOf(join(project, 'scenarios', readdirSync(join(project, 'scenarios'))[0]!));
    expect(existsSync(join(project, 'scenarios', scenarioSchema))).toBe(true);
    const record = harness('record', '--grep', LIVE);
    expect(record.status, record.output).toBe(0);
    // A scenario whose every take the machine starved is inconclusive, named with its cause, and nothing is recorded
    // for it (docs/reliability.md): the harness's answer on a busy machine, never a pass or a failure. Seen here once
    // in four runs on an idle 2-core machine (8-9 capture dropouts in every take of one scenario). What was recorded
    // is tested on; at least one scenario must have been.
    const verdict = /wavecraft verdict: (?:passed|inconclusive) \((\d) passed, 0 failed, (\d) inconclusive/.exec(
      record.output,
    );
    expect(verdict, record.output).not.toBeNull();
    const starved = [...record.output.matchAll(/inconclusive: \[wasm\] scenario param-(\w+) ›[^\n]*\n\s+(.*)/g)];
    for (const [, , why] of starved) expect(why).toMatch(/too busy to measure/);
    expect(Number(verdict![1]) + starved.length).toBe(LIVE_IDS.length);
    const kept = LIVE_IDS.filter((id) => !starved.some(([, starvedId]) => starvedId === id));
    expect(kept.length, record.output).toBeGreaterThanOrEqual(1);
    recorded = `param-(${kept.join('|')}) `;
    if (starved.length)
      console.log(`[adoption] record: starved, not recorded: ${starved.map(([line]) => line).join('; ')}`);
    const test = harness('test', '--grep', recorded);
    expect(test.status, test.output).toBe(0);
    expect(test.output).toMatch(/dsp crate: current with .*engine; chain Oscillator, InputTrim, Balance/);
    expect(git('status', '--porcelain', '--', 'engine', 'ui', 'Cargo.toml')).toBe('');
    console.log(
      `[adoption] npm i ${install.seconds.toFixed(1)} s, init ${init.seconds.toFixed(1)} s, record ${record.seconds.toFixed(1)} s, test ${test.seconds.toFixed(1)} s: first green test ${(install.seconds + init.seconds + record.seconds + test.seconds).toFixed(1)} s after npm i started`,
    );
  });

  it('fails the nightly on a build 0.3 dB louder, naming scenario, step, parameter and Δ', () => {
    const undo = edit('engine/src/processors/balance.rs', '*sample *= gain;', '*sample *= gain * 1.035_142_2;');
    const config = JSON.parse(readFileSync(join(project, 'wavecraft.config.json'), 'utf8'));
    expect(run('bash', ['-c', config.wasm.build]).status).toBe(0);
    cpSync(join(project, config.wasm.path), join(project, 'louder.wasm'));
    undo();
    const nightly = harness('nightly', '--wasm', 'louder.wasm', '--grep', recorded);
    console.log(`[adoption] nightly on the louder build: ${/nightly: failed \(.*\)/.exec(nightly.output)?.[0] ?? '?'}`);
    expect(nightly.status, nightly.output).toBe(1);
    // A reading that does not repeat from take to take is held to 3× its recorded spread (docs/scenarios.md), which
    // can be wider than 0.3 dB; and on a busy machine a test may come out inconclusive (named, never passed). At
    // least one fails, naming its Δ beside the reading's recorded spread, led by the build it was recorded with.
    expect(nightly.output).toMatch(
      /param-[\w]+ \[wasm\] step \d \([^)]*\) output [LR] (rms|peak): \(DSP build recorded [0-9a-f]{12}, running [0-9a-f]{12}\) golden -?[\d.]+ dBFS, actual -?[\d.]+ dBFS \(Δ \+0\.[23]\d dB, ±0\.1/,
    );
    const [, failed, inconclusive] =
      /nightly: failed \(0 passed, (\d) failed, (\d) inconclusive\); history .*my-plugin\/reports\/history\.jsonl/.exec(
        nightly.output,
      ) ?? [];
    expect(Number(failed)).toBeGreaterThanOrEqual(1);
    expect(Number(failed) + Number(inconclusive)).toBeLessThanOrEqual(3);
  });

  it('builds a chain the engine dropped a processor from, and the next test names the parameters it lost', () => {
    const undo = edit('engine/src/lib.rs', '        SoftClip,\n', '');
    try {
      const test = harness('test', '--grep', recorded);
      expect(test.status).toBe(1);
      expect(test.output).toMatch(/chain Oscillator, InputTrim, Balance, ToneFilter, OutputGain, OscilloscopeTap/);
      expect(test.output).toMatch(
        /param-soft_clip_drive_db\.json: \/steps\/\d\/set\/soft_clip_drive_db: harness_example_wasm\.wasm has no parameter "soft_clip_drive_db"/,
      );
      expect(test.output).not.toMatch(/Running \d+ test/);
    } finally {
      undo();
    }
  });

  it('validates a build from the package, naming the rule it breaks (it stores out-of-range volumes), the browser leg included', () => {
    mkdirSync(join(project, 'dsp'), { recursive: true });
    const flags = [
      '--edition',
      '2021',
      '--target',
      'wasm32-unknown-unknown',
      '--crate-type',
      'cdylib',
      '-C',
      'opt-level=3',
    ];
    const source = join(repo, 'fixtures/rust/volume-mute.rs');
    expect(run('/usr/bin/rustc', [...flags, source, '-o', 'dsp/plugin.wasm']).status).toBe(0);
    const validate = harness('validate', '--wasm', 'dsp/plugin.wasm', '--junit', 'reports/validate.xml');
    expect(validate.status, validate.output).toBe(1);
    expect(validate.output).toMatch(
      /FAIL {2}parameters .*wc_set_param\(0, -103\) stored -103 for volume \(range \[-48, 6\]\)/,
    );
    expect(validate.output).toMatch(
      /PASS {2}browser .*AudioWorklet renders at 44\.1 and 48 kHz equal the Node renders/,
    );
    expect(validate.output).toMatch(
      /replay: wavecraft-harness validate --wasm .*plugin\.wasm --strictness 5 --seed 1 --only parameters/,
    );
    expect(run('test', ['-s', 'reports/validate.xml']).status).toBe(0);
  });

  it('leaves the harness repo as it was', () => {
    expect(gitStatus()).toBe(statusBefore);
  });
});
