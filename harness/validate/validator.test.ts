/**
 * The validator against modules built here from fixtures/rust/validatorFaults.rs: the correct
 * build passes at strictness 10; each deliberately broken build fails, naming its check, with a
 * worst case and a replay command. And the JS mock passes through the same backend interface.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRustWasm } from '../../fixtures/rust/buildRustWasm.ts';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { REFERENCE_WASM_PATH } from '../../devmode/index.ts';
import { MOCK_PARAMETER_RANGES, MockDsp } from '../../devmode/dsp/mock/mockDsp.ts';
import { backendSubject } from './dspUnderTest.ts';
import { validateSubject, validateWasmFile, type ValidationReport } from './runValidation.ts';
import { formatConsoleReport, formatHtmlReport, formatJunitReport } from './validationReport.ts';

const source = fileURLToPath(new URL('../../fixtures/rust/validatorFaults.rs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'validator-faults-'));
const build = (fault?: string, rightOnly = false) =>
  buildRustWasm(source, join(dir, `${fault ?? 'correct'}${rightOnly ? '-right' : ''}.wasm`), [
    ...(fault ? [`fault="${fault}"`] : []),
    ...(rightOnly ? ['fault_channel="right"'] : []),
  ]);
const failed = (report: ValidationReport) => report.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe("the validator on this repo's DSPs", () => {
  it('passes the reference WASM DSP at strictness 10, the browser leg included', async () => {
    const report = await validateWasmFile(REFERENCE_WASM_PATH, { strictness: 10 });
    expect(failed(report), formatConsoleReport(report)).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'skip')).toEqual([]);
  });

  it('passes its tail checks for seeds 1 to 10 at strictness 10: a 20 Hz high-pass at Q 9 still rings, dying away', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const report = await validateWasmFile(REFERENCE_WASM_PATH, {
        strictness: 10,
        seed,
        browser: false,
        only: ['silence', 'automation-fuzz'],
      });
      expect(failed(report), `seed ${seed}\n${formatConsoleReport(report)}`).toEqual([]);
    }
  });

  it('passes the JS mock at strictness 10 through the same backend interface', async () => {
    const reference = JSON.parse(
      readFileSync(new URL('../../devmode/dsp/reference/parameters.json', import.meta.url), 'utf8'),
    ) as ParameterDefinition[];
    const definitions = reference.filter((d) => d.id in MOCK_PARAMETER_RANGES);
    const report = await validateSubject(
      backendSubject('mock', definitions, (rate) => new MockDsp(rate)),
      { strictness: 10 },
    );
    expect(failed(report), formatConsoleReport(report)).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'skip').map((c) => `${c.id}: ${c.summary}`)).toEqual([
      'realtime-safety: not a WASM module: no linear memory to watch',
      'browser: runs a WASM module file only',
    ]);
  });
});

describe('the validator on Rust builds', () => {
  let correct = '';
  beforeAll(() => {
    correct = build();
  });

  it('passes the correct build at strictness 10, every check run', async () => {
    const report = await validateWasmFile(correct, { strictness: 10, browser: false });
    expect(failed(report), formatConsoleReport(report)).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'skip').map((c) => c.id)).toEqual(['browser']);
    expect(report.passed).toBe(true);
  });

  const FAULTS: [fault: string, check: string, worst: RegExp][] = [
    ['nan_at_extreme', 'finite-output', /^NaN output/],
    ['memory_growth', 'realtime-safety', /wc_process grew memory from \d+ to \d+ bytes/],
    ['block_lfo', 'block-sizes', /blocks of \d+ frames differ from 128-frame blocks/],
    ['denormal_tail', 'finite-output', /subnormal\) output/],
    ['sticky_reset', 'reset', /the render after wc_reset differs from the first/],
    ['held_tail', 'automation-fuzz', /into the silence after automation, and not dying away \(0\.0 dB lower/],
    ['held_tail', 'silence', /into silence, and not dying away \(0\.0 dB lower/],
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
    ['held_tail', 'automation-fuzz', /not dying away/],
    ['held_tail', 'silence', /not dying away/],
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

  it('replays a failure exactly with its seed and --only', async () => {
    const first = await validateWasmFile(build('block_lfo'), { strictness: 10, browser: false, seed: 11 });
    const again = await validateWasmFile(join(dir, 'block_lfo.wasm'), {
      strictness: 10,
      browser: false,
      seed: 11,
      only: ['block-sizes'],
    });
    const a = first.checks.find((c) => c.id === 'block-sizes')!;
    const b = again.checks.find((c) => c.id === 'block-sizes')!;
    expect(b.summary).toBe(a.summary);
    // The HTML report plots the failed check's worst case: both renders around the worst frame.
    const html = await formatHtmlReport(again);
    const plots = html.match(/<figure><svg[\s\S]*?<\/svg><\/figure>/g) ?? [];
    expect(plots).toHaveLength(1);
    expect(plots[0]).toContain('Block sizes: worst case');
    expect(plots[0]).toContain(`worst: frame ${b.worst!.frame}`);
    expect(plots[0]).toMatch(/>128-frame blocks</);
    expect(again.checks.filter((c) => c.status !== 'skip').map((c) => c.id)).toEqual([
      'abi',
      'sample-rates',
      'block-sizes',
    ]);
    // The block-rate LFO also makes a parameter change land differently at 4096-frame blocks (parameter-jumps).
    const skipped = await validateWasmFile(join(dir, 'block_lfo.wasm'), {
      strictness: 10,
      browser: false,
      seed: 11,
      skip: ['block-sizes', 'parameter-jumps'],
    });
    expect(skipped.checks.find((c) => c.id === 'block-sizes')).toMatchObject({
      status: 'skip',
      summary: expect.stringMatching(/left out/),
    });
    expect(skipped.passed).toBe(true);
  });

  it('refuses a module that breaks the ABI, skipping the rest, and writes JUnit', async () => {
    const report = await validateWasmFile(join(dir, 'missing.wasm'));
    expect(report.checks[0]).toMatchObject({ id: 'abi', status: 'fail' });
    expect(report.checks[0]!.summary).toMatch(/missing\.wasm: cannot read/);
    expect(report.checks.slice(1).every((c) => c.status === 'skip')).toBe(true);
    const junit = formatJunitReport(report);
    expect(junit).toMatch(
      /<testsuite name="[^"]*missing\.wasm \(strictness 5, seed 1\)" tests="13" failures="1" skipped="12"/,
    );
    expect(junit).toMatch(/<testcase classname="validate" name="abi: ABI" time="[\d.]+"><failure message="/);
  });
});
