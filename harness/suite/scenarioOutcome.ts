/**
 * What one scenario test found, gathered over its live, offline and parity parts: the problems
 * (thrown together at the end), the golden changes and files written (attached for record's
 * change table) and the statistics left unchanged.
 */
import type { TestInfo } from '@playwright/test';
import type { GoldenChange } from '../goldens/goldenCheck.ts';
import type { UpdateMode } from '../goldens/recordMode.ts';

export class ScenarioOutcome {
  readonly problems: string[] = [];
  private readonly changes: GoldenChange[] = [];
  private readonly written: string[] = [];
  private unchanged = 0;

  constructor(
    private readonly scenario: string,
    private readonly path: string,
  ) {}

  /** A golden check's findings. */
  add(checked: {
    problems?: readonly string[];
    changes: readonly GoldenChange[];
    written: readonly string[];
    unchanged: number;
  }): void {
    this.problems.push(...(checked.problems ?? []));
    this.changes.push(...checked.changes);
    this.written.push(...checked.written);
    this.unchanged += checked.unchanged;
  }

  /** Attaches the golden changes (record mode, or any file written), then throws every problem found. */
  async finish(testInfo: TestInfo, mode: UpdateMode): Promise<void> {
    const { scenario, path, written, changes, unchanged } = this;
    if (written.length > 0 || (mode !== 'none' && changes.length > 0)) {
      await testInfo.attach('golden-changes', {
        body: JSON.stringify({ scenario, path, written, changes, unchanged }),
        contentType: 'application/json',
      });
    }
    if (this.problems.length > 0)
      throw new Error(
        `scenario ${scenario} [${path}]: ${this.problems.length} problem(s)\n  ${this.problems.join('\n  ')}`,
      );
  }
}
