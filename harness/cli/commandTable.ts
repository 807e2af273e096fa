/**
 * The CLI's commands, one table: each is a file in commands/ exporting {name, summary, options,
 * run}. The usage text (main.ts) and the README's command list are generated from it, and a test
 * holds the README to it (scripts/docs/docTables.test.ts): a command added here shows everywhere,
 * and one filed under a key that is not its name does not compile.
 */
import { commandUsage, type CliCommand } from './commandDefinition.ts';
import { devmodeCommand } from './commands/devmodeCommand.ts';
import { initCommand } from './commands/initCommand.ts';
import { nightlyCommand } from './commands/nightlyCommand.ts';
import { recordCommand } from './commands/recordCommand.ts';
import { selfcheckCommand } from './commands/selfcheckCommand.ts';
import { testCommand } from './commands/testCommand.ts';
import { validateCommand } from './commands/validateCommand.ts';

const TABLE = {
  init: initCommand,
  test: testCommand,
  record: recordCommand,
  nightly: nightlyCommand,
  devmode: devmodeCommand,
  selfcheck: selfcheckCommand,
  validate: validateCommand,
};

export type CommandName = keyof typeof TABLE;

/** Every command under its own name: the compiler holds each key to the command's `name`. */
export const COMMANDS: { [K in CommandName]: CliCommand & { name: K } } = TABLE;

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

const commandList = () => Object.values(COMMANDS) as CliCommand[];

/** The usage text: every command from the table. */
export function formatUsage(suiteConfig: string): string {
  const lines = ['usage: wavecraft-harness <command> [options]', ''];
  for (const c of commandList()) lines.push(`  ${commandUsage(c)}`, `        ${c.summary}`);
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
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = commandList().map((c) => `| \`wavecraft-harness ${cell(commandUsage(c))}\` | ${cell(c.summary)} |`);
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}
