/**
 * The validator's precision and recall, on DSPs built like real plugins' (fixtures/rust/validatorCorpus/):
 * - precision: a correct feedback delay (discrete echoes, a tail of tens of seconds at feedback 0.9),
 *   a diffuse reverb (RT60 up to 8 s), a ±24 dB trim (loud by design), a resonant filter swept to
 *   its limits, a lookahead limiter (latency, loud input) and a generator (--generator) pass
 *   `validate --strictness 10`; the tail and jump DSPs at seeds 1 to 5 on the checks that judge them
 *   (`npm run corpus` runs every check at every seed);
 * - recall: each defect class found in Wavecraft's processors, written into a copy of a correct DSP,
 *   fails the check that owns it, named as what it is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpusDsp, PRECISION, type CorpusDsp } from '../../fixtures/rust/validatorCorpus/buildCorpus.ts';
import type { CheckId } from './checkIds.ts';
import { validateWasmFile } from './runValidation.ts';
import { formatConsoleReport } from './validationReport.ts';

const dir = mkdtempSync(join(tmpdir(), 'validator-corpus-'));
const failing = (report: Awaited<ReturnType<typeof validateWasmFile>>) =>
  report.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe('precision: correct DSPs built like real ones pass', () => {
  for (const dsp of PRECISION)
    it(`${dsp} passes validate --strictness 10`, async () => {
      const report = await validateWasmFile(buildCorpusDsp(dir, dsp), {
        strictness: 10,
        browser: false,
        generator: dsp === 'generator',
      });
      expect(failing(report), formatConsoleReport(report)).toEqual([]);
    });

  const tails: [CorpusDsp, CheckId[]][] = [
    ['delay', ['silence', 'automation-fuzz']],
    ['reverb', ['silence', 'automation-fuzz']],
    ['trim', ['parameter-jumps']],
  ];
  for (const [dsp, only] of tails)
    it(`${dsp} passes ${only.join(' and ')} at strictness 10 for seeds 2 to 5`, async () => {
      const wasm = buildCorpusDsp(dir, dsp);
      for (let seed = 2; seed <= 5; seed++) {
        const report = await validateWasmFile(wasm, { strictness: 10, seed, browser: false, only });
        expect(failing(report), `seed ${seed}\n${formatConsoleReport(report)}`).toEqual([]);
      }
    });

  it('says when it judged a tail still dying: the delay at feedback 0.9 and the reverb at RT60 8 s, with their rate', async () => {
    for (const dsp of ['delay', 'reverb'] as const) {
      const report = await validateWasmFile(buildCorpusDsp(dir, dsp), {
        strictness: 5,
        browser: false,
        only: ['silence'],
      });
      expect(report.checks.find((c) => c.id === 'silence')!.summary).toMatch(
        /\d+ tail\(s\) still dying away 1 s into silence \(slowest -\d+\.\d dB\/s, RT60 ≈ \d+\.\d s, from -?[\d.]+ dBFS\): passed as tails/,
      );
    }
  });
});

describe("recall: each defect class found in Wavecraft's processors fails the check that owns it", () => {
  const defects: [CorpusDsp, string, CheckId, RegExp][] = [
    [
      'trim',
      'block_fade',
      'parameter-jumps',
      /at 4096-frame blocks the output differs from 128-frame blocks for \d+ ms after the change .*a change spread over the block\?/,
    ],
    ['delay', 'reset_keeps_state', 'reset', /the render after wc_reset differs from the first/],
    ['filter', 'nyquist', 'silence', /(NaN|Inf|growing|blown up|\+\d+\.\d dBFS)/],
    ['filter', 'coefficient_jump', 'automation-fuzz', /output during automation \(beyond the fuzz's bound/],
    [
      'trim',
      'unramped',
      'parameter-jumps',
      /trim_db -?24 → -?24 on a 220 Hz sine at -6 dBFS: a click: the output steps by [\d.]+ from one sample to the next/,
    ],
  ];
  for (const [dsp, defect, check, what] of defects)
    it(`${dsp} with ${defect} fails ${check}`, async () => {
      const report = await validateWasmFile(buildCorpusDsp(dir, dsp, defect), {
        strictness: 5,
        browser: false,
        only: [check],
      });
      const result = report.checks.find((c) => c.id === check)!;
      expect(result.status, formatConsoleReport(report)).toBe('fail');
      expect(result.summary).toMatch(what);
    });
});
