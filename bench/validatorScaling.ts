/**
 * Figure 8: the validator's time against the number of parameters. The reference DSP (10
 * parameters) and Rust wide chains of 10, 20 and 40 parameters (fixtures/rust/wideChain.rs: stages
 * after the first start bypassed, so the cost per frame hardly grows) at strictness 5 without the
 * browser leg (a fixed cost), interleaved round by round, median seconds; each against the
 * reference measured in the same run. Goal: 20 parameters within 2× the reference.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE_WASM_PATH } from '../devmode/index.ts';
import { buildRustWideChain } from '../fixtures/rust/buildRustWasm.ts';
import { validateWasmFile } from '../harness/validate/runValidation.ts';
import { stats, type Stats } from './stats.ts';

export interface ValidatorScalingResult {
  strictness: number;
  builds: { name: string; parameters: number; seconds: Stats; overReference: number; passed: boolean }[];
}

export async function measureValidatorScaling(
  stageCounts: number[] = [2, 4, 8],
  repeats = 3,
  strictness = 5,
): Promise<ValidatorScalingResult> {
  const dir = mkdtempSync(join(tmpdir(), 'validator-scaling-'));
  const builds = [
    { name: 'reference', parameters: 10, path: REFERENCE_WASM_PATH },
    ...stageCounts.map((stages) => ({
      name: `wide chain, ${stages} stages`,
      parameters: stages * 5,
      path: buildRustWideChain(stages, join(dir, `wide-${stages}.wasm`)),
    })),
  ];
  const times = builds.map(() => [] as number[]);
  const passed = builds.map(() => true);
  for (let round = 0; round < repeats; round++) {
    for (const [i, build] of builds.entries()) {
      const started = performance.now();
      const report = await validateWasmFile(build.path, { strictness, browser: false });
      times[i]!.push((performance.now() - started) / 1000);
      passed[i] = passed[i]! && report.passed;
    }
  }
  const reference = stats(times[0]!).median;
  return {
    strictness,
    builds: builds.map((b, i) => ({
      name: b.name,
      parameters: b.parameters,
      seconds: stats(times[i]!),
      overReference: stats(times[i]!).median / reference,
      passed: passed[i]!,
    })),
  };
}
