/**
 * wavecraft-harness: the harness's command line, for a plugin project that has it as a dev
 * dependency. Playwright runs underneath; arguments the CLI does not know pass through to it.
 * The commands, their usage and their runners are one table: commandTable.ts (each command's
 * definition in commands/, the parser in commandDefinition.ts).
 *
 * Every command but init takes --config path/to/wavecraft.config.json (default: the nearest one
 * from the current folder up).
 */
import { ConfigError } from '../config/projectConfig.ts';
import { DspCrateBuildError, ProjectExistsError } from '../init/initProject.ts';
import { NotAWavecraftPluginError } from '../init/wavecraftPluginProject.ts';
import { ScenarioError } from '../scenarios/loadScenarios.ts';
import { runCommand } from './commandDefinition.ts';
import { COMMANDS, formatUsage, isCommandName } from './commandTable.ts';
import { SUITE_CONFIG } from './runSuite.ts';
import { UsageError } from './usageError.ts';

const USAGE = formatUsage(SUITE_CONFIG);
const log = (line: string) => console.log(line);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!isCommandName(command)) throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  return runCommand(COMMANDS[command], rest, log);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: Error) => {
    // node:util parseArgs refuses an unknown or malformed option with an ERR_PARSE_ARGS_* error: a usage error too.
    const usage =
      error instanceof UsageError || String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_');
    // Errors in what the user gave (a config, a scenario, a module, a project init would overwrite):
    // the message, no stack.
    const known =
      usage ||
      error instanceof ConfigError ||
      error instanceof ScenarioError ||
      error instanceof ProjectExistsError ||
      error instanceof DspCrateBuildError ||
      error instanceof NotAWavecraftPluginError ||
      error.name === 'WasmDspError';
    console.error(`wavecraft-harness: ${known ? error.message : (error.stack ?? error.message)}`);
    process.exitCode = usage ? 2 : 1;
  },
);
