/**
 * Set-up of a plugin project's suite, before any browser starts: a Chromium, the project's DSP
 * build (a DSP crate that init wrote checked against its engine, then the build command, unless
 * WAVECRAFT_WASM names a build), the module checked against
 * the ABI, every scenario checked against the module's parameter schema, and the standard
 * fixtures the scenarios use, generated into the project's .wavecraft/ folder.
 */
import { execSync } from 'node:child_process';
import { basename } from 'node:path';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { FIXTURES } from '../fixtures/catalog.ts';
import type { HarnessConfig } from '../config/harnessConfig.ts';
import { assertScenariosFitDsp } from '../scenarios/checkScenarioParameters.ts';
import { loadScenarios } from '../scenarios/loadScenarios.ts';
import { checkPluginDspCrate } from '../init/checkPluginDspCrate.ts';
import { ensureChromium } from './ensureChromium.ts';
import { ensureFixtures } from './ensureFixtures.ts';
import { warmBrowser } from './warmBrowser.ts';
import { warnStillSteps } from '../scenarios/stillStepLint.ts';

/** Set (to the config file) by a runner that already ran the set-up for this suite. */
export const SUITE_READY_ENV = 'WAVECRAFT_SUITE_READY';

export async function runSuiteSetup(
  config: HarnessConfig,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  const project = config.project;
  if (!project) throw new Error('suite set-up: no project config (set WAVECRAFT_CONFIG to your wavecraft.config.json)');
  await warmBrowser(await ensureChromium(log), log);
  if (project.engineDir) {
    const chain = checkPluginDspCrate(project.root, project.engineDir);
    log(`dsp crate: current with ${project.engineDir}; chain ${chain.join(', ')}`);
  }
  if (project.wasmBuildCommand && !env['WAVECRAFT_WASM']) {
    log(`build: ${project.wasmBuildCommand}`);
    try {
      execSync(project.wasmBuildCommand, { cwd: project.root, stdio: 'inherit' });
    } catch {
      throw new Error(
        `the DSP build command failed: ${project.wasmBuildCommand} (in ${project.root}, from ${project.file} /wasm/build)`,
      );
    }
  }
  const wasmPath = config.wasmPath!;
  const { definitions } = await loadWasmDspFile(wasmPath);
  const scenarios = loadScenarios(config.scenariosDir, { tolerances: config.tolerances, strict: config.strict });
  if (scenarios.length === 0)
    throw new Error(
      `no scenarios in ${config.scenariosDir}; create some with: npx wavecraft-harness init --wasm ${basename(wasmPath)}`,
    );
  assertScenariosFitDsp(scenarios, definitions, basename(wasmPath));
  log(
    `dsp: ${wasmPath} passes the ABI v1 checks; ${scenarios.length} scenario(s) fit its ${definitions.length} parameters`,
  );
  const standard = new Set(FIXTURES.map((f) => f.file));
  const used = new Set(scenarios.map((s) => s.input).filter((name): name is string => !!name && standard.has(name)));
  if (used.size > 0) await ensureFixtures(log, { dir: config.standardFixturesDir, only: used });
  // The scenario lint on the project's own scenarios: a step that moves nothing checks nothing.
  await warnStillSteps(config, wasmPath, log);
}
