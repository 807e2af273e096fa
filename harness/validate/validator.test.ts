/**
 * The validator against this repo's DSPs and the correct build of fixtures/rust/validatorFaults.rs
 * (each passes at strictness 10; the JS mock through the same backend interface), a failure
 * replayed exactly, and a module that breaks the ABI. The faults themselves: validatorFaults.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildValidatorFault } from '../../fixtures/rust/buildRustWasm.ts';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { REFERENCE_WASM_PATH } from '../../devmode/index.ts';
import { MOCK_PARAMETER_RANGES, MockDsp } from '../../devmode/dsp/mock/mockDsp.ts';
import { backendSubject } from './dspUnderTest.ts';
import { validateSubject, validateWasmFile, type ValidationReport } from './runValidation.ts';
import { formatConsoleReport, formatHtmlReport, formatJunitReport } from './validationReport.ts';

const dir = mkdtempSync(join(tmpdir(), 'validator-faults-'));
const build = (fault?: string, rightOnly = false) => buildValidatorFault(dir, fault, rightOnly);
const failed = (report: ValidationReport) => report.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe("the validator on this repo's DSPs", () => {
  it("passes the reference WASM DSP at strictness 10, the browser leg included, but for its tone filter's unsmoothed cutoff", async () => {
    const report = await validateWasmFile(REFERENCE_WASM_PATH, { strictness: 10 });
    // The reference's cutoff jumps at once (its goldens are recorded so): a 20 Hz → 20 kHz jump clicks on a sine,
    // and 20 kHz → 20 Hz rings 15 dB above the steady states on noise. Both are true findings, and the only ones.
    expect(failed(report), formatConsoleReport(report)).toEqual(['parameter-jumps']);
    const jumps = report.checks.find((c) => c.id === 'parameter-jumps')!;
    expect(jumps.problems!.map((p) => p.kind).sort()).toEqual(['click', 'level']);
    for (const problem of jumps.problems!)
      expect(problem.worst).toMatch(/^tone_filter_cutoff_hz 20{1,4} → 20{1,4} on /);
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
