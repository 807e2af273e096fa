/**
 * The validator against the faults of fixtures/rust/validatorFaults.rs: each found by the check at
 * stake, with its worst case and a replay command; and each found on the right channel alone.
 * (validator.test.ts: the builds that pass, replay, the ABI; split so two files run at once.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildValidatorFault } from '../../fixtures/rust/buildRustWasm.ts';
import { validateWasmFile, type ValidationReport } from './runValidation.ts';
import { formatConsoleReport } from './validationReport.ts';

const dir = mkdtempSync(join(tmpdir(), 'validator-faults-'));
const build = (fault?: string, rightOnly = false) => buildValidatorFault(dir, fault, rightOnly);
const failed = (report: ValidationReport) => report.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe('the validator on Rust builds with a fault', () => {
  const FAULTS: [fault: string, check: string, worst: RegExp][] = [
    ['nan_at_extreme', 'finite-output', /^NaN output/],
    ['memory_growth', 'realtime-safety', /wc_process grew memory from \d+ to \d+ bytes/],
    ['block_lfo', 'block-sizes', /blocks of \d+ frames differ from 128-frame blocks/],
    ['denormal_tail', 'finite-output', /subnormal\) output/],
    ['sticky_reset', 'reset', /the render after wc_reset differs from the first/],
    [
      'held_tail',
      'automation-fuzz',
      /into the silence after automation, and holding its level \(\+0\.00 dB per second/,
    ],
    ['held_tail', 'silence', /into silence, and holding its level \(\+0\.00 dB per second/],
    ['lying_get', 'parameters', /wc_get_param\(0\) returned [\d.e-]+ after wc_set_param\(0, -60\)/],
  ];

  for (const [fault, check, worst] of FAULTS) {
    it(`fails the ${fault} build on ${check} (seed 7), with the worst case and a replay command`, async () => {
      // Only the check at stake (real-time safety watches the calls of every check, so it runs them all).
      const report = await validateWasmFile(build(fault), {
        strictness: 10,
        browser: false,
        seed: 7,
        ...(check === 'realtime-safety' ? {} : { only: [check] }),
      });
      const result = report.checks.find((c) => c.id === check)!;
      expect(result.status, formatConsoleReport(report)).toBe('fail');
      expect(result.worst?.what).toMatch(worst);
      if (fault === 'nan_at_extreme') expect(result.worst?.params?.['cutoff']).toBe(20000);
      expect(result.replay).toBe(
        `wavecraft-harness validate --wasm ${join(dir, `${fault}.wasm`)} --strictness 10 --seed 7 --only ${check}`,
      );
      expect(report.passed).toBe(false);
      const text = formatConsoleReport(report);
      expect(text).toMatch(new RegExp(`FAIL  ${check}`));
      expect(text).toContain(`replay: ${result.replay}`);
      console.log(
        `[validator] ${fault}: ${failed(report).join(', ')}\n${text
          .split('\n')
          .filter((l) => /FAIL|worst case|replay/.test(l))
          .join('\n')}`,
      );
    });
  }

  // The same faults on the right channel only: a check that looked at the left channel alone
  // (or at a mono sum) would miss each of these.
  const RIGHT_ONLY: [fault: string, check: string, worst: RegExp][] = [
    ['nan_at_extreme', 'finite-output', /^NaN output/],
    ['block_lfo', 'block-sizes', /blocks of \d+ frames differ from 128-frame blocks/],
    ['denormal_tail', 'finite-output', /subnormal\) output/],
    ['sticky_reset', 'reset', /the render after wc_reset differs from the first/],
    ['held_tail', 'automation-fuzz', /holding its level/],
    ['held_tail', 'silence', /holding its level/],
  ];
  for (const [fault, check, worst] of RIGHT_ONLY) {
    it(`fails the ${fault} build with the fault on the right channel only, on ${check}, naming the right channel`, async () => {
      const report = await validateWasmFile(build(fault, true), {
        strictness: 10,
        browser: false,
        seed: 7,
        only: [check],
      });
      const result = report.checks.find((c) => c.id === check)!;
      expect(result.status, formatConsoleReport(report)).toBe('fail');
      expect(result.worst?.what).toMatch(worst);
      expect(result.worst?.channel).toBe('R');
    });
  }
});
