/**
 * A plugin project's first suite (`wavecraft-harness init`): reads the module's schema and writes
 * wavecraft.config.json, scenarios/ (one generated scenario per parameter), goldens/, fixtures/ and
 * .gitignore entries. Never overwrites an existing file unless --force.
 *
 * Without --wasm, in a plugin project made by `wavecraft create`, it first gives the plugin its
 * WASM build: it writes the DSP-only crate beside the engine (pluginDspCrate.ts) and builds it; when
 * cargo cannot, it stops there, naming cargo's error and the command to run, with nothing else written.
 */
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaReference } from './fileSchemas.ts';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { formatGoldenJson } from '../goldens/goldenFiles.ts';
import { CONFIG_FILE_NAME } from '../config/projectConfig.ts';
import { TOLERANCE_DEFAULTS } from '../config/toleranceSchema.ts';
import { WasmDsp } from '../../contracts/wasm/wasmDsp.ts';
import { MOVEMENT_FACTOR } from '../scenarios/scenarioLint.ts';
import { SIMULATION_RATE, stepSimulator } from '../scenarios/stepMovement.ts';
import { generateScenarios } from '../scenarios/generateScenarios.ts';
import { planPluginDspCrate, writePluginDspCrate, type PluginDspCrate } from './pluginDspCrate.ts';
import { readWavecraftPluginProject } from './wavecraftPluginProject.ts';

export interface InitOptions {
  /** The module; without it, the plugin project at `dir` gets its WASM build first. */
  wasm?: string;
  dir: string;
  build?: string;
  force: boolean;
  /** The engine crate's folder, when the root Cargo.toml does not lead to it. */
  engine?: string;
  /** Only bring the DSP crate up to date with the engine. */
  updateCrate?: boolean;
}

/** init would overwrite a file of the project (and --force was not given). */
export class ProjectExistsError extends Error {
  override name = 'ProjectExistsError';
}

/** The plugin's DSP crate was written, but cargo could not build it. */
export class DspCrateBuildError extends Error {
  override name = 'DspCrateBuildError';
}

const GITIGNORE_LINES = ['.wavecraft/', 'reports/'];
/** The tolerances a new suite's config states, so a user sees what they can change. */
const INIT_TOLERANCES = { levelDb: TOLERANCE_DEFAULTS.levelDb, offlineSnrDb: TOLERANCE_DEFAULTS.offlineSnrDb };

/** The harness's Rust crate (wavecraft-wasm-dsp): beside harness/ in a checkout, beside dist/ in the package. */
export function harnessRustCrateDir(): string {
  for (const up of ['../../rust/wavecraft-wasm-dsp', '../../../rust/wavecraft-wasm-dsp']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(dir, 'Cargo.toml'))) return dir;
  }
  throw new Error('the harness package has no rust/wavecraft-wasm-dsp/Cargo.toml; reinstall wavecraft-audio-harness');
}

export async function initProject(options: InitOptions, log: (line: string) => void): Promise<string[]> {
  const root = resolve(options.dir);
  if (options.wasm) return initSuite(root, { ...options, wasm: options.wasm }, log);
  const plugin = readWavecraftPluginProject(root, options.engine);
  log(
    `init: ${relative(root, plugin.engineDir) || '.'} is the engine crate (${plugin.engineName}); Wavecraft ${describeSource(plugin.source)}`,
  );
  log(`  wrappers: ${plugin.wrappers.map((w) => `${w.name} => ${w.kind}`).join(', ') || 'none'}`);
  log(`  modules:  ${plugin.modules.join(', ') || 'none'}`);
  log(`  chain:    ${plugin.chain.join(', ')}`);
  const configPath = join(root, CONFIG_FILE_NAME);
  if (!options.updateCrate && !options.force && existsSync(configPath))
    throw new ProjectExistsError(`init: ${configPath} already exists; pass --force to overwrite`);
  const crate = planPluginDspCrate(plugin, harnessRustCrateDir());
  const written = writePluginDspCrate(crate, root);
  for (const file of written) log(`  wrote ${file}`);
  if (written.length === 0) log(`  ${relative(root, crate.dir)}/ is up to date`);
  if (options.updateCrate) return written;
  buildPluginDspCrate(crate, root, log);
  const suite = await initSuite(
    root,
    {
      ...options,
      wasm: join(root, crate.wasmPath),
      build: crate.buildCommand,
      engine: relative(root, plugin.engineDir),
    },
    log,
  );
  return [...written, ...suite];
}

function describeSource(source: ReturnType<typeof readWavecraftPluginProject>['source']): string {
  if (source.kind === 'path') return `from ${source.dir}`;
  const at = source.tag
    ? `tag ${source.tag}`
    : source.rev
      ? `rev ${source.rev}`
      : source.branch
        ? `branch ${source.branch}`
        : 'default branch';
  return `from ${source.git}, ${at}`;
}

/** Runs the crate's build; on failure, cargo's error and the command to run once it can. */
function buildPluginDspCrate(crate: PluginDspCrate, root: string, log: (line: string) => void): void {
  log(`build: ${crate.buildCommand}`);
  try {
    execSync(crate.buildCommand, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr, status } = error as { stdout?: string; stderr?: string; status?: number | null };
    const output = `${stderr ?? ''}${stdout ?? ''}`.trim().split('\n').slice(-40).join('\n    ');
    throw new DspCrateBuildError(
      `init: wrote ${relative(root, crate.dir)}/ (the plugin's DSP crate), but cargo could not build it (exit ${status ?? '?'}):\n    ${output || '(cargo printed nothing)'}\n` +
        'Nothing else was written. Once cargo can build it (git dependencies fetched: online, or `cargo fetch --manifest-path ' +
        `${relative(root, crate.dir)}/Cargo.toml\`; the wasm32 target: \`rustup target add wasm32-unknown-unknown\`), run:\n` +
        `    ${crate.buildCommand}\n    npx wavecraft-harness init`,
    );
  }
  if (!existsSync(join(root, crate.wasmPath)))
    throw new DspCrateBuildError(
      `init: cargo built, but ${crate.wasmPath} is not there (is CARGO_BUILD_TARGET_DIR set?)`,
    );
}

/** The files of a new suite: the config, the generated scenarios and two READMEs, by path from the project root. */
function suiteFiles(
  root: string,
  wasmPath: string,
  options: { build?: string; engine?: string },
  generated: ReturnType<typeof generateScenarios>,
): Map<string, string> {
  const files = new Map<string, string>();
  const config = {
    $schema: schemaReference(join(root, CONFIG_FILE_NAME), 'wavecraft.config.schema.json'),
    wasm: {
      path: relative(root, wasmPath) || wasmPath,
      ...(options.build ? { build: options.build } : {}),
      ...(options.engine !== undefined ? { engine: options.engine || '.' } : {}),
    },
    scenarios: 'scenarios',
    goldens: 'goldens',
    fixtures: 'fixtures',
    reports: 'reports',
    tolerances: INIT_TOLERANCES,
  };
  files.set(CONFIG_FILE_NAME, formatGoldenJson(config));
  const scenarioSchema = schemaReference(join(root, 'scenarios', 'any.json'), 'scenario.schema.json');
  for (const scenario of generated.scenarios)
    files.set(
      join('scenarios', `${scenario.name}.json`),
      formatGoldenJson({ $schema: scenarioSchema, ...scenario.json }),
    );
  files.set(
    join('goldens', 'README.md'),
    '# goldens\n\nRecorded by `npx wavecraft-harness record`; compared by `npx wavecraft-harness test`. Commit them.\n' +
      '`wasm/<scenario>.json` holds the settled live meter levels per step, `wasm/<scenario>.wav` the offline render.\n',
  );
  files.set(
    join('fixtures', 'README.md'),
    "# fixtures\n\nYour own input WAVs (16-bit or float, 48 kHz). Scenarios name them in `input`; the harness's standard fixtures need no file here.\n",
  );
  return files;
}

/** Adds the harness's lines to the project's .gitignore; true when it wrote any. */
function ignoreHarnessFiles(root: string): boolean {
  const gitignore = join(root, '.gitignore');
  const have = existsSync(gitignore) ? readFileSync(gitignore, 'utf8').split('\n') : [];
  const missing = GITIGNORE_LINES.filter((line) => !have.includes(line));
  if (missing.length === 0) return false;
  appendFileSync(
    gitignore,
    `${have.length && have.at(-1) !== '' ? '\n' : ''}# wavecraft-harness\n${missing.join('\n')}\n`,
  );
  return true;
}

async function initSuite(
  root: string,
  options: { wasm: string; build?: string; engine?: string; force: boolean },
  log: (line: string) => void,
): Promise<string[]> {
  const wasmPath = resolve(options.wasm);
  const { bytes, definitions } = await loadWasmDspFile(wasmPath);
  const ids = definitions.map((d) => d.id);
  const tolerances = INIT_TOLERANCES;
  // Every generated step is rendered through the build first and must move the output.
  const generated = generateScenarios(
    definitions,
    stepSimulator(() => WasmDsp.instantiate(bytes, ids, SIMULATION_RATE), definitions),
    tolerances.levelDb,
  );
  const files = suiteFiles(root, wasmPath, options, generated);
  const clashes = [...files.keys()].filter((f) => existsSync(join(root, f)) && !f.endsWith('README.md'));
  if (clashes.length > 0 && !options.force) {
    throw new ProjectExistsError(
      `init: ${clashes.map((f) => join(root, f)).join(', ')} already exist(s); pass --force to overwrite`,
    );
  }
  const written: string[] = [];
  for (const [file, text] of files) {
    const path = join(root, file);
    if (file.endsWith('README.md') && existsSync(path)) continue;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    written.push(file);
  }
  if (ignoreHarnessFiles(root)) written.push('.gitignore');
  log(`init: ${wasmPath} has ${definitions.length} parameter(s): ${definitions.map((d) => d.id).join(', ')}`);
  if (definitions.length === 0)
    log('init: with no parameters there is nothing to step; write a scenario in scenarios/ by hand (see the README)');
  for (const file of written) log(`  wrote ${file}`);
  const steps = generated.scenarios.reduce((n, s) => n + s.json.steps.filter((step) => !step.hold).length, 0);
  log(
    `init: ${generated.scenarios.length} scenario(s); all ${steps} of their steps move the output by more than ${(MOVEMENT_FACTOR * tolerances.levelDb).toFixed(2)} dB (rendered through the build first)`,
  );
  for (const note of generated.notes) log(`  ${note}`);
  if (generated.fragile.length)
    log(
      `init: ${generated.fragile.length} step(s) may be fragile live; no other setting kept every step moving with less (widen that scenario's "tolerances": {"levelDb": …} or pick another value if it wanders):\n${generated.fragile.map((f) => `  ${f}`).join('\n')}`,
    );
  if (generated.unmoved.length)
    log(
      `init: no generated step moved the output for ${generated.unmoved.join(', ')}: write their scenarios by hand (see the README's scenario reference)`,
    );
  log('next: npx wavecraft-harness record   (records the goldens)');
  log('      npx wavecraft-harness test     (checks against them)');
  return written;
}
