/**
 * wavecraft-harness: the harness's command line, for a plugin project that has it as a dev
 * dependency. Playwright runs underneath; arguments the CLI does not know pass through to it.
 *
 *   wavecraft-harness init --wasm build.wasm [--dir .] [--build "cmd"] [--force]
 *   wavecraft-harness test [playwright args]
 *   wavecraft-harness record [playwright args]      (--update-snapshots=changed unless given)
 *   wavecraft-harness nightly --wasm build.wasm [playwright args]
 *   wavecraft-harness devmode [--port 9000] [--page-port 5173] [--allow-origin URL]... [--ui URL [--input F.wav]] [--synthetic-meters]
 *   wavecraft-harness selfcheck [--faults id,id] [playwright args]
 *   wavecraft-harness validate --wasm build.wasm [--strictness 1..10] [--seed N] [...]
 *
 * Every command but init takes --config path/to/wavecraft.config.json (default: the nearest one
 * from the current folder up).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FAULT_IDS, isFaultId } from '../../contracts/faults/faultCatalogue.ts';
import { formatKillTable, runSelfcheck } from '../selfcheck/runSelfcheck.ts';
import { parseArgs } from 'node:util';
import { ConfigError, findProjectConfig, loadProjectConfig, type ProjectConfig } from '../config/projectConfig.ts';
import { runNightly } from '../nightly/runNightly.ts';
import { ScenarioError } from '../scenarios/loadScenarios.ts';
import { ensureChromium } from '../setup/ensureChromium.ts';
import { runDevmode } from './devmodeCommand.ts';
import { runValidate } from './validateCommand.ts';
import { initProject } from './initCommand.ts';
import { recordArgs, runPlaywright, SUITE_CONFIG } from './runSuite.ts';
import { UsageError } from './usageError.ts';

const USAGE = `usage: wavecraft-harness <command> [options]

  init --wasm build.wasm [--dir .] [--build "cmd"] [--force]
        scaffold wavecraft.config.json, scenarios/ (one per parameter, every step rendered first and moving the output), goldens/, fixtures/
  test [playwright args]         run the suite against the goldens
  record [playwright args]       record goldens (--update-snapshots=changed unless given)
  nightly --wasm build.wasm [--strictness 5] [playwright args]
        validate the module, run the suite against it, append reports/history.jsonl, render reports/trend.html;
        exit 0 passed, 1 failed, 2 invalid module, 3 inconclusive (no failure; the machine starved some audio)
  devmode [--port 9000] [--page-port 5173] [--allow-origin URL]... [--ui URL [--input F.wav]] [--synthetic-meters]
        serve your build on the reference dev server and page, for your own browser; with --ui, your UI's
        origin is allowed and the audio page runs headless here as the audio client (one command, one tab)
  selfcheck [--faults id,id] [playwright args]
        run the suite once clean and once per injected fault; print which faults it catches (kill table)
  validate --wasm build.wasm [--strictness 1..10] [--seed N] [--junit F] [--json F] [--html F]
           [--only id,id] [--skip id,id] [--headroom 4] [--fuzz-headroom N] [--tail-seconds 1] [--generator]
           [--max-cpu-share 0.5] [--no-browser]
        check the build against the ABI and the DSP rules (no goldens needed); exit 1 on a failed check

  --config FILE   the project's wavecraft.config.json (default: the nearest from here up)

Playwright runs underneath: npx playwright test -c ${SUITE_CONFIG}
(with WAVECRAFT_CONFIG=path/to/wavecraft.config.json) does what "test" does.`;

const log = (line: string) => console.log(line);

/** Takes `--name value` / `--name=value` out of `args`. */
function takeOption(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = args[i]!;
  if (arg.includes('=')) {
    args.splice(i, 1);
    return arg.slice(arg.indexOf('=') + 1);
  }
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
  args.splice(i, 2);
  return value;
}

function projectFrom(args: string[]): ProjectConfig {
  const given = takeOption(args, 'config');
  const file = given ? resolve(given) : findProjectConfig();
  if (!file) throw new UsageError(`no wavecraft.config.json in ${process.cwd()} or above; create one with: wavecraft-harness init --wasm path/to/build.wasm (or pass --config)`);
  return loadProjectConfig(file);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = [...rest];
  switch (command) {
    case 'init': {
      const { values } = parseArgs({
        args,
        options: { wasm: { type: 'string' }, dir: { type: 'string', default: '.' }, build: { type: 'string' }, force: { type: 'boolean', default: false } },
      });
      if (!values.wasm) throw new UsageError('init: --wasm path/to/build.wasm is required');
      await initProject({ wasm: values.wasm, dir: values.dir!, force: values.force!, ...(values.build ? { build: values.build } : {}) }, log);
      return 0;
    }
    case 'test': {
      const project = projectFrom(args);
      return runPlaywright(project.file, args);
    }
    case 'record': {
      const project = projectFrom(args);
      return runPlaywright(project.file, recordArgs(args));
    }
    case 'nightly': {
      const project = projectFrom(args);
      const wasm = takeOption(args, 'wasm');
      if (!wasm) throw new UsageError('nightly: --wasm path/to/build.wasm is required');
      const given = takeOption(args, 'strictness');
      const strictness = given === undefined ? undefined : Number(given);
      if (strictness !== undefined && (!Number.isInteger(strictness) || strictness < 1 || strictness > 10)) throw new UsageError('nightly: --strictness must be an integer from 1 to 10');
      return runNightly({ project, wasm, log, services: { chromium: () => ensureChromium(() => undefined) }, ...(strictness !== undefined ? { strictness } : {}), runSuite: (env, extra = []) => runPlaywright(project.file, [...args, ...extra], env) });
    }
    case 'validate':
      return runValidate(args, log);
    case 'selfcheck': {
      const project = projectFrom(args);
      const given = takeOption(args, 'faults');
      const faults = given ? given.split(',') : FAULT_IDS;
      const unknown = faults.filter((f) => !isFaultId(f));
      if (unknown.length) throw new UsageError(`selfcheck: unknown fault(s) ${unknown.join(', ')}; the catalogue has ${FAULT_IDS.join(', ')}`);
      if (project.pageUrl) throw new UsageError('selfcheck injects faults in the embedded dev-mode page; it cannot with your own pageUrl');
      const rows = await runSelfcheck({ faults: faults.filter(isFaultId), summaryFile: join(project.reportsDir, 'summary.json'), log, runSuite: (env) => runPlaywright(project.file, args, env, true) });
      log(formatKillTable(rows));
      writeFileSync(join(project.reportsDir, 'selfcheck.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), rows }, null, 2)}\n`);
      return rows.every((r) => r.caught) ? 0 : 1;
    }
    case 'devmode': {
      const given = takeOption(args, 'config');
      const file = given ? resolve(given) : findProjectConfig();
      return runDevmode(args, file ? loadProjectConfig(file) : null);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: Error) => {
    // node:util parseArgs refuses an unknown or malformed option with an ERR_PARSE_ARGS_* error: a usage error too.
    const usage = error instanceof UsageError || String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_');
    const known = usage || error instanceof ConfigError || error instanceof ScenarioError || error.name === 'WasmDspError';
    console.error(`wavecraft-harness: ${known ? error.message : (error.stack ?? error.message)}`);
    process.exitCode = usage ? 2 : 1;
  },
);
