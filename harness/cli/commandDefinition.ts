/**
 * What a CLI command is: a name, a summary, its options (node:util parseArgs's own config, with a
 * placeholder and a line for the usage), and a runner that calls a library function. One parser
 * for every command: parseArgs. A command whose leftover arguments go to Playwright (test, record,
 * nightly, selfcheck) parses its own options out of them by parseArgs's tokens and passes the rest
 * through untouched; any other command refuses an option it does not know.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usageError.ts';

export interface CommandOption {
  type: 'string' | 'boolean';
  multiple?: boolean;
  default?: string | boolean | string[];
  /** The value's placeholder in the usage (`--wasm build.wasm`). */
  placeholder?: string;
  /** The command cannot run without it. */
  required?: boolean;
  /** Left out of the command's usage line (--config: said once, under the list, for every command). */
  hidden?: boolean;
}

export type CommandOptions = Record<string, CommandOption>;

/** The parsed values of `O`, typed as parseArgs types them. */
export type OptionValues<O extends CommandOptions> = ReturnType<typeof parseArgs<{ options: O }>>['values'];

export interface CommandContext<O extends CommandOptions> {
  values: OptionValues<O>;
  /** With `passThrough`: every argument that is not one of the command's options, in order (Playwright's). */
  rest: string[];
  log: (line: string) => void;
}

export interface CliCommand<O extends CommandOptions = CommandOptions> {
  name: string;
  /** What it does, one or two lines. */
  summary: string;
  options: O;
  /** Arguments it does not know go to Playwright (shown as `[playwright args]`). */
  passThrough?: boolean;
  run(context: CommandContext<O>): Promise<number>;
}

/** A command, its option names and values typed from its `options`, its name kept as a literal type. */
export const defineCommand = <const O extends CommandOptions, const N extends string>(
  command: CliCommand<O> & { name: N },
): CliCommand<O> & { name: N } => command;

/** Parses `args` by the command's options and runs it. */
export async function runCommand(
  command: CliCommand,
  args: readonly string[],
  log: (line: string) => void,
): Promise<number> {
  const { values, rest } = parseCommandArgs(command, args);
  return command.run({ values, rest, log });
}

/** `args` parsed by `command`'s options; its Playwright arguments in `rest` when it passes them through. */
export function parseCommandArgs<O extends CommandOptions>(
  command: CliCommand<O>,
  args: readonly string[],
): { values: OptionValues<O>; rest: string[] } {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.multiple ? { multiple: true } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
      },
    ]),
  ) as O;
  const parsed = parseArgs({
    args: [...args],
    options,
    strict: !command.passThrough,
    allowPositionals: !!command.passThrough,
    tokens: true,
  });
  const consumed = new Set<number>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || !Object.hasOwn(command.options, token.name)) continue;
    const option = command.options[token.name]!;
    // Unstrict, parseArgs takes the next argument as the value even when it is an option (`--wasm --grep x`).
    const optionAsValue = !token.inlineValue && token.value?.startsWith('-');
    if (option.type === 'string' && (token.value === undefined || optionAsValue))
      throw new UsageError(`${command.name}: --${token.name} needs a value`);
    if (option.type === 'boolean' && token.inlineValue)
      throw new UsageError(`${command.name}: --${token.name} takes no value`);
    consumed.add(token.index);
    if (option.type === 'string' && !token.inlineValue) consumed.add(token.index + 1);
  }
  for (const [name, option] of Object.entries(command.options)) {
    if (option.required && (parsed.values as Record<string, unknown>)[name] === undefined) {
      throw new UsageError(`${command.name}: --${name} ${option.placeholder ?? ''} is required`.replace(/ +is/, ' is'));
    }
  }
  const rest = command.passThrough ? args.filter((_, i) => !consumed.has(i)) : [];
  // Without strict parsing, parseArgs also files Playwright's options under values: only the command's own stay.
  const values = Object.fromEntries(
    Object.entries(parsed.values).filter(([name]) => Object.hasOwn(command.options, name)),
  );
  return { values: values as OptionValues<O>, rest };
}

/** The command's usage line, from its options: `validate --wasm build.wasm [--strictness 1..10] ...`. */
export function commandUsage(command: CliCommand): string {
  const shown = Object.entries(command.options).filter(([, o]) => !o.hidden);
  const parts = shown.map(([name, o]) => {
    const flag = o.type === 'string' ? `--${name} ${o.placeholder ?? 'VALUE'}` : `--${name}`;
    return o.required ? flag : `[${flag}]${o.multiple ? '...' : ''}`;
  });
  return [command.name, ...parts, ...(command.passThrough ? ['[playwright args]'] : [])].join(' ');
}

/** A numeric option's value, checked: undefined when not given; a usage error naming the range when out of it. */
export function numberOption(
  command: string,
  name: string,
  text: string | undefined,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `${command}: --${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${text}"`,
    );
  }
  return n;
}
