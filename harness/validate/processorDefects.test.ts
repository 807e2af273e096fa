/**
 * The validator against our own copies of four defects found in Wavecraft-style processors
 * (fixtures/rust/processorDefects.rs): each build must fail, its worst problem first, named with
 * what a developer needs (the parameter, the jump, the peak, the rate, the gate); the correct
 * build passes at strictness 10.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRustWasm } from '../../fixtures/rust/buildRustWasm.ts';
import { validateWasmFile, type ValidationReport } from './runValidation.ts';
import { formatConsoleReport } from './validationReport.ts';

const source = fileURLToPath(new URL('../../fixtures/rust/processorDefects.rs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'processor-defects-'));
const build = (defect?: string) =>
  buildRustWasm(source, join(dir, `${defect ?? 'correct'}.wasm`), defect ? [`defect="${defect}"`] : []);
const check = (report: ValidationReport, id: string) => report.checks.find((c) => c.id === id)!;

describe('the validator on copies of defects in Wavecraft-style processors', () => {
  it('passes the correct chain (TPT filter, 5 ms bypass fade, Nyquist-safe cutoff, oscillator off) at strictness 10', async () => {
    const report = await validateWasmFile(build(), { strictness: 10, browser: false });
    expect(
      report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
      formatConsoleReport(report),
    ).toEqual([]);
    // The oscillator is a generator gated by oscillator_enabled: sets that switch it on are not judged for silence.
    expect(check(report, 'silence').summary).toMatch(
      /sets that switch on a generator \(oscillator_enabled\) not judged/,
    );
  });

  it('a biquad whose coefficients jump: its +90 dBFS ringing under automation ranked before the subnormals, every kind counted; the jump named with its peak', async () => {
    const report = await validateWasmFile(build('coefficient_jump'), {
      strictness: 5,
      browser: false,
      only: ['automation-fuzz', 'parameter-jumps', 'finite-output'],
    });
    const fuzz = check(report, 'automation-fuzz');
    expect(fuzz.status).toBe('fail');
    expect(fuzz.problems!.map((p) => p.kind)).toEqual(['level', 'subnormal']);
    expect(fuzz.worst!.what).toMatch(
      /^\+(8|9)\d\.\d dBFS \([\d.e+]+\) output during automation \(beyond the fuzz's bound \+80\.0 dBFS/,
    );
    expect(fuzz.summary).toMatch(/2 kinds of problem: \d+ level, \d+ subnormal/);
    const jumps = check(report, 'parameter-jumps');
    expect(jumps.status).toBe('fail');
    expect(jumps.worst!.what).toMatch(
      /^filter_cutoff_hz 20000 → 20 on .*: peak \+\d\d\.\d dBFS .* ms after the jump, \d+ dB above the larger steady state around it \(before -?[\d.]+ dBFS, after -?[\d.]+ dBFS; a jump may add 6 dB\), settling in \d+ ms/,
    );
    expect(Math.abs(jumps.worst!.value!)).toBeGreaterThan(4);
    expect(formatConsoleReport(report).split('\n')[1]).toMatch(
      /^worst first: (automation-fuzz: \+\d+\.\d dBFS|parameter-jumps: filter_cutoff_hz 20000 → 20)/,
    );
  });

  it('a bypass fade spread over the block: found as a change that depends on the block size, with its length and dip', async () => {
    const report = await validateWasmFile(build('block_fade'), { strictness: 5, browser: false });
    expect(
      report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
      formatConsoleReport(report),
    ).toEqual(['parameter-jumps']);
    const worst = check(report, 'parameter-jumps').worst!;
    expect(worst.what).toMatch(
      /^filter_bypass \d → \d on .*: at 4096-frame blocks the output differs from 128-frame blocks for (8[0-9]) ms after the change .*dips \d+\.\d dB below both sides/,
    );
  });

  it('a cutoff clamped at Nyquist − 1 Hz: unstable at 32 kHz, found by the corners of the filter (highest cutoff, highest Q)', async () => {
    const report = await validateWasmFile(build('nyquist_clamp'), { strictness: 5, browser: false, only: ['silence'] });
    const silence = check(report, 'silence');
    expect(silence.status).toBe('fail');
    expect(silence.worst).toMatchObject({
      sampleRate: 32000,
      params: expect.objectContaining({ filter_cutoff_hz: 20000, filter_resonance_q: 10 }),
    });
    expect(silence.worst!.what).toMatch(
      /growing (\(\+\d+\.\d\d dB per second over 4 s of silence|without bound): unstable/,
    );
    expect(silence.problems![0]!.kind).toBe('blow-up');
  });

  it('an oscillator enabled by default: silence says it is a steady periodic signal and points at --generator and the gate', async () => {
    const report = await validateWasmFile(build('oscillator_on'), { strictness: 5, browser: false, only: ['silence'] });
    const silence = check(report, 'silence');
    expect(silence.status).toBe('fail');
    expect(silence.worst!.what).toMatch(
      /the output in silence is a steady periodic signal \(≈ [\d.e+]+ Hz\): a generator\? If the DSP is meant to make sound, run with --generator; oscillator_enabled = 0 silences it, and it is 1 by default/,
    );
    const declared = await validateWasmFile(join(dir, 'oscillator_on.wasm'), {
      strictness: 5,
      browser: false,
      only: ['silence'],
      generator: true,
    });
    expect(check(declared, 'silence')).toMatchObject({ status: 'skip' });
  });
});
