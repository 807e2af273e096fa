import { describe, expect, it } from 'vitest';
import { commandUsage, defineCommand, parseCommandArgs } from './commandDefinition.ts';
import { COMMANDS } from './commandTable.ts';
import { UsageError } from './usageError.ts';

const passing = defineCommand({
  name: 'nightly',
  summary: 's',
  options: {
    wasm: { type: 'string', placeholder: 'build.wasm', required: true },
    strictness: { type: 'string', placeholder: '5' },
    quiet: { type: 'boolean', default: false },
  },
  passThrough: true,
  run: async () => 0,
});
const strict = defineCommand({ ...passing, name: 'validate', passThrough: false });

describe('one parser for every command (node:util parseArgs)', () => {
  it('takes its own options out and passes the rest to Playwright untouched, in order', () => {
    const args = [
      '--grep',
      'param volume',
      '--wasm',
      'b.wasm',
      '-u',
      '--workers=2',
      '--strictness=3',
      '-j',
      '1',
      '--quiet',
    ];
    const { values, rest } = parseCommandArgs(passing, args);
    expect(values).toEqual({ wasm: 'b.wasm', strictness: '3', quiet: true });
    expect(rest).toEqual(['--grep', 'param volume', '-u', '--workers=2', '-j', '1']);
  });

  it('says which option is missing or malformed, as a usage error', () => {
    expect(() => parseCommandArgs(passing, ['--grep', 'x'])).toThrow(
      new UsageError('nightly: --wasm build.wasm is required'),
    );
    expect(() => parseCommandArgs(passing, ['--wasm', '--grep', 'x'])).toThrow(
      new UsageError('nightly: --wasm needs a value'),
    );
    expect(() => parseCommandArgs(passing, ['--strictness', '2', '--wasm'])).toThrow(
      new UsageError('nightly: --wasm needs a value'),
    );
    expect(() => parseCommandArgs(passing, ['--wasm', 'b', '--quiet=yes'])).toThrow(
      new UsageError('nightly: --quiet takes no value'),
    );
  });

  it('refuses an option a command without pass-through does not know, naming it', () => {
    expect(() => parseCommandArgs(strict, ['--wasm', 'b.wasm', '--grep', 'x'])).toThrow(/Unknown option '--grep'/);
  });

  it('writes the usage from the options', () => {
    expect(commandUsage(passing)).toBe('nightly --wasm build.wasm [--strictness 5] [--quiet] [playwright args]');
    expect(commandUsage(COMMANDS.devmode)).toContain('[--allow-origin URL]...');
  });

  it('files every command under its own name', () => {
    expect(Object.entries(COMMANDS).filter(([key, c]) => c.name !== key)).toEqual([]);
  });
});
