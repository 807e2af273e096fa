/**
 * The JSON Schemas of the files a plugin project keeps, written from their one declaration each
 * into the package's `schemas/` (`npm run docs`; a test fails when they drift), so an editor
 * checks and completes a file as the harness will: `init` writes `$schema` into the files it makes.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectConfigSchema } from '../config/projectConfigSchema.ts';
import { liveGoldenSchema } from '../goldens/liveGolden.ts';
import { offlineSidecarSchema } from '../goldens/offlineGolden.ts';
import { scenarioFileSchema } from '../scenarios/scenarioSchema.ts';

export const FILE_SCHEMAS = {
  'scenario.schema.json': scenarioFileSchema,
  'wavecraft.config.schema.json': projectConfigSchema,
  'live-golden.schema.json': liveGoldenSchema,
  'offline-golden.schema.json': offlineSidecarSchema,
} as const;
export type FileSchemaName = keyof typeof FILE_SCHEMAS;

/** A schema file's text: the declaration as JSON (TypeBox's own markers are symbols, and drop out). */
export function fileSchemaText(name: FileSchemaName): string {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...FILE_SCHEMAS[name] };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The harness's `schemas/` folder: beside harness/ in a checkout, beside dist/ in the package. */
export function schemasDir(): string {
  for (const up of ['../../schemas', '../../../schemas']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(dir, 'scenario.schema.json'))) return dir;
  }
  throw new Error('the harness package has no schemas/scenario.schema.json; reinstall wavecraft-audio-harness');
}

/** The `$schema` a file at `file` names: the schema's path relative to the file's folder, with forward slashes. */
export function schemaReference(file: string, name: FileSchemaName, dir: string = schemasDir()): string {
  const path = relative(dirname(file), join(dir, name)).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
