/**
 * A plugin project's first suite (`wavecraft-harness init`): reads the module's schema and writes
 * wavecraft.config.json, scenarios/ (one generated scenario per parameter), goldens/, fixtures/ and
 * .gitignore entries. Never overwrites an existing file unless --force.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { formatGoldenJson } from '../goldens/goldenFiles.ts';
import { CONFIG_FILE_NAME } from '../config/projectConfig.ts';
import { WasmDsp } from '../../contracts/wasm/wasmDsp.ts';
import { MOVEMENT_FACTOR } from '../scenarios/scenarioLint.ts';
import { SIMULATION_RATE, stepSimulator } from '../scenarios/stepMovement.ts';
import { generateScenarios } from '../scenarios/generateScenarios.ts';

export interface InitOptions {
  wasm: string;
  dir: string;
  build?: string;
  force: boolean;
}

/** init would overwrite a file of the project (and --force was not given). */
export class ProjectExistsError extends Error {
  override name = 'ProjectExistsError';
}

const GITIGNORE_LINES = ['.wavecraft/', 'reports/'];

export async function initProject(options: InitOptions, log: (line: string) => void): Promise<string[]> {
  const root = resolve(options.dir);
  const wasmPath = resolve(options.wasm);
  const { bytes, definitions } = await loadWasmDspFile(wasmPath);
  const ids = definitions.map((d) => d.id);
  const tolerances = { levelDb: 0.1, offlineSnrDb: 120 };
  // Every generated step is rendered through the build first and must move the output.
  const generated = generateScenarios(
    definitions,
    stepSimulator(() => WasmDsp.instantiate(bytes, ids, SIMULATION_RATE), definitions),
    tolerances.levelDb,
  );
  const files = new Map<string, string>();
  const config = {
    wasm: { path: relative(root, wasmPath) || wasmPath, ...(options.build ? { build: options.build } : {}) },
    scenarios: 'scenarios',
    goldens: 'goldens',
    fixtures: 'fixtures',
    reports: 'reports',
    tolerances,
  };
  files.set(CONFIG_FILE_NAME, formatGoldenJson(config));
  for (const scenario of generated.scenarios)
    files.set(join('scenarios', `${scenario.name}.json`), formatGoldenJson(scenario.json));
  files.set(
    join('goldens', 'README.md'),
    '# goldens\n\nRecorded by `npx wavecraft-harness record`; compared by `npx wavecraft-harness test`. Commit them.\n' +
      '`wasm/<scenario>.json` holds the settled live meter levels per step, `wasm/<scenario>.wav` the offline render.\n',
  );
  files.set(
    join('fixtures', 'README.md'),
    "# fixtures\n\nYour own input WAVs (16-bit or float, 48 kHz). Scenarios name them in `input`; the harness's standard fixtures need no file here.\n",
  );
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
  const gitignore = join(root, '.gitignore');
  const have = existsSync(gitignore) ? readFileSync(gitignore, 'utf8').split('\n') : [];
  const missing = GITIGNORE_LINES.filter((line) => !have.includes(line));
  if (missing.length > 0) {
    appendFileSync(
      gitignore,
      `${have.length && have.at(-1) !== '' ? '\n' : ''}# wavecraft-harness\n${missing.join('\n')}\n`,
    );
    written.push('.gitignore');
  }
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
