/**
 * `npm run docs`: rewrites the documentation's generated sections from the code's tables
 * (docTables.ts), and the file formats' JSON Schemas in schemas/ from their declarations.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILE_SCHEMAS, fileSchemaText, type FileSchemaName } from '../../harness/init/fileSchemas.ts';
import { GENERATED_SECTIONS, writeSections } from './docTables.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const file of new Set(Object.values(GENERATED_SECTIONS).flatMap((s) => s.files))) {
  const path = join(root, file);
  writeFileSync(path, writeSections(file, readFileSync(path, 'utf8')));
  console.log(`${file}: generated sections rewritten`);
}
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const name of Object.keys(FILE_SCHEMAS) as FileSchemaName[]) {
  writeFileSync(join(root, 'schemas', name), fileSchemaText(name));
  console.log(`schemas/${name}: written from its declaration`);
}
