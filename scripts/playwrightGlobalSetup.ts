/** Playwright global set-up: makes `npx playwright test` self-sufficient (idempotent and fast when done). */
import { runSetup } from './setup.ts';

export default async function globalSetup(): Promise<void> {
  await runSetup(() => undefined);
}
