/**
 * Where goldens live and how they are read and written: JSON checked against its schema on read
 * (errors give the file and the JSON pointer), every write atomic.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import { formatAjvErrors } from '../../contracts/ipc/validator.ts';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';
import { GoldenError } from './goldenError.ts';

const ajv = new Ajv({ allErrors: true, strict: false });

/** goldens/<DSP path>/<scenario><suffix>, under the suite's goldens folder. */
export function goldenPath(
  goldensDir: string,
  path: string,
  scenario: string,
  suffix: '.json' | '.wav' | '.wav.json',
): string {
  return join(goldensDir, path, `${scenario}${suffix}`);
}

export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

/** Reads and checks a JSON golden; null when the file does not exist. */
export function readJsonGolden<T>(file: string, schema: AnySchema): T | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GoldenError(
      displayPath(file),
      `not valid JSON (${(error as Error).message}); it is never overwritten outside record mode`,
    );
  }
  const validate = ajv.getSchema((schema as { $id?: string }).$id ?? '') ?? ajv.compile(schema);
  if (!validate(json))
    throw new GoldenError(
      displayPath(file),
      `does not match its schema: ${formatAjvErrors(validate.errors).join('; ')}`,
    );
  return json as T;
}

/** JSON with two-space indents, but arrays of numbers on one line, so diffs stay reviewable. */
export function formatGoldenJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_m, body: string) => `[${body.split(/,\s*/).join(', ')}]`)}\n`;
}

export async function writeJsonGolden(file: string, value: unknown): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomic(file, formatGoldenJson(value));
}

export async function writeBinaryGolden(file: string, bytes: Uint8Array): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomic(file, bytes);
}
