/**
 * The documentation a test keeps (doclint): the generated tables (README.md, docs/plugin-projects.md)
 * equal what the code's tables generate, every variable the source reads is in the environment
 * table, and docs/protocol.md lists exactly the methods and notifications the contracts declare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, NOTIFICATION_NAMES } from '../../contracts/ipc/messages.ts';
import { commandUsage } from '../../harness/cli/commandDefinition.ts';
import { COMMANDS, formatUsage } from '../../harness/cli/commandTable.ts';
import { ENVIRONMENT_VARIABLES } from '../../harness/config/environmentVariables.ts';
import { FILE_SCHEMAS, fileSchemaText, type FileSchemaName } from '../../harness/init/fileSchemas.ts';
import { GENERATED_SECTIONS, readSection } from './docTables.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const SKIP = new Set(['node_modules', 'dist', 'build', '.git', 'reports', 'generated']);

function sources(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? SKIP.has(e.name)
        ? []
        : sources(join(dir, e.name))
      : /\.(ts|mjs)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the documentation keeps to the code', () => {
  for (const [name, { files, generate }] of Object.entries(GENERATED_SECTIONS))
    for (const file of files) {
      it(`${file}'s generated section "${name}" is what the code generates (npm run docs rewrites it)`, () => {
        expect(readSection(read(file), name), `${file}'s <!-- generated:${name} --> section`).toBe(generate());
      });
    }

  for (const name of Object.keys(FILE_SCHEMAS) as FileSchemaName[])
    it(`schemas/${name} is its declaration (npm run docs rewrites it)`, () => {
      expect(read(`schemas/${name}`)).toBe(fileSchemaText(name));
    });

  it('every environment variable the source reads is in the table, and the table names none that nothing reads', () => {
    const read = new Map<string, string>();
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      const constants = new Set([...text.matchAll(/const (WAVECRAFT_[A-Z_]+)/g)].map((m) => m[1]));
      for (const m of text.matchAll(/\bWAVECRAFT_[A-Z_]+\b/g))
        if (!constants.has(m[0]) && !read.has(m[0])) read.set(m[0], relative(root, file));
    }
    const documented = new Set(Object.keys(ENVIRONMENT_VARIABLES));
    expect(
      [...read].filter(([name]) => !documented.has(name)).map(([name, file]) => `${name} (read in ${file})`),
      'variables read but not in harness/config/environmentVariables.ts',
    ).toEqual([]);
    // The other tools' variables (CHROMIUM_PATH, …) are read by name, as env['NAME'].
    const all = sources()
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const name of documented) if (!name.startsWith('WAVECRAFT_') && all.includes(`'${name}'`)) read.set(name, '');
    expect(
      [...documented].filter((name) => !read.has(name)),
      'variables in the table that nothing reads',
    ).toEqual([]);
  });

  it('the protocol table lists exactly the methods and notifications the contracts declare', () => {
    const protocol = read('docs/protocol.md');
    const rows = [...protocol.matchAll(/^\| `(\w+)` \| (method|notification)/gm)].map((m) => m[1]!);
    expect([...rows].sort()).toEqual([...METHOD_NAMES, ...NOTIFICATION_NAMES].sort());
  });

  it("docs/validator.md writes no option's default in prose: the generated option table holds them", () => {
    const prose = read('docs/validator.md').replace(/<!-- generated:([\w-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, '');
    const stated = [...prose.matchAll(/\(default[^)]*\d[^)]*\)|\bdefault \d/g)].map((m) => m[0]);
    expect(stated, 'defaults stated outside the generated tables').toEqual([]);
  });

  it('the usage text lists every command', () => {
    const usage = formatUsage('x');
    for (const c of Object.values(COMMANDS)) expect(usage).toContain(`  ${commandUsage(c)}\n        ${c.summary}`);
  });
});
