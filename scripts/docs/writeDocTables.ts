/** `npm run docs`: rewrites the README's generated sections from the code's tables (docTables.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeSections } from './docTables.ts';

const readme = fileURLToPath(new URL('../../README.md', import.meta.url));
writeFileSync(readme, writeSections(readFileSync(readme, 'utf8')));
console.log('README.md: generated sections rewritten');
