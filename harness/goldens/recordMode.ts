/**
 * Whether a golden may be written, from Playwright's own `--update-snapshots` mode
 * (`testInfo.config.updateSnapshots`). The config's default is 'none': outside record mode no
 * golden is ever written.
 *
 * | mode    | missing | changed | unchanged |
 * |---------|---------|---------|-----------|
 * | none    | fail    | fail    | keep      |
 * | missing | write   | fail    | keep      |
 * | changed | write   | write   | keep      |
 * | all     | write   | write   | write     |
 */
export type UpdateMode = 'all' | 'changed' | 'missing' | 'none';
export type GoldenState = 'missing' | 'changed' | 'unchanged';

export function shouldWriteGolden(mode: UpdateMode, state: GoldenState): boolean {
  if (mode === 'all') return true;
  if (mode === 'changed') return state !== 'unchanged';
  if (mode === 'missing') return state === 'missing';
  return false;
}

/** How to record, as the runner that started the suite says (the CLI sets WAVECRAFT_RECORD_HELP). */
export const RECORD_HELP =
  process.env['WAVECRAFT_RECORD_HELP'] ??
  'record it with: npm run record -- --grep "<test title>" (or npx playwright test --update-snapshots=changed)';
