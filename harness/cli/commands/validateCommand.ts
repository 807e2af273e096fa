/**
 * `wavecraft-harness validate`: the validator (harness/validate/). Exit status 1 when any check
 * fails at the chosen strictness, 2 for bad arguments.
 */
import { resolve } from 'node:path';
import { CHECK_IDS } from '../../validate/checkCatalog.ts';
import { validateWasmFile } from '../../validate/runValidation.ts';
import { formatConsoleReport } from '../../validate/validationReport.ts';
import { writeValidationOutputs } from '../../validate/writeValidationOutputs.ts';
import {
  DEFAULT_VALIDATE_OPTIONS,
  VALIDATE_OPTIONS,
  placeholderOf,
  type NumberOption,
  type OptionSpec,
  type ValidateOptionKey,
  type ValidateOptions,
} from '../../validate/validatorOptions.ts';
import { ensureChromium } from '../../setup/ensureChromium.ts';
import { defineCommand, numberOption } from '../commandDefinition.ts';
import { UsageError } from '../usageError.ts';

/** The validator's own options (their flags, from harness/validate/validatorOptions.ts), then the outputs'. */
const OPTIONS = {
  wasm: { type: 'string', placeholder: 'build.wasm', required: true },
  ...validatorFlags(),
  junit: { type: 'string', placeholder: 'F' },
  json: { type: 'string', placeholder: 'F' },
  html: { type: 'string', placeholder: 'F' },
} as const;

type FlagOption = { type: 'string'; placeholder: string } | { type: 'boolean'; default: false };

/** A validator option as this parser's option: a value (`--seed N`) or a switch. */
export function validatorFlag(spec: OptionSpec): FlagOption {
  return spec.kind === 'boolean'
    ? { type: 'boolean', default: false }
    : { type: 'string', placeholder: placeholderOf(spec) };
}

/** Each validator option that has a flag. */
function validatorFlags(): Record<string, FlagOption> {
  const flags: Record<string, FlagOption> = {};
  for (const spec of Object.values(VALIDATE_OPTIONS) as OptionSpec[])
    if (spec.flag) flags[spec.flag] = validatorFlag(spec);
  return flags;
}

/** A number option's value from `--<flag>`, checked against its range (undefined: not given). */
export function numberFlagValue(command: string, spec: NumberOption & { flag: string }, value: string | undefined) {
  return numberOption(command, spec.flag, value, spec.min, spec.max, spec.integer);
}

/** The validator's options from the command's values (defaults where not given). */
export function validateOptions(values: Record<string, string | boolean | undefined>): ValidateOptions {
  const options: Record<string, unknown> = { ...DEFAULT_VALIDATE_OPTIONS };
  for (const [key, spec] of Object.entries(VALIDATE_OPTIONS) as [ValidateOptionKey, OptionSpec][]) {
    if (!spec.flag) continue;
    const value = values[spec.flag];
    if (spec.kind === 'boolean') {
      if (value) options[key] = !spec.negated;
    } else if (spec.kind === 'number') {
      const n = numberFlagValue('validate', { ...spec, flag: spec.flag }, value as string | undefined);
      if (n !== undefined) options[key] = n;
    } else if (typeof value === 'string') {
      const list = value.split(',').map((s) => s.trim());
      const unknown = list.filter((id) => !(CHECK_IDS as readonly string[]).includes(id));
      if (unknown.length)
        throw new UsageError(
          `validate: --${spec.flag} names unknown check(s) ${unknown.join(', ')}; the checks are ${CHECK_IDS.join(', ')}`,
        );
      options[key] = list;
    }
  }
  return options as ValidateOptions;
}

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check the build against the ABI and the DSP rules (no goldens needed); exit 1 on a failed check',
  options: OPTIONS,
  async run({ values, log }) {
    const options = validateOptions(values);
    // The CLI's Chromium may be installed by set-up (apt) on a fresh machine; the library's must be there.
    const report = await validateWasmFile(resolve(values.wasm!), options, {
      chromium: () => ensureChromium(() => undefined),
    });
    const { junit, json, html } = values;
    await writeValidationOutputs(report, {
      ...(junit ? { junit } : {}),
      ...(json ? { json } : {}),
      ...(html ? { html } : {}),
    });
    log(formatConsoleReport(report));
    return report.passed ? 0 : 1;
  },
});
