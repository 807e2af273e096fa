/** `npm run docs`: rewrites the documentation's generated sections from the code's tables (docTables.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_SECTIONS, writeSections } from './docTables.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const file of new Set(Object.values(GENERATED_SECTIONS).flatMap((s) => s.files))) {
  const path = join(root, file);
  writeFileSync(path, writeSections(file, readFileSync(path, 'utf8')));
  console.log(`${file}: generated sections rewritten`);
}
