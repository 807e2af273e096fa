/**
 * A plugin made by `wavecraft create` (examples/wavecraft-plugin: the sdk-template layout, its engine
 * on `wavecraft-nih_plug` from git at a tag) gets its WASM build from `init` with no --wasm: the
 * engine itself cannot build for wasm32 (its stand-ins refuse, as Wavecraft's crates do), the crate
 * init writes beside it can, with Cargo and with plain rustc given only wavecraft_dsp,
 * wavecraft_processors and wavecraft_wasm_dsp; the ids are wavecraft_plugin!'s; the plugin's files
 * stay as they were; a cargo that fails leaves the crate and nothing else; a crate that drifts
 * from the engine is named.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { DEBIAN_RUSTC } from '../../fixtures/rust/buildRustWasm.ts';
import {
  DEBIAN_CARGO,
  externs,
  rustcRlib,
  rustcWasm,
  STANDIN_CRATES_DIR,
} from '../../fixtures/rust/buildWavecraftChain.ts';
import { wavecraftGitSource } from '../../fixtures/rust/wavecraftGitSource.ts';
import { CONFIG_FILE_NAME } from '../config/projectConfig.ts';
import { checkPluginDspCrate } from './checkPluginDspCrate.ts';
import { DspCrateBuildError, harnessRustCrateDir, initProject } from './initProject.ts';
import { planPluginDspCrate } from './pluginDspCrate.ts';
import { readWavecraftPluginProject } from './wavecraftPluginProject.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/wavecraft-plugin', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'wavecraft-create-'));
const quiet = () => {};

/** The ids wavecraft_plugin! gives the example's chain: `<snake-case type>_<id_suffix>`, and a bypass each. */
const WAVECRAFT_IDS = [
  'oscillator_enabled',
  'oscillator_waveform',
  'oscillator_frequency',
  'oscillator_level',
  'oscillator_bypass',
  'input_trim_level',
  'input_trim_bypass',
  'balance_position',
  'balance_bypass',
  'tone_filter_mode',
  'tone_filter_cutoff_hz',
  'tone_filter_resonance_q',
  'tone_filter_bypass',
  'soft_clip_drive_db',
  'soft_clip_output_trim_db',
  'soft_clip_bypass',
  'output_gain_level',
  'output_gain_bypass',
  'oscilloscope_tap_bypass',
];

/** A fresh copy of the example plugin. */
function pluginCopy(name: string): string {
  const dir = join(work, name);
  cpSync(EXAMPLE, dir, { recursive: true, filter: (from) => !/[\\/](target|node_modules)$/.test(from) });
  return dir;
}

/** Every file of the plugin's own (engine/, ui/, the root Cargo.toml) → its hash. */
function pluginFiles(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(join(root, 'engine'));
  hashes['Cargo.toml'] = createHash('sha256')
    .update(readFileSync(join(root, 'Cargo.toml')))
    .digest('hex');
  return hashes;
}

let gitEnv: NodeJS.ProcessEnv = {};

beforeAll(() => {
  gitEnv = wavecraftGitSource(join(work, 'git'), ['0.12.7', '0.13.0']);
  Object.assign(process.env, gitEnv);
});

const cargo = (cwd: string, ...args: string[]) =>
  spawnSync(DEBIAN_CARGO, args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv } });

describe('a plugin made by `wavecraft create`', () => {
  it('is read as init reads it: engine, Wavecraft source, wrappers, modules, chain', () => {
    const plugin = readWavecraftPluginProject(EXAMPLE);
    expect(relative(EXAMPLE, plugin.engineDir)).toBe('engine');
    expect(plugin).toMatchObject({
      engineName: 'harness_example',
      edition: '2021',
      dependencyName: 'wavecraft',
      source: { kind: 'git', git: 'https://github.com/RonHouben/wavecraft', tag: '0.12.7' },
      modules: ['processors'],
      pluginName: 'Harness Example',
      chain: ['Oscillator', 'InputTrim', 'Balance', 'ToneFilter', 'SoftClip', 'OutputGain', 'OscilloscopeTap'],
      usedDependencies: {},
    });
    expect(plugin.wrappers.map((w) => `${w.name} => ${w.kind}`)).toEqual([
      'InputTrim => Gain',
      'ToneFilter => Filter',
      'SoftClip => Saturator',
      'OutputGain => Gain',
    ]);
  });

  it("builds natively, and its engine refuses wasm32 as Wavecraft's crates do", () => {
    const root = pluginCopy('engine-build');
    const native = cargo(root, 'build', '--quiet');
    expect(native.status, native.stderr).toBe(0);
    const wasm = cargo(root, 'build', '--quiet', '--target', 'wasm32-unknown-unknown');
    expect(wasm.status).not.toBe(0);
    expect(wasm.stderr).toMatch(/wavecraft-core does not build for wasm32-unknown-unknown: .*libloading/);
    // wavecraft-nih_plug refuses on its own too (its own reasons: wry, nih_plug's event loop).
    const nih = spawnSync(
      DEBIAN_RUSTC,
      [
        '--edition',
        '2021',
        '--target',
        'wasm32-unknown-unknown',
        '--crate-type',
        'rlib',
        '-o',
        join(root, 'nih.rlib'),
      ].concat(join(STANDIN_CRATES_DIR, 'wavecraft-nih_plug/src/lib.rs')),
      { encoding: 'utf8' },
    );
    expect(nih.stderr).toMatch(/wavecraft-nih_plug does not build for wasm32-unknown-unknown: wry 0\.47 .*OsEventLoop/);
  });

  it("gets its WASM build from init with no --wasm, with Wavecraft's ids, its own files untouched", async () => {
    const root = pluginCopy('init');
    const before = pluginFiles(root);
    const lines: string[] = [];
    await initProject({ dir: root, force: false }, (line) => lines.push(line));
    const log = lines.join('\n');
    expect(log).toMatch(
      /engine is the engine crate \(harness_example\); Wavecraft from https:\/\/github\.com\/RonHouben\/wavecraft, tag 0\.12\.7/,
    );
    expect(log).toMatch(/chain: +Oscillator, InputTrim, Balance, ToneFilter, SoftClip, OutputGain, OscilloscopeTap/);
    expect(log).toMatch(/wrote engine-wasm\/Cargo\.toml/);
    const config = JSON.parse(readFileSync(join(root, CONFIG_FILE_NAME), 'utf8'));
    expect(config.wasm).toEqual({
      path: 'engine-wasm/target/wasm32-unknown-unknown/release/harness_example_wasm.wasm',
      build:
        'cargo build --release --target wasm32-unknown-unknown --manifest-path engine-wasm/Cargo.toml --target-dir engine-wasm/target',
      engine: 'engine',
    });
    const { definitions } = await loadWasmDspFile(join(root, config.wasm.path));
    expect(definitions.map((d) => d.id)).toEqual(WAVECRAFT_IDS);
    expect(existsSync(join(root, 'scenarios', 'param-balance_position.json'))).toBe(true);
    expect(pluginFiles(root)).toEqual(before);
    const manifest = readFileSync(join(root, 'engine-wasm', 'Cargo.toml'), 'utf8');
    expect(manifest).toMatch(
      /\[dependencies\.wavecraft-dsp\]\ngit = "https:\/\/github\.com\/RonHouben\/wavecraft"\ntag = "0\.12\.7"/,
    );
    expect(manifest).toMatch(/\[workspace\]/);
    // The plugin's own build is still its own: the root workspace builds the engine as before.
    expect(cargo(root, 'build', '--quiet').status).toBe(0);
  });

  it('has a lib.rs that plain rustc compiles for wasm32 with only wavecraft_dsp, wavecraft_processors and wavecraft_wasm_dsp', async () => {
    const root = pluginCopy('rustc');
    const crate = planPluginDspCrate(readWavecraftPluginProject(root), harnessRustCrateDir());
    mkdirSync(join(crate.dir, 'src'), { recursive: true });
    writeFileSync(join(crate.dir, 'src', 'lib.rs'), crate.files.get('src/lib.rs')!);
    const libs = join(root, 'rlibs');
    rustcRlib(libs, 'wavecraft_dsp', join(STANDIN_CRATES_DIR, 'wavecraft-dsp/src/lib.rs'));
    rustcRlib(libs, 'wavecraft_processors', join(STANDIN_CRATES_DIR, 'wavecraft-processors/src/lib.rs'), [
      'wavecraft_dsp',
    ]);
    rustcRlib(libs, 'wavecraft_wasm_dsp', join(harnessRustCrateDir(), 'src/lib.rs'));
    const module = join(root, 'plain.wasm');
    rustcWasm(libs, [
      '--crate-type',
      'cdylib',
      '--crate-name',
      'harness_example_wasm',
      ...externs(libs, ['wavecraft_dsp', 'wavecraft_processors', 'wavecraft_wasm_dsp']),
      join(crate.dir, 'src', 'lib.rs'),
      '-o',
      module,
    ]);
    const { definitions } = await loadWasmDspFile(module);
    expect(definitions.map((d) => d.id)).toEqual(WAVECRAFT_IDS);
  });

  it("stops after writing the crate when cargo cannot build, naming cargo's error and the command to run", async () => {
    const root = pluginCopy('no-cargo');
    const bin = join(root, 'fake-bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'cargo'),
      "#!/bin/sh\necho 'error: failed to get `wavecraft-dsp` as a dependency of package `harness_example-wasm`' >&2\nexit 101\n",
    );
    chmodSync(join(bin, 'cargo'), 0o755);
    const path = process.env['PATH'];
    process.env['PATH'] = `${bin}:${path}`;
    try {
      const failure = await initProject({ dir: root, force: false }, quiet).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(DspCrateBuildError);
      const message = (failure as Error).message;
      expect(message).toMatch(
        /wrote engine-wasm\/ \(the plugin's DSP crate\), but cargo could not build it \(exit 101\)/,
      );
      expect(message).toMatch(/error: failed to get `wavecraft-dsp` as a dependency/);
      expect(message).toMatch(
        /run:\n {4}cargo build --release --target wasm32-unknown-unknown --manifest-path engine-wasm\/Cargo\.toml --target-dir engine-wasm\/target\n {4}npx wavecraft-harness init/,
      );
    } finally {
      process.env['PATH'] = path;
    }
    expect(existsSync(join(root, 'engine-wasm', 'Cargo.toml'))).toBe(true);
    expect(existsSync(join(root, 'engine-wasm', 'src', 'lib.rs'))).toBe(true);
    expect(existsSync(join(root, CONFIG_FILE_NAME))).toBe(false);
    expect(existsSync(join(root, 'scenarios'))).toBe(false);
    expect(existsSync(join(root, 'goldens'))).toBe(false);
  });

  it('names a crate that has drifted from the engine (another Wavecraft tag), and --update-crate brings it up to date', async () => {
    const root = pluginCopy('drift');
    await initProject({ dir: root, force: false, updateCrate: true }, quiet);
    expect(checkPluginDspCrate(root, join(root, 'engine'))).toContain('Balance');
    const manifest = join(root, 'engine', 'Cargo.toml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('tag = "0.12.7"', 'tag = "0.13.0"'));
    expect(() => checkPluginDspCrate(root, join(root, 'engine'))).toThrow(
      /engine-wasm\/Cargo\.toml differs from what the engine asks for now:\n +has +tag = "0\.12\.7"\n +needs +tag = "0\.13\.0"[\s\S]*npx wavecraft-harness init --update-crate/,
    );
    await initProject({ dir: root, force: false, updateCrate: true }, quiet);
    expect(() => checkPluginDspCrate(root, join(root, 'engine'))).not.toThrow();
    expect(
      cargo(join(root, 'engine-wasm'), 'build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown').status,
    ).toBe(0);
  });
});
