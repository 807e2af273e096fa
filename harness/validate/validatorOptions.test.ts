/**
 * Every place that takes the validator's options is made from the one table
 * (validatorOptions.ts): the CLI's flags and their ranges, the config schema and its ranges, the
 * config reader, the defaults. Each option's min and max are accepted everywhere and a value past
 * them refused everywhere; a new entry in the table shows up in each place without an edit.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandUsage } from '../cli/commandDefinition.ts';
import { validateCommand, validateOptions } from '../cli/commands/validateCommand.ts';
import { loadProjectConfig } from '../config/projectConfig.ts';
import { DEFAULT_VALIDATE_OPTIONS, VALIDATE_OPTIONS, type OptionSpec } from './validatorOptions.ts';

const table = Object.entries(VALIDATE_OPTIONS) as [keyof typeof VALIDATE_OPTIONS, OptionSpec][];

/** A project config with `validate` set as given; its loaded validator options, or the error. */
function fromConfig(validate: Record<string, unknown>): Record<string, unknown> | Error {
  const dir = mkdtempSync(join(tmpdir(), 'validate-options-'));
  const file = join(dir, 'wavecraft.config.json');
  writeFileSync(file, JSON.stringify({ wasm: { path: 'dsp.wasm' }, validate }));
  try {
    return loadProjectConfig(file).validate as Record<string, unknown>;
  } catch (error) {
    return error as Error;
  }
}

describe("the validator's options, from one table", () => {
  it("the defaults are the table's", () => {
    for (const [key, spec] of table) expect(DEFAULT_VALIDATE_OPTIONS[key], key).toEqual(spec.default);
  });

  it('the CLI takes each flag, in its range, and refuses a value past it', () => {
    const usage = commandUsage(validateCommand);
    for (const [key, spec] of table) {
      if (!spec.flag) continue;
      expect(usage, `--${spec.flag} in the usage`).toContain(`--${spec.flag}`);
      if (spec.kind === 'number') {
        for (const edge of [spec.min, spec.max])
          expect(validateOptions({ [spec.flag]: String(edge) })[key], `--${spec.flag} ${edge}`).toBe(edge);
        for (const past of [spec.min - (spec.integer ? 1 : spec.min / 2 || 0.5), spec.max * 2 + 1])
          expect(() => validateOptions({ [spec.flag!]: String(past) }), `--${spec.flag} ${past}`).toThrow(
            new RegExp(`--${spec.flag} must be`),
          );
      } else if (spec.kind === 'boolean') {
        expect(validateOptions({ [spec.flag]: true })[key]).toBe(!spec.negated);
      } else {
        expect(validateOptions({ [spec.flag]: 'abi,reset' })[key]).toEqual(['abi', 'reset']);
        expect(() => validateOptions({ [spec.flag!]: 'nonsense' })).toThrow(/names unknown check\(s\) nonsense/);
      }
    }
  });

  it('the config takes each key, in the same range, and refuses a value past it naming the key', () => {
    for (const [key, spec] of table) {
      if (!spec.config) continue;
      if (spec.kind === 'number') {
        for (const edge of [spec.min, spec.max])
          expect(fromConfig({ [spec.config]: edge }), key).toEqual({ [key]: edge });
        const past = fromConfig({ [spec.config]: spec.max * 2 + 1 });
        expect(past, `${spec.config} past its max`).toBeInstanceOf(Error);
        expect((past as Error).message).toContain(`/validate/${spec.config}`);
      } else if (spec.kind === 'boolean') {
        expect(fromConfig({ [spec.config]: true })).toEqual({ [key]: true });
      } else {
        expect(fromConfig({ [spec.config]: ['abi'] })).toEqual({ [key]: ['abi'] });
        expect(fromConfig({ [spec.config]: ['nonsense'] })).toBeInstanceOf(Error);
      }
    }
    expect(fromConfig({ nonsense: 1 })).toBeInstanceOf(Error);
  });
});
