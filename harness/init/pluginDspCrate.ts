/**
 * The DSP-only crate `init` writes beside a Wavecraft plugin's engine (`engine-wasm/`), whose
 * wasm32 build is the plugin's WASM DSP. The engine crate cannot build for wasm32
 * (wavecraft-nih_plug pulls wry, nih_plug's event loop and libloading); this crate depends only on
 * the wasm-clean `wavecraft-dsp` and `wavecraft-processors`, from the engine's own Wavecraft source,
 * and on the harness's `wavecraft-wasm-dsp`, which supplies what the plugin's source takes from
 * wavecraft-core and wavecraft-nih_plug. Its lib.rs compiles the engine's own lib.rs (and with it
 * its processors module) as a module, so the chain is always the plugin's. Its own `[workspace]`
 * makes Cargo build it on its own: the plugin's root Cargo.toml is not touched.
 *
 * What can go stale is the manifest (the engine moved to another Wavecraft tag, or its source
 * started using another crate): `dspCrateDrift` names each difference.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stringify as stringifyToml } from 'smol-toml';
import type { WavecraftPluginProject, WavecraftSource } from './wavecraftPluginProject.ts';

/** The crate's folder, relative to the plugin project's root. */
export const DSP_CRATE_DIR = 'engine-wasm';

export interface PluginDspCrate {
  /** Absolute. */
  dir: string;
  /** File (relative to `dir`) → its text. */
  files: Map<string, string>;
  /** The module cargo builds, relative to the project root. */
  wasmPath: string;
  /** The build command, run in the project root (wavecraft.config.json's wasm.build). */
  buildCommand: string;
}

const HEADER =
  "# Written by `wavecraft-harness init`: the plugin's DSP as a WebAssembly module for the harness\n" +
  '# (the engine crate cannot build for wasm32). Do not edit: `npx wavecraft-harness init --update-crate`\n' +
  "# rewrites it from the engine. Built on its own (its own [workspace]); the plugin's build is untouched.\n";

/** A path as TOML and Cargo want it: relative to `from`, with forward slashes. */
const cargoPath = (from: string, to: string) => relative(from, to).split('\\').join('/') || '.';

function wavecraftDependency(source: WavecraftSource, crateDir: string, name: string): Record<string, string> {
  if (source.kind === 'path') return { path: cargoPath(crateDir, join(source.dir, name)) };
  const { kind: _kind, ...git } = source;
  return git;
}

/** The crate for `plugin`, depending on the harness's Rust crate at `harnessCrateDir`. */
export function planPluginDspCrate(plugin: WavecraftPluginProject, harnessCrateDir: string): PluginDspCrate {
  const dir = join(plugin.root, DSP_CRATE_DIR);
  const packageName = `${plugin.engineName}-wasm`;
  const library = packageName.replace(/-/g, '_');
  const extra = Object.fromEntries(
    Object.entries(plugin.usedDependencies).map(([name, spec]) => {
      const entry = spec as Record<string, unknown>;
      return [name, typeof entry['path'] === 'string' ? { ...entry, path: cargoPath(dir, entry['path']) } : spec];
    }),
  );
  const manifest = {
    package: { name: packageName, version: '0.0.0', edition: plugin.edition, publish: false },
    lib: { 'crate-type': ['cdylib'], path: 'src/lib.rs' },
    dependencies: {
      'wavecraft-dsp': wavecraftDependency(plugin.source, dir, 'wavecraft-dsp'),
      'wavecraft-processors': wavecraftDependency(plugin.source, dir, 'wavecraft-processors'),
      'wavecraft-wasm-dsp': { path: cargoPath(dir, harnessCrateDir) },
      ...extra,
    },
    profile: { release: { 'opt-level': 3, strip: 'symbols' } },
    workspace: {},
  };
  const engineLib = cargoPath(join(dir, 'src'), plugin.libPath);
  const renamed = plugin.dependencyName === 'wavecraft' ? '' : `extern crate self as ${plugin.dependencyName};\n`;
  const lib =
    `//! Written by \`wavecraft-harness init\`: ${plugin.engineName}'s DSP as a Wavecraft WASM DSP ABI v1 module.\n` +
    "//! The engine's own lib.rs is compiled below as the module `plugin`, unchanged: its `wavecraft_plugin!`\n" +
    '//! chain is exported with the parameter ids Wavecraft gives it. `wavecraft` is this crate, whose\n' +
    "//! root and prelude (from wavecraft_wasm_dsp::wavecraft_api!) stand where wavecraft-nih_plug's would.\n" +
    '//! Do not edit: `npx wavecraft-harness init --update-crate` rewrites it.\n' +
    'extern crate self as wavecraft;\n' +
    renamed +
    'wavecraft_wasm_dsp::wavecraft_api!();\n\n' +
    '#[allow(dead_code, unused_imports)]\n' +
    `#[path = "${engineLib}"]\n` +
    'mod plugin;\n';
  const target = join(DSP_CRATE_DIR, 'target');
  return {
    dir,
    files: new Map([
      ['Cargo.toml', HEADER + stringifyToml(manifest) + '\n'],
      ['src/lib.rs', lib],
    ]),
    wasmPath: join(target, 'wasm32-unknown-unknown', 'release', `${library}.wasm`),
    buildCommand: `cargo build --release --target wasm32-unknown-unknown --manifest-path ${DSP_CRATE_DIR}/Cargo.toml --target-dir ${target}`,
  };
}

/** Writes the crate's files that differ from what is on disk; returns them (relative to the project root). */
export function writePluginDspCrate(crate: PluginDspCrate, root: string): string[] {
  const written: string[] = [];
  for (const [file, text] of crate.files) {
    const path = join(crate.dir, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(relative(root, path));
  }
  return written;
}

/** Lines `a` has that `b` lacks, each trimmed, each once. */
const linesNotIn = (a: string, b: string) => {
  const other = new Set(b.split('\n').map((l) => l.trim()));
  const lines = a.split('\n').map((l) => l.trim());
  return [...new Set(lines.filter((l) => l && !other.has(l) && !l.startsWith('#') && !l.startsWith('//')))];
};

/** How the crate on disk differs from what the engine asks for now: one line per difference, none when current. */
export function dspCrateDrift(crate: PluginDspCrate, root: string): string[] {
  const drift: string[] = [];
  for (const [file, text] of crate.files) {
    const path = join(crate.dir, file);
    const shown = relative(root, path);
    if (!existsSync(path)) {
      drift.push(`${shown} is missing`);
      continue;
    }
    const onDisk = readFileSync(path, 'utf8');
    if (onDisk === text) continue;
    const was = linesNotIn(onDisk, text);
    const now = linesNotIn(text, onDisk);
    drift.push(
      `${shown} differs from what the engine asks for now:` +
        was.map((l) => `\n      has     ${l}`).join('') +
        now.map((l) => `\n      needs   ${l}`).join(''),
    );
  }
  return drift;
}
