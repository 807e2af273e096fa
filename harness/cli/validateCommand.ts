/**
 * `wavecraft-harness validate --wasm build.wasm [--strictness 1..10] [--seed N] [--junit F] [--json F] [--html F]
 *  [--only id,id] [--skip id,id] [--headroom 4] [--fuzz-headroom N] [--tail-seconds 1] [--generator] [--max-cpu-share
 * 0.5] [--no-browser]`:
 * the validator. Exit status 1 when any check fails at the chosen strictness, 2 for bad arguments.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHECK_IDS } from '../validate/checkCatalog.ts';
import { validateWasmFile } from '../validate/runValidation.ts';
import { formatConsoleReport } from '../validate/validationReport.ts';
import { writeValidationOutputs } from '../validate/writeValidationOutputs.ts';
import { DEFAULT_VALIDATE_OPTIONS, type ValidateOptions } from '../validate/validatorCheck.ts';
import { ensureChromium } from '../setup/ensureChromium.ts';
import { UsageError } from './usageError.ts';

function number(name: string, text: string | undefined, min: number, max: number, integer = false): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    throw new UsageError(
      `validate: --${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${text}"`,
    );
  return n;
}

export function parseValidateArgs(args: string[]): {
  wasm: string;
  options: ValidateOptions;
  outputs: { junit?: string; json?: string; html?: string };
} {
  const { values } = parseArgs({
    args,
    options: {
      wasm: { type: 'string' },
      strictness: { type: 'string' },
      seed: { type: 'string' },
      junit: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      headroom: { type: 'string' },
      'fuzz-headroom': { type: 'string' },
      'tail-seconds': { type: 'string' },
      generator: { type: 'boolean', default: false },
      'max-cpu-share': { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  if (!values.wasm) throw new UsageError('validate: --wasm path/to/build.wasm is required');
  const ids = (name: 'only' | 'skip') => {
    const list = values[name] ? values[name]!.split(',').map((s) => s.trim()) : null;
    const unknown = list?.filter((id) => !(CHECK_IDS as readonly string[]).includes(id)) ?? [];
    if (unknown.length)
      throw new UsageError(
        `validate: --${name} names unknown check(s) ${unknown.join(', ')}; the checks are ${CHECK_IDS.join(', ')}`,
      );
    return list;
  };
  const only = ids('only');
  const skip = ids('skip');
  const options: ValidateOptions = {
    ...DEFAULT_VALIDATE_OPTIONS,
    strictness: number('strictness', values.strictness, 1, 10, true) ?? DEFAULT_VALIDATE_OPTIONS.strictness,
    seed: number('seed', values.seed, 0, 2 ** 32 - 1, true) ?? DEFAULT_VALIDATE_OPTIONS.seed,
    headroom: number('headroom', values.headroom, 0.001, 1e6) ?? DEFAULT_VALIDATE_OPTIONS.headroom,
    fuzzHeadroom: number('fuzz-headroom', values['fuzz-headroom'], 0.001, 1e6) ?? DEFAULT_VALIDATE_OPTIONS.fuzzHeadroom,
    tailSeconds: number('tail-seconds', values['tail-seconds'], 0.01, 60) ?? DEFAULT_VALIDATE_OPTIONS.tailSeconds,
    maxCpuShare: number('max-cpu-share', values['max-cpu-share'], 0.0001, 100) ?? DEFAULT_VALIDATE_OPTIONS.maxCpuShare,
    generator: values.generator!,
    browser: !values['no-browser'],
    only,
    skip,
  };
  return {
    wasm: resolve(values.wasm),
    options,
    outputs: {
      ...(values.junit ? { junit: values.junit } : {}),
      ...(values.json ? { json: values.json } : {}),
      ...(values.html ? { html: values.html } : {}),
    },
  };
}

export async function runValidate(args: string[], log: (line: string) => void): Promise<number> {
  const { wasm, options, outputs } = parseValidateArgs(args);
  // The CLI's Chromium may be installed by set-up (apt) on a fresh machine; the library's must be there.
  const report = await validateWasmFile(wasm, options, { chromium: () => ensureChromium(() => undefined) });
  log(formatConsoleReport(report));
  await writeValidationOutputs(report, outputs);
  return report.passed ? 0 : 1;
}
