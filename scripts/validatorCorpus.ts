/**
 * npm run corpus: the validator's precision corpus in full (fixtures/rust/validatorCorpus/): every
 * correct DSP at strictness 10, every check, seeds 1 to 5 (npm test runs seed 1 and the tail and jump
 * checks at 2 to 5), and every defect build at strictness 5; a table of what failed, exit 1 when a
 * correct DSP fails or a defect build passes the check that owns it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpusDsp, DEFECTS, PRECISION } from '../fixtures/rust/validatorCorpus/buildCorpus.ts';
import { validateWasmFile } from '../harness/validate/runValidation.ts';

const dir = mkdtempSync(join(tmpdir(), 'validator-corpus-'));
let wrong = 0;
for (const dsp of PRECISION) {
  const wasm = buildCorpusDsp(dir, dsp);
  for (let seed = 1; seed <= 5; seed++) {
    const started = Date.now();
    const report = await validateWasmFile(wasm, {
      strictness: 10,
      seed,
      browser: false,
      generator: dsp === 'generator',
    });
    const failed = report.checks.filter((c) => c.status === 'fail');
    if (failed.length) wrong++;
    console.log(
      `${dsp.padEnd(10)} seed ${seed}: ${failed.length ? `FAILS ${failed.map((c) => `${c.id}: ${c.summary}`).join('; ')}` : 'passes'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}
for (const [dsp, defect, check] of DEFECTS) {
  const report = await validateWasmFile(buildCorpusDsp(dir, dsp, defect), { strictness: 5, browser: false });
  const owner = report.checks.find((c) => c.id === check)!;
  if (owner.status !== 'fail') wrong++;
  console.log(
    `${`${dsp} ${defect}`.padEnd(28)} ${owner.status === 'fail' ? 'fails' : 'PASSES'} ${check}; failing: ${report.checks
      .filter((c) => c.status === 'fail')
      .map((c) => c.id)
      .join(', ')}`,
  );
}
console.log(
  wrong
    ? `corpus: ${wrong} wrong verdict(s)`
    : 'corpus: every correct DSP passes at seeds 1 to 5, every defect fails its check',
);
process.exitCode = wrong ? 1 : 0;
