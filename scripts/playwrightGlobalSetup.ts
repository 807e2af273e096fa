/**
 * Playwright global set-up: makes `npx playwright test` self-sufficient (idempotent and fast when
 * done), and warms the browser so a fresh machine's first launch is no test's time.
 */
import { requireChromium } from '../harness/browser/findChromium.ts';
import { warmBrowser } from '../harness/setup/warmBrowser.ts';
import { runSetup } from './setup.ts';

export default async function globalSetup(): Promise<void> {
  await runSetup(() => undefined);
  // stderr: stdout may carry a reporter's output (--reporter=json).
  await warmBrowser(requireChromium().path, (line) => console.error(`[wavecraft] ${line}`));
}
