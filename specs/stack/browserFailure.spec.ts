/**
 * When the page closes or its renderer crashes mid-test, waiting on the audio clock fails at once
 * and names the cause, instead of running into a timeout. (Each test has its own browser, so the
 * next test starts clean.)
 */
import { expect, test } from '../../harness/test.ts';

test('a page closed mid-wait fails fast, naming the closed page', async ({ devModePage }) => {
  const latest = (await devModePage.status()).latestFrame;
  const waiting = devModePage.waitForFrame(latest + 48_000 * 60); // a minute of audio away
  const closedAt = Date.now();
  await devModePage.page.close();
  await expect(waiting).rejects.toThrow(/while waiting for audio frame \d+: .*(closed|Target)/);
  expect(Date.now() - closedAt).toBeLessThan(2000);
});

test('a renderer crash mid-wait fails fast, naming the crash', async ({ devModePage }) => {
  const latest = (await devModePage.status()).latestFrame;
  const waiting = devModePage.waitForFrame(latest + 48_000 * 60);
  waiting.catch(() => undefined);
  const crashedAt = Date.now();
  await devModePage.page.goto('chrome://crash').catch(() => undefined);
  await expect(waiting).rejects.toThrow(/while waiting for audio frame \d+: .*(crash|closed|Target)/i);
  expect(Date.now() - crashedAt).toBeLessThan(5000);
});
