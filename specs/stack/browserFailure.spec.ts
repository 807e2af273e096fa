/**
 * When the page closes or its renderer crashes mid-test, waiting on the audio clock fails on the
 * event and names the cause, instead of running into a limit: the wait is for a minute of audio,
 * and its error is the page's, never "did not happen within", "stood still" or "did not answer".
 * (Each test has its own browser, so the next test starts clean.)
 */
import { expect, test } from '../../harness/test.ts';

test('a page closed mid-wait fails fast, naming the closed page', async ({ devModePage }) => {
  const latest = (await devModePage.status()).latestFrame;
  const waiting = devModePage.waitForFrame(latest + 48_000 * 60); // a minute of audio away
  await devModePage.page.close();
  await expect(waiting).rejects.toThrow(/^while waiting for audio frame \d+: .*(closed|Target)/);
});

test('a renderer crash mid-wait fails fast, naming the crash', async ({ devModePage }) => {
  const latest = (await devModePage.status()).latestFrame;
  const waiting = devModePage.waitForFrame(latest + 48_000 * 60);
  waiting.catch(() => undefined);
  await devModePage.page.goto('chrome://crash').catch(() => undefined);
  await expect(waiting).rejects.toThrow(/^while waiting for audio frame \d+: .*(crash|closed|Target)/i);
});
