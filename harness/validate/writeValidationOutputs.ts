/**
 * Writes a validation report where asked: JSON, JUnit XML, the HTML page; and beside the JSON or
 * HTML, each failed check's evidence: the render its worst case was found in, as 32-bit float WAVs
 * (`<report>.<check>.<signal>.wav`: input, output, or the two renders it compared), named in the
 * report (`evidence`) and linked from the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeWav } from '../wav/wavFile.ts';
import type { ValidationReport } from './runValidation.ts';
import { formatHtmlReport, formatJunitReport } from './validationReport.ts';
import { wholeSignals } from './worstCase.ts';

/** Writes each failed check's evidence WAVs beside `report` (a file path) and names them in its results. */
async function writeEvidence(result: ValidationReport, beside: string): Promise<void> {
  const dir = dirname(resolve(beside));
  const stem = basename(beside).replace(/\.[^.]+$/, '');
  mkdirSync(dir, { recursive: true });
  for (const check of result.checks) {
    const signals = check.status === 'fail' ? wholeSignals(check.worst?.excerpt) : undefined;
    if (!signals || !check.worst?.sampleRate) continue;
    check.evidence = {};
    for (const [label, stereo] of Object.entries(signals)) {
      const file = `${stem}.${check.id}.${label.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}.wav`;
      await writeWav(join(dir, file), stereo, { sampleRate: check.worst.sampleRate, float: true });
      check.evidence[label] = file;
    }
  }
}

export async function writeValidationOutputs(
  report: ValidationReport,
  outputs: { junit?: string; json?: string; html?: string },
): Promise<void> {
  const write = (file: string, text: string) => {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, text);
  };
  const beside = outputs.html ?? outputs.json;
  if (beside) await writeEvidence(report, beside);
  if (outputs.json) write(outputs.json, `${JSON.stringify(report, null, 2)}\n`);
  if (outputs.junit) write(outputs.junit, formatJunitReport(report));
  if (outputs.html) write(outputs.html, await formatHtmlReport(report));
}
