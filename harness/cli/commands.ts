/**
 * The CLI's commands, one table: what each is called with, what it does, and what runs it. The
 * usage text (main.ts) and the README's command list are generated from it, and a test holds the
 * README to it (scripts/docs/docTables.test.ts): a command added here shows everywhere, and one
 * missing a usage, a summary or a runner does not compile.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectConfig, loadProjectConfig, type ProjectConfig } from '../config/projectConfig.ts';
import { runNightly } from '../nightly/runNightly.ts';
import { parseFaultList, runSelfcheckAndReport } from '../selfcheck/runSelfcheck.ts';
import { ensureChromium } from '../setup/ensureChromium.ts';
import { runDevmode } from './devmodeCommand.ts';
import { initProject } from './initCommand.ts';
import { recordArgs, runPlaywright } from './runSuite.ts';
import { UsageError } from './usageError.ts';
import { runValidate } from './validateCommand.ts';

export interface Command {
  /** Its arguments, as the usage shows them. */
  usage: string;
  /** What it does, one or two lines. */
  summary: string;
  run(args: string[], log: (line: string) => void): Promise<number>;
}

/** Takes `--name value` / `--name=value` out of `args` (the rest pass through to Playwright). */
export function takeOption(args: string[], name: string): string | undefined {
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
  if (!file)
    throw new UsageError(
      `no wavecraft.config.json in ${process.cwd()} or above; create one with: wavecraft-harness init --wasm path/to/build.wasm (or pass --config)`,
    );
  return loadProjectConfig(file);
}

export const COMMANDS = {
  init: {
    usage: 'init --wasm build.wasm [--dir .] [--build "cmd"] [--force]',
    summary:
      'scaffold wavecraft.config.json, scenarios/ (one per parameter, every step rendered first and moving the output), goldens/, fixtures/',
    async run(args, log) {
      const { values } = parseArgs({
        args,
        options: {
          wasm: { type: 'string' },
          dir: { type: 'string', default: '.' },
          build: { type: 'string' },
          force: { type: 'boolean', default: false },
        },
      });
      if (!values.wasm) throw new UsageError('init: --wasm path/to/build.wasm is required');
      await initProject(
        { wasm: values.wasm, dir: values.dir!, force: values.force!, ...(values.build ? { build: values.build } : {}) },
        log,
      );
      return 0;
    },
  },
  test: {
    usage: 'test [playwright args]',
    summary: 'run the suite against the goldens',
    run: async (args) => runPlaywright(projectFrom(args).file, args),
  },
  record: {
    usage: 'record [playwright args]',
    summary: 'record goldens (--update-snapshots=changed unless given)',
    run: async (args) => runPlaywright(projectFrom(args).file, recordArgs(args)),
  },
  nightly: {
    usage: 'nightly --wasm build.wasm [--strictness 5] [playwright args]',
    summary:
      'validate the module, run the suite against it, append reports/history.jsonl, render reports/trend.html; exit 0 passed, 1 failed, 2 invalid module, 3 inconclusive (no failure; the machine starved some audio)',
    async run(args, log) {
      const project = projectFrom(args);
      const wasm = takeOption(args, 'wasm');
      if (!wasm) throw new UsageError('nightly: --wasm path/to/build.wasm is required');
      const given = takeOption(args, 'strictness');
      const strictness = given === undefined ? undefined : Number(given);
      if (strictness !== undefined && (!Number.isInteger(strictness) || strictness < 1 || strictness > 10))
        throw new UsageError('nightly: --strictness must be an integer from 1 to 10');
      return runNightly({
        project,
        wasm,
        log,
        services: { chromium: () => ensureChromium(() => undefined) },
        ...(strictness !== undefined ? { strictness } : {}),
        runSuite: (env, extra = []) => runPlaywright(project.file, [...args, ...extra], env),
      });
    },
  },
  devmode: {
    usage:
      'devmode [--port 9000] [--page-port 5173] [--allow-origin URL]... [--ui URL [--input F.wav]] [--synthetic-meters]',
    summary:
      "serve your build on the reference dev server and page, for your own browser; with --ui, your UI's origin is allowed and the audio page runs headless here as the audio client (one command, one tab)",
    async run(args) {
      const given = takeOption(args, 'config');
      const file = given ? resolve(given) : findProjectConfig();
      return runDevmode(args, file ? loadProjectConfig(file) : null);
    },
  },
  selfcheck: {
    usage: 'selfcheck [--faults id,id] [playwright args]',
    summary: 'run the suite once clean and once per injected fault; print which faults it catches (kill table)',
    async run(args, log) {
      const project = projectFrom(args);
      let faults;
      try {
        faults = parseFaultList(takeOption(args, 'faults'));
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (project.pageUrl)
        throw new UsageError('selfcheck injects faults in the embedded dev-mode page; it cannot with your own pageUrl');
      return runSelfcheckAndReport({
        faults,
        reportsDir: project.reportsDir,
        summaryFile: join(project.reportsDir, 'summary.json'),
        log,
        runSuite: (env) => runPlaywright(project.file, args, env, true),
      });
    },
  },
  validate: {
    usage:
      'validate --wasm build.wasm [--strictness 1..10] [--seed N] [--junit F] [--json F] [--html F] [--only id,id] [--skip id,id] [--headroom 4] [--fuzz-headroom N] [--tail-seconds 1] [--generator] [--max-cpu-share 0.5] [--no-browser]',
    summary: 'check the build against the ABI and the DSP rules (no goldens needed); exit 1 on a failed check',
    run: (args, log) => runValidate(args, log),
  },
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** The usage text: every command from the table. */
export function formatUsage(suiteConfig: string): string {
  const lines = ['usage: wavecraft-harness <command> [options]', ''];
  for (const [, c] of Object.entries(COMMANDS) as [CommandName, Command][])
    lines.push(`  ${c.usage}`, `        ${c.summary}`);
  lines.push(
    '',
    "  --config FILE   the project's wavecraft.config.json (default: the nearest from here up)",
    '',
    `Playwright runs underneath: npx playwright test -c ${suiteConfig}`,
    '(with WAVECRAFT_CONFIG=path/to/wavecraft.config.json) does what "test" does.',
  );
  return lines.join('\n');
}

/** The README's command table, generated (scripts/docs/writeDocTables.ts). */
export function formatCommandTable(): string {
  const rows = (Object.entries(COMMANDS) as [CommandName, Command][]).map(
    ([, c]) => `| \`wavecraft-harness ${c.usage.replace(/\|/g, '\\|')}\` | ${c.summary.replace(/\|/g, '\\|')} |`,
  );
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}
