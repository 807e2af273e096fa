/**
 * The README's generated sections: each lies between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` and is written from a table in the code (commands, environment
 * variables). `npm run docs` rewrites them; docTables.test.ts fails when they drift.
 */
import { formatCommandTable } from '../../harness/cli/commands.ts';
import { formatEnvironmentTable } from '../../harness/config/environmentVariables.ts';

export const GENERATED_SECTIONS: Record<string, () => string> = {
  commands: formatCommandTable,
  'environment-user': () => formatEnvironmentTable('user'),
  'environment-internal': () => formatEnvironmentTable('internal'),
};

const marker = (name: string) => new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);

/** The README's text of section `name`, or null when its markers are missing. */
export function readSection(readme: string, name: string): string | null {
  const match = marker(name).exec(readme);
  return match ? match[0].slice(match[1]!.length, match[0].length - match[2]!.length).replace(/\n$/, '') : null;
}

/** `readme` with every generated section rewritten from the code. */
export function writeSections(readme: string): string {
  let text = readme;
  for (const [name, generate] of Object.entries(GENERATED_SECTIONS)) {
    if (!marker(name).test(text)) throw new Error(`README.md has no <!-- generated:${name} --> … <!-- /generated:${name} --> section`);
    text = text.replace(marker(name), (_all, open: string, close: string) => `${open}${generate()}\n${close}`);
  }
  return text;
}
