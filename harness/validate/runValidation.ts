/**
 * Runs the validator on a DSP: the ABI checks (WASM), then every check at the chosen strictness,
 * each with its own seeded generator, timed and reported with a replay command.
 * Each check declares when it runs (sample-rates first, real-time safety last: it sees the memory
 * growth of every call the others made); Chromium reaches the browser leg through its context.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_VALIDATE_OPTIONS, type ValidateOptions } from './validatorOptions.ts';
import { requireChromium } from '../browser/findChromium.ts';
import { validateParameterDefinitions } from '../../contracts/ipc/validator.ts';
import { checkWasmDsp } from '../../contracts/wasm/checkWasmDsp.ts';
import { WasmDspError } from '../../contracts/wasm/wasmDspError.ts';
import { ABI_CHECK, CHECKS } from './checkCatalog.ts';
import { DspTrap, wasmSubject, type DspUnderTest } from './dspUnderTest.ts';
import { findGeneratorGates, type GeneratorGate } from './generatorGates.ts';
import type { ProblemCount } from './problems.ts';
import { Random } from '../signals/random.ts';
import { type CheckOutcome, type ValidatorCheck } from './validatorCheck.ts';
import { type WorstCase } from './worstCase.ts';

export interface CheckResult {
  id: string;
  title: string;
  explanation: string;
  minStrictness: number;
  status: 'pass' | 'fail' | 'skip';
  summary: string;
  worst?: WorstCase;
  problems?: ProblemCount[];
  measurements?: Record<string, number>;
  durationMs: number;
  replay: string;
  /** The failing render as WAVs (input, output, …), written beside --json/--html: label → file, relative to them. */
  evidence?: Record<string, string>;
}

export interface ValidationReport {
  module: string;
  kind: 'wasm' | 'js';
  strictness: number;
  seed: number;
  startedAt: string;
  durationMs: number;
  passed: boolean;
  checks: CheckResult[];
}

export function replayCommand(module: string, options: ValidateOptions, id: string): string {
  const target = module.endsWith('.wasm') ? `--wasm ${module}` : `--dsp ${module}`;
  return `wavecraft-harness validate ${target} --strictness ${options.strictness} --seed ${options.seed} --only ${id}`;
}

/**
 * What the runner hands the checks that need it. The CLI passes a Chromium that set-up may install; by default one must
 * be there.
 */
export interface ValidationServices {
  chromium: () => Promise<string>;
}

const DEFAULT_SERVICES: ValidationServices = { chromium: async () => requireChromium().path };

async function runCheck(
  check: ValidatorCheck,
  subject: DspUnderTest,
  options: ValidateOptions,
  rates: number[],
  gates: GeneratorGate[],
  services: ValidationServices,
): Promise<CheckOutcome> {
  if (options.only && !options.only.includes(check.id) && !check.required)
    return { status: 'skip', summary: 'not selected (--only)' };
  if (options.skip?.includes(check.id) && !check.required)
    return { status: 'skip', summary: 'left out (--skip, or validate.skip in wavecraft.config.json)' };
  if (options.strictness < check.minStrictness)
    return { status: 'skip', summary: `runs from strictness ${check.minStrictness}` };
  if (check.runs !== 'first' && rates.length === 0)
    return { status: 'skip', summary: 'no usable sample rate (see sample-rates)' };
  try {
    return await check.run({
      subject,
      options,
      random: new Random(options.seed).fork(check.id),
      rates,
      gates,
      chromium: services.chromium,
    });
  } catch (error) {
    if (error instanceof DspTrap)
      return {
        status: 'fail',
        summary: `${error.message} (at ${subject.where})`,
        worst: { what: `${error.call} trapped`, input: subject.where },
      };
    throw error;
  }
}

/** Validates a DSP that is already known to load (a WASM module past its ABI checks, or a JS backend). */
export async function validateSubject(
  subject: DspUnderTest,
  partial: Partial<ValidateOptions> = {},
  abi?: CheckResult,
  services: ValidationServices = DEFAULT_SERVICES,
): Promise<ValidationReport> {
  const options = { ...DEFAULT_VALIDATE_OPTIONS, ...partial };
  const started = Date.now();
  const rates: number[] = [];
  const results = new Map<string, CheckResult>();
  // Each check says when it runs: the one that provides the rates first, the one that watches every call last.
  const phase = (c: ValidatorCheck) => (c.runs === 'first' ? 0 : c.runs === 'last' ? 2 : 1);
  const ordered = [...CHECKS].sort((a, b) => phase(a) - phase(b));
  const gates: GeneratorGate[] = [];
  for (const check of ordered) {
    const t0 = Date.now();
    const outcome = await runCheck(check, subject, options, rates, gates, services);
    if (check.runs === 'first' && rates.length > 0 && gates.length === 0) {
      try {
        gates.push(...findGeneratorGates(subject, rates.includes(48000) ? 48000 : rates[0]!));
      } catch (error) {
        if (!(error instanceof DspTrap)) throw error; // the checks that follow report the trap
      }
    }
    results.set(check.id, {
      id: check.id,
      title: check.title,
      explanation: check.explanation,
      minStrictness: check.minStrictness,
      ...outcome,
      durationMs: Date.now() - t0,
      replay: replayCommand(subject.name, options, check.id),
    });
  }
  const checks = [...(abi ? [abi] : []), ...CHECKS.map((c) => results.get(c.id)!)];
  return {
    module: subject.name,
    kind: subject.kind,
    strictness: options.strictness,
    seed: options.seed,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    passed: checks.every((c) => c.status !== 'fail'),
    checks,
  };
}

/** Validates a WASM module file: ABI first; when that fails, every other check is skipped. */
export async function validateWasmFile(
  path: string,
  partial: Partial<ValidateOptions> = {},
  services: ValidationServices = DEFAULT_SERVICES,
): Promise<ValidationReport> {
  const options = { ...DEFAULT_VALIDATE_OPTIONS, ...partial };
  const t0 = Date.now();
  const abiBase = {
    id: ABI_CHECK.id,
    title: ABI_CHECK.title,
    explanation: ABI_CHECK.explanation,
    minStrictness: ABI_CHECK.minStrictness,
    replay: replayCommand(path, options, 'abi'),
  };
  let bytes: Uint8Array<ArrayBuffer>;
  let definitions;
  try {
    bytes = new Uint8Array(
      await readFile(path).catch((error: Error) => {
        throw new WasmDspError('WASM_COMPILE', path, 'file', `cannot read: ${error.message}`);
      }),
    );
    ({ definitions } = await checkWasmDsp(bytes, path, validateParameterDefinitions));
  } catch (error) {
    const message = (error as Error).message;
    const abi: CheckResult = {
      ...abiBase,
      status: 'fail',
      summary: message,
      worst: { what: message },
      durationMs: Date.now() - t0,
    };
    const skipped = CHECKS.map((c): CheckResult => ({
      id: c.id,
      title: c.title,
      explanation: c.explanation,
      minStrictness: c.minStrictness,
      status: 'skip',
      summary: 'the module failed its ABI checks',
      durationMs: 0,
      replay: replayCommand(path, options, c.id),
    }));
    return {
      module: path,
      kind: 'wasm',
      strictness: options.strictness,
      seed: options.seed,
      startedAt: new Date(t0).toISOString(),
      durationMs: Date.now() - t0,
      passed: false,
      checks: [abi, ...skipped],
    };
  }
  const abi: CheckResult = {
    ...abiBase,
    status: 'pass',
    summary: `ABI v1; ${definitions.length} parameters: ${definitions.map((d) => d.id).join(', ')}`,
    durationMs: Date.now() - t0,
  };
  const report = await validateSubject(wasmSubject(path, bytes, definitions), options, abi, services);
  return { ...report, startedAt: new Date(t0).toISOString(), durationMs: Date.now() - t0 };
}
