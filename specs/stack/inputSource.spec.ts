/**
 * Wavecraft's input source methods, end to end: another client (Wavecraft's UI, say) selects the
 * test tone with setInputSource and the page plays it; the page's own choice of the microphone
 * reaches every client as inputSourceChanged, and getInputSource reports it.
 */
import type { InputSourceKind } from '../../contracts/ipc/messages.ts';
import { linearToDb } from '../../contracts/meters/decibels.ts';
import type { DevModePage } from '../../harness/page/devModePage.ts';
import { expect, test } from '../../harness/test.ts';

// Capture at -20 dBFS; the page's own test tone defaults to 1 kHz at -6 dBFS: the input level says which plays.
test.use({ inputWav: 'sine-1k-m20dbfs-stereo.wav' });

async function inputPeakDbAfterNow(page: DevModePage): Promise<number> {
  const from = (await page.status()).latestFrame + 4800; // 0.1 s on: past the switch
  await page.waitForFrame(from + 9600);
  const windows = (await page.readTrace()).windows.filter((w) => w.frame >= from);
  return linearToDb(Math.max(...windows.map((w) => w.inputPeak[0]!)));
}

test("setInputSource from another client switches the page; the page's own choice reaches every client", async ({
  devModePage,
  rpc,
  stack,
}) => {
  test.skip(!stack.embedded, 'the reference dev server and page implement the input source methods');
  await devModePage.startTrace();
  const heard: InputSourceKind[] = [];
  rpc.on('inputSourceChanged', ({ selected }) => heard.push(selected));
  await expect.poll(async () => (await rpc.call('getInputSource')).selected).toBe('hardwareInput');
  expect(await inputPeakDbAfterNow(devModePage)).toBeWithinDb(-20, 0.05);

  await rpc.call('setInputSource', { selected: 'testTone' });
  await expect.poll(async () => (await devModePage.status()).source).toBe('tone');
  await expect(devModePage.page.getByTestId('source-select')).toHaveValue('tone');
  expect(await inputPeakDbAfterNow(devModePage)).toBeWithinDb(-6, 0.05);

  await devModePage.selectSource('mic');
  // (The page's report of its first source may come in before testTone: judged from testTone on.)
  await expect.poll(() => heard.slice(heard.indexOf('testTone'))).toEqual(['testTone', 'hardwareInput']);
  expect((await rpc.call('getInputSource')).selected).toBe('hardwareInput');
  expect(await inputPeakDbAfterNow(devModePage)).toBeWithinDb(-20, 0.05);
  expect(rpc.protocolErrors).toEqual([]);
});
