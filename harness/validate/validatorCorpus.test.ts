/**
 * The validator's precision and recall, on DSPs built like real plugins' (fixtures/rust/validatorCorpus/):
 * - precision: a correct feedback delay (discrete echoes, a tail of tens of seconds at feedback 0.9),
 *   a diffuse reverb (RT60 up to 8 s), a ±24 dB trim (loud by design), a resonant filter swept to
 *   its limits, a lookahead limiter (latency, loud input) and a generator (--generator) pass
 *   `validate --strictness 10` at seed 1 (`npm run corpus` runs every check at seeds 1 to 5: CI's time);
 * - recall: each defect class found in Wavecraft's processors, written into a copy of a correct DSP,
 *   fails the check that owns it, named as what it is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpusDsp, DEFECTS, PRECISION } from '../../fixtures/rust/validatorCorpus/buildCorpus.ts';
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
  const says: Record<(typeof DEFECTS)[number][1], RegExp> = {
    block_fade:
      /at 4096-frame blocks the output differs from 128-frame blocks for \d+ ms after the change .*a change spread over the block\?/,
    reset_keeps_state: /the render after wc_reset differs from the first/,
    nyquist: /(NaN|Inf|growing|blown up|\+\d+\.\d dBFS)/,
    coefficient_jump: /output during automation \(beyond the fuzz's bound/,
    unramped:
      /trim_db -?24 → -?24 on a 220 Hz sine at -6 dBFS: a click: the output steps by [\d.]+ from one sample to the next/,
  };
  const defects = DEFECTS.map(([dsp, defect, check]) => [dsp, defect, check, says[defect]] as const);
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

describe('every FAIL shows its evidence', () => {
  it('writes the failing render as WAVs beside --json/--html, names them in both and links them from the page', async () => {
    const { writeValidationOutputs } = await import('./writeValidationOutputs.ts');
    const { readWav } = await import('../wav/wavFile.ts');
    const { readFileSync } = await import('node:fs');
    const report = await validateWasmFile(buildCorpusDsp(dir, 'trim', 'unramped'), {
      strictness: 5,
      browser: false,
      only: ['parameter-jumps'],
    });
    const out = join(dir, 'evidence');
    await writeValidationOutputs(report, { json: join(out, 'v.json'), html: join(out, 'v.html') });
    const jumps = report.checks.find((c) => c.id === 'parameter-jumps')!;
    expect(jumps.evidence).toEqual({ input: 'v.parameter-jumps.input.wav', output: 'v.parameter-jumps.output.wav' });
    const output = await readWav(join(out, 'v.parameter-jumps.output.wav'));
    expect(output.sampleRate).toBe(jumps.worst!.sampleRate);
    // The worst case's frame, in the WAV, holds the sample the report names.
    const channel = output.channels[jumps.worst!.channel === 'L' ? 0 : 1]!;
    expect(channel[jumps.worst!.frame!]).toBe(Math.fround(jumps.worst!.value!));
    expect(
      JSON.parse(readFileSync(join(out, 'v.json'), 'utf8')).checks.find(
        (c: { id: string }) => c.id === 'parameter-jumps',
      ).evidence,
    ).toEqual(jumps.evidence);
    expect(readFileSync(join(out, 'v.html'), 'utf8')).toContain('<a href="v.parameter-jumps.output.wav">output</a>');
  });
});
