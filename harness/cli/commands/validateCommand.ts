/**
 * `wavecraft-harness validate`: the validator (harness/validate/). Exit status 1 when any check
 * fails at the chosen strictness, 2 for bad arguments.
 */
import { resolve } from 'node:path';
import { CHECK_IDS } from '../../validate/checkCatalog.ts';
import { validateWasmFile } from '../../validate/runValidation.ts';
import { formatConsoleReport } from '../../validate/validationReport.ts';
import { writeValidationOutputs } from '../../validate/writeValidationOutputs.ts';
import { DEFAULT_VALIDATE_OPTIONS, type ValidateOptions } from '../../validate/validatorCheck.ts';
import { ensureChromium } from '../../setup/ensureChromium.ts';
import { defineCommand, numberOption, type OptionValues } from '../command.ts';
import { UsageError } from '../usageError.ts';

const OPTIONS = {
  wasm: { type: 'string', placeholder: 'build.wasm', required: true },
  strictness: { type: 'string', placeholder: '1..10' },
  seed: { type: 'string', placeholder: 'N' },
  junit: { type: 'string', placeholder: 'F' },
  json: { type: 'string', placeholder: 'F' },
  html: { type: 'string', placeholder: 'F' },
  only: { type: 'string', placeholder: 'id,id' },
  skip: { type: 'string', placeholder: 'id,id' },
  headroom: { type: 'string', placeholder: '4' },
  'fuzz-headroom': { type: 'string', placeholder: 'N' },
  'tail-seconds': { type: 'string', placeholder: '1' },
  generator: { type: 'boolean', default: false },
  'max-cpu-share': { type: 'string', placeholder: '0.5' },
  'no-browser': { type: 'boolean', default: false },
} as const;

/** The validator's options from the command's values (defaults where not given). */
export function validateOptions(values: OptionValues<typeof OPTIONS>): ValidateOptions {
  const number = (name: keyof typeof OPTIONS, min: number, max: number, integer = false) =>
    numberOption('validate', name, values[name] as string | undefined, min, max, integer);
  const ids = (name: 'only' | 'skip') => {
    const list = values[name] ? values[name].split(',').map((s) => s.trim()) : null;
    const unknown = list?.filter((id) => !(CHECK_IDS as readonly string[]).includes(id)) ?? [];
    if (unknown.length) {
      throw new UsageError(
        `validate: --${name} names unknown check(s) ${unknown.join(', ')}; the checks are ${CHECK_IDS.join(', ')}`,
      );
    }
    return list;
  };
  const d = DEFAULT_VALIDATE_OPTIONS;
  return {
    ...d,
    strictness: number('strictness', 1, 10, true) ?? d.strictness,
    seed: number('seed', 0, 2 ** 32 - 1, true) ?? d.seed,
    headroom: number('headroom', 0.001, 1e6) ?? d.headroom,
    fuzzHeadroom: number('fuzz-headroom', 0.001, 1e6) ?? d.fuzzHeadroom,
    tailSeconds: number('tail-seconds', 0.01, 60) ?? d.tailSeconds,
    maxCpuShare: number('max-cpu-share', 0.0001, 100) ?? d.maxCpuShare,
    generator: values.generator,
    browser: !values['no-browser'],
    only: ids('only'),
    skip: ids('skip'),
  };
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
    log(formatConsoleReport(report));
    const { junit, json, html } = values;
    await writeValidationOutputs(report, {
      ...(junit ? { junit } : {}),
      ...(json ? { json } : {}),
      ...(html ? { html } : {}),
    });
    return report.passed ? 0 : 1;
  },
});
