/**
 * Lines of Playwright's --test-list file for one test: `[project] › file › title › ...`, files
 * relative to the config's rootDir. The nightly writes them for the inconclusive tests to measure
 * exactly those once more.
 *
 * Playwright loads the spec files a list names, then selects the tests whose *call site* file
 * (where test() was called) and titles match. For a test defined in a helper module, as every
 * scenario is (harness/suite/scenarioSuite.ts, loaded by scenarios.spec.ts), those are two files:
 * so two lines, one naming the spec file (it is loaded) and one the call site (the test matches).
 */
import { relative } from 'node:path';

export interface ListedTest {
  project: string;
  /** The spec file the test belongs to (absolute). */
  specFile: string;
  /** Where test() was called (absolute): Playwright's test.location.file. */
  file: string;
  /** Titles below the file: describe blocks, then the test. */
  titlePath: string[];
}

export function testListLines(test: ListedTest, rootDir: string): string[] {
  for (const part of [test.project, ...test.titlePath]) {
    if (part.includes('›')) throw new RangeError(`a --test-list line cannot hold a title with "›": ${part}`);
  }
  const line = (file: string) =>
    [`[${test.project}]`, relative(rootDir, file).split('\\').join('/'), ...test.titlePath].join(' › ');
  return [...new Set([line(test.specFile), line(test.file)])];
}
