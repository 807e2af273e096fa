/** Writes a validation report where asked: JSON, JUnit XML, the HTML page. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ValidationReport } from './runValidation.ts';
import { formatHtmlReport, formatJunitReport } from './validationReport.ts';

export async function writeValidationOutputs(
  report: ValidationReport,
  outputs: { junit?: string; json?: string; html?: string },
): Promise<void> {
  const write = (file: string, text: string) => {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, text);
  };
  if (outputs.json) write(outputs.json, `${JSON.stringify(report, null, 2)}\n`);
  if (outputs.junit) write(outputs.junit, formatJunitReport(report));
  if (outputs.html) write(outputs.html, await formatHtmlReport(report));
}
