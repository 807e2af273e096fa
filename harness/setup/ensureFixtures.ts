/** Generates the standard input fixtures when missing or stale and verifies their SHA-256. */
import { generateFixtures } from '../fixtures/generate.ts';

export async function ensureFixtures(
  log: (line: string) => void,
  options: { dir?: string; only?: ReadonlySet<string> } = {},
): Promise<void> {
  const problems = await generateFixtures({ ...options, log: (line) => log(`fixtures: ${line}`) });
  if (problems.length > 0) throw new Error(`fixtures do not match their manifest:\n  ${problems.join('\n  ')}`);
  log(`fixtures: verified${options.dir ? ` in ${options.dir}` : ''}`);
}
