/**
 * Playwright fixtures of the harness. Specs import `test` and `expect` from here.
 *
 * - `stack` (worker): the dev server and page under test; the embedded reference stack on free
 *   ports unless WAVECRAFT_DEV_SERVER_URL / WAVECRAFT_PAGE_URL point elsewhere.
 * - `inputWav` (option): the fixture fed to the fake microphone, e.g. 'sine-1k-m6dbfs-mono.wav'.
 * - `dspPath` (option): 'mock' or 'wasm'; set per Playwright project.
 * - `rpc`: a dev-server client with every parameter reset to its default.
 * - `audioBrowser`: the worker's Chromium whose fake microphone plays `inputWav` (kept for the
 *   worker's next test with that file; every context a test opens is closed after it).
 * - `devModePage`: a fresh context of it with the page open, the microphone selected, audio
 *   running and the capture checked for silence.
 * - `offlinePage`: the worker's offline-render page (renderer loaded once per worker).
 * - `audioHealth` (automatic): watches the machine, and the audio clock of every live page a
 *   test opens; it annotates each test with what it measured, and turns a failure on starved
 *   audio into an inconclusive verdict naming the cause (harness/verdict/verdict.ts).
 *
 * They are defined by role in testFixtures/: the worker's (workerFixtures.ts), the watch over a
 * test (audioHealthFixtures.ts) and a live test's page (liveFixtures.ts); their types in
 * fixtureTypes.ts.
 */
import { test as base } from '@playwright/test';
import { audioHealthFixtures } from './testFixtures/audioHealthFixtures.ts';
import type { TestFixtures, WorkerFixtures } from './testFixtures/fixtureTypes.ts';
import { liveFixtures } from './testFixtures/liveFixtures.ts';
import { workerFixtures } from './testFixtures/workerFixtures.ts';

export type { AudioHealthWatch, HarnessOptions, InputFixture, StackEndpoints } from './testFixtures/fixtureTypes.ts';

export const test = base.extend<TestFixtures, WorkerFixtures>({
  inputWav: ['sine-1k-m6dbfs-mono.wav', { option: true }],
  dspPath: ['mock', { option: true }],
  audioSource: ['mic', { option: true }],
  tone: [{ frequencyHz: 1000, levelDb: -6 }, { option: true }],
  pageSampleRate: [null, { option: true }],
  ...workerFixtures,
  ...audioHealthFixtures,
  ...liveFixtures,
});

/** Playwright's expect with the harness's level matchers (toBeWithinDb). */
export { expect } from './expect/levelMatchers.ts';
