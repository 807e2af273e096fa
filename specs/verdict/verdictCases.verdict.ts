/**
 * Three live tests, each ending in one of the harness's verdicts for a reason the outer test
 * (specs/stack/verdict.spec.ts) checks: a mismatch on clean audio fails; the same mismatch after
 * the machine froze the page's renderer (SIGSTOP for 3 s, as a starved machine does) is
 * inconclusive, naming the cause; a page whose main thread hangs for good fails, naming what hung.
 */
import type { Browser } from '@playwright/test';
import { expect, test } from '../../harness/test.ts';
import { INCONCLUSIVE } from '../../harness/verdict/verdict.ts';

/** Process ids of the browser's renderers (CDP SystemInfo). */
async function rendererPids(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await cdp.detach();
  }
}

/** The mismatch every case makes: the output level of the -6 dBFS sine, expected at 0 dBFS. */
async function assertFullScale(devModePage: import('../../harness/page/devModePage.ts').DevModePage): Promise<void> {
  const status = await devModePage.status();
  await devModePage.waitForFrame(status.latestFrame + Math.round(0.3 * status.sampleRate!));
  const trace = await devModePage.readTrace();
  const peak = Math.max(...trace.windows.slice(-20).map((w) => w.outputPeak[0]));
  expect(
    20 * Math.log10(peak),
    'output peak (dBFS) of the -6 dBFS sine, expected at full scale on purpose',
  ).toBeCloseTo(0, 1);
}

test('a mismatch on clean audio fails', async ({ devModePage }) => {
  await devModePage.startTrace();
  await assertFullScale(devModePage);
});

test('the same mismatch after the machine froze the page for 3 s is inconclusive', async ({
  devModePage,
  audioBrowser,
}) => {
  await devModePage.startTrace();
  const pids = await rendererPids(audioBrowser);
  expect(pids.length, 'renderer processes found').toBeGreaterThan(0);
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const pid of pids) process.kill(pid, 'SIGCONT');
  // The browser updates its underrun figures about once a second: let a second of audio pass.
  const after = await devModePage.status();
  await devModePage.waitForFrame(after.latestFrame + Math.round(1.2 * after.sampleRate!));
  await assertFullScale(devModePage);
});

test('record mode asks whether the measured audio was starved: no before the freeze, yes after it', async ({
  devModePage,
  audioBrowser,
  audioHealth,
}) => {
  await devModePage.startTrace();
  const status = await devModePage.status();
  await devModePage.waitForFrame(status.latestFrame + Math.round(1.5 * status.sampleRate!));
  // A machine this busy before the freeze cannot show the "clean" half: say so (inconclusive), never fail.
  const before = audioHealth.starvation('input', 'measurement');
  if (before) {
    test.info().annotations.push({ type: INCONCLUSIVE, description: `before the freeze already: ${before}` });
    test.skip(true, `inconclusive: the machine starved the audio before the freeze (${before})`);
  }
  const pids = await rendererPids(audioBrowser);
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const pid of pids) process.kill(pid, 'SIGCONT');
  const after = await devModePage.status();
  await devModePage.waitForFrame(after.latestFrame + Math.round(0.5 * after.sampleRate!));
  expect(audioHealth.starvation('input', 'measurement')).toMatch(/too busy to measure/);
});

test('a page whose main thread hangs fails, naming what hung', async ({ devModePage }) => {
  await devModePage.startTrace();
  await devModePage.page.evaluate(
    () =>
      void setTimeout(() => {
        for (;;);
      }, 0),
  );
  const status = { latestFrame: 0 };
  await devModePage.waitForFrame(status.latestFrame + 48_000 * 60);
});
