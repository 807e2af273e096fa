/**
 * A plugin project as `wavecraft create` makes it, read for `init`: the root Cargo.toml's
 * workspace, the engine crate among its members (the one that depends on `wavecraft-nih_plug`),
 * where that dependency comes from (git and tag, rev or branch, or a path), the engine's edition
 * and its `lib.rs`, and in that source its `wavecraft_processor!` wrappers, its processors module
 * and its `wavecraft_plugin!` chain. Every refusal names the file and what it lacks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';

/** The package a `wavecraft create` engine depends on (renamed to `wavecraft`). */
export const WAVECRAFT_SDK_PACKAGE = 'wavecraft-nih_plug';

/** Where Wavecraft's crates come from, as the engine's dependency says. */
export type WavecraftSource =
  | { kind: 'git'; git: string; tag?: string; rev?: string; branch?: string }
  /** `dir`: the folder holding wavecraft-nih_plug beside wavecraft-dsp and wavecraft-processors, absolute. */
  | { kind: 'path'; dir: string };

export interface WavecraftPluginProject {
  root: string;
  /** The engine crate's folder, absolute. */
  engineDir: string;
  /** Its package name (`[package] name`). */
  engineName: string;
  edition: string;
  /** Its library source (`[lib] path`, or src/lib.rs), absolute. */
  libPath: string;
  /** The name the engine gives Wavecraft's SDK (`wavecraft` unless renamed). */
  dependencyName: string;
  source: WavecraftSource;
  /** `wavecraft_processor!(Name => Kind)`, in source order. */
  wrappers: { name: string; kind: string }[];
  /** The `wavecraft_plugin!` chain's processors, in order. */
  chain: string[];
  pluginName: string | null;
  /** The engine's `mod` declarations (its own processors' modules). */
  modules: string[];
  /** The engine's other dependencies that its source names (`serde::`, `use log`), as it declares them. */
  usedDependencies: Record<string, unknown>;
}

/** The folder is not a plugin project that init can give a WASM build to. */
export class NotAWavecraftPluginError extends Error {
  override name = 'NotAWavecraftPluginError';
}

type Table = Record<string, unknown>;

function readToml(file: string): Table {
  try {
    return parseToml(readFileSync(file, 'utf8')) as Table;
  } catch (error) {
    if (error instanceof TomlError) throw new NotAWavecraftPluginError(`${file}: not valid TOML: ${error.message}`);
    throw error;
  }
}

const table = (value: unknown): Table =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};

/** The workspace's member folders (globs of one `*` segment expanded), absolute. */
function workspaceMembers(root: string, manifest: Table): string[] {
  const members = table(manifest['workspace'])['members'];
  const found: string[] = [];
  for (const member of Array.isArray(members) ? members : []) {
    if (typeof member !== 'string') continue;
    const star = member.indexOf('*');
    if (star < 0) {
      found.push(resolve(root, member));
      continue;
    }
    const parent = resolve(root, dirname(member.slice(0, star + 1)));
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent).sort())
      if (statSync(join(parent, entry)).isDirectory()) found.push(join(parent, entry));
  }
  return found.filter((dir) => existsSync(join(dir, 'Cargo.toml')));
}

/** A dependency table's entries with `workspace = true` replaced by the workspace's own. */
function dependencies(manifest: Table, workspace: Table): [string, Table | string][] {
  const inherited = table(table(workspace['workspace'])['dependencies']);
  return Object.entries(table(manifest['dependencies'])).map(([name, spec]) => {
    const entry = table(spec);
    if (entry['workspace'] === true) {
      const base = inherited[name];
      return [name, typeof base === 'string' ? base : { ...table(base), ...entry, workspace: undefined }];
    }
    return [name, typeof spec === 'string' ? spec : entry];
  });
}

function sdkDependency(manifest: Table, workspace: Table): [string, Table] | null {
  for (const [name, spec] of dependencies(manifest, workspace)) {
    if (typeof spec === 'string') continue;
    if ((spec['package'] ?? name) === WAVECRAFT_SDK_PACKAGE) return [name, spec];
  }
  return null;
}

function sourceOf(spec: Table, manifestDir: string, where: string): WavecraftSource {
  if (typeof spec['git'] === 'string') {
    const source: WavecraftSource = { kind: 'git', git: spec['git'] };
    for (const key of ['tag', 'rev', 'branch'] as const)
      if (typeof spec[key] === 'string') source[key] = spec[key] as string;
    return source;
  }
  if (typeof spec['path'] === 'string') {
    const dir = dirname(resolve(manifestDir, spec['path']));
    for (const crate of ['wavecraft-dsp', 'wavecraft-processors'])
      if (!existsSync(join(dir, crate, 'Cargo.toml')))
        throw new NotAWavecraftPluginError(
          `${where}: its ${WAVECRAFT_SDK_PACKAGE} is a path (${spec['path']}), but ${join(dir, crate)} has no Cargo.toml; the WASM build needs wavecraft-dsp and wavecraft-processors beside it, as in Wavecraft's engine/crates/`,
        );
    return { kind: 'path', dir };
  }
  throw new NotAWavecraftPluginError(
    `${where}: its ${WAVECRAFT_SDK_PACKAGE} dependency has neither git nor path (a registry version cannot be used: Wavecraft's SDK is not on crates.io)`,
  );
}

/** The source without comments (line and block), strings kept. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:"])\/\/[^\n]*/g, '$1');
}

/** The text inside the braces that open at or after `from`. */
function braced(text: string, from: number): string | null {
  const open = text.indexOf('{', from);
  if (open < 0) return null;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

/** What the engine's `lib.rs` declares: wrappers, modules, the plugin's name and chain. */
export function readPluginSource(
  libPath: string,
): Pick<WavecraftPluginProject, 'wrappers' | 'chain' | 'pluginName' | 'modules'> {
  const code = withoutComments(readFileSync(libPath, 'utf8'));
  const wrappers = [...code.matchAll(/wavecraft_processor!\s*\(\s*(\w+)\s*=>\s*([\w:]+)\s*\)/g)].map(
    ([, name, kind]) => ({ name: name!, kind: kind! }),
  );
  const modules = [...code.matchAll(/^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm)].map(([, name]) => name!);
  const at = code.search(/wavecraft_plugin!\s*\{/);
  const body = at < 0 ? null : braced(code, at);
  if (body === null)
    throw new NotAWavecraftPluginError(
      `${libPath}: no wavecraft_plugin! { … } block; init reads the plugin's signal chain from it`,
    );
  const signal = /signal\s*:\s*SignalChain\s*!\s*\[([^\]]*)\]/.exec(body);
  if (!signal)
    throw new NotAWavecraftPluginError(`${libPath}: wavecraft_plugin! has no "signal: SignalChain![…]" field`);
  const chain = signal[1]!
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const pluginName = /\bname\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(body)?.[1] ?? null;
  return { wrappers, chain, pluginName, modules };
}

function rustSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...rustSources(path));
    else if (entry.name.endsWith('.rs')) files.push(path);
  }
  return files;
}

/** The engine's non-optional dependencies (other than Wavecraft's) that its source names, path ones made absolute. */
function usedDependencies(engineDir: string, libPath: string, deps: [string, Table | string][], sdk: string): Table {
  const code = rustSources(dirname(libPath))
    .map((f) => withoutComments(readFileSync(f, 'utf8')))
    .join('\n');
  const used: Table = {};
  for (const [name, spec] of deps) {
    if (name === sdk || (typeof spec !== 'string' && spec['optional'] === true)) continue;
    const ident = name.replace(/-/g, '_');
    if (!new RegExp(`(\\b${ident}::|\\buse\\s+${ident}\\b|extern\\s+crate\\s+${ident}\\b|#\\[${ident}::)`).test(code))
      continue;
    used[name] =
      typeof spec !== 'string' && typeof spec['path'] === 'string'
        ? { ...spec, path: resolve(engineDir, spec['path']) }
        : spec;
  }
  return used;
}

/**
 * The plugin project at `root`: its root Cargo.toml (a workspace listing the engine, or the engine
 * itself), or `engine` (a folder, relative to root) when given.
 */
export function readWavecraftPluginProject(root: string, engine?: string): WavecraftPluginProject {
  const rootManifestPath = join(root, 'Cargo.toml');
  if (!existsSync(rootManifestPath))
    throw new NotAWavecraftPluginError(
      `${root} has no Cargo.toml: init without --wasm needs a plugin project made by \`wavecraft create\` (its root Cargo.toml lists the engine crate); for any other build, pass --wasm build.wasm`,
    );
  const workspace = readToml(rootManifestPath);
  const candidates = engine ? [resolve(root, engine)] : [root, ...workspaceMembers(root, workspace)];
  for (const engineDir of candidates) {
    const manifestPath = join(engineDir, 'Cargo.toml');
    if (!existsSync(manifestPath)) continue;
    const manifest = readToml(manifestPath);
    if (!manifest['package']) continue;
    const sdk = sdkDependency(manifest, workspace);
    if (!sdk) continue;
    const where = relative(root, manifestPath) || 'Cargo.toml';
    const pkg = table(manifest['package']);
    const edition = table(pkg['edition'])['workspace']
      ? String(table(table(workspace['workspace'])['package'])['edition'] ?? '2021')
      : String(pkg['edition'] ?? '2015');
    const libPath = resolve(engineDir, String(table(manifest['lib'])['path'] ?? 'src/lib.rs'));
    if (!existsSync(libPath)) throw new NotAWavecraftPluginError(`${where}: its library ${libPath} does not exist`);
    return {
      root,
      engineDir,
      engineName: String(pkg['name']),
      edition,
      libPath,
      dependencyName: sdk[0],
      source: sourceOf(sdk[1], engineDir, where),
      ...readPluginSource(libPath),
      usedDependencies: usedDependencies(engineDir, libPath, dependencies(manifest, workspace), sdk[0]),
    };
  }
  throw new NotAWavecraftPluginError(
    engine
      ? `${join(resolve(root, engine), 'Cargo.toml')}: no package there depends on ${WAVECRAFT_SDK_PACKAGE}`
      : `${rootManifestPath}: neither it nor a workspace member (${workspaceMembers(root, workspace)
          .map((d) => relative(root, d))
          .join(
            ', ',
          )}) depends on ${WAVECRAFT_SDK_PACKAGE}; init without --wasm is for a plugin made by \`wavecraft create\` (pass --engine DIR for another layout, or --wasm build.wasm)`,
  );
}
