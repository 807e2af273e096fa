/**
 * Visual golden of the meter display: the page's test tone at a known level (-6 dBFS in,
 * output_gain_level 0.25, -12.04 dB), screenshotted once the display has settled and compared with
 * goldens/screenshots/ (Playwright's toHaveScreenshot: pixelmatch, diff image attached on failure).
 */
import { expect, test } from '../harness/test.ts';

test.use({ audioSource: 'tone', tone: { frequencyHz: 1000, levelDb: -6 } });

test('the meter display at a settled -6/-18.04 dBFS reads and draws as recorded', async ({ devModePage, rpc }) => {
  await rpc.call('setParameter', { id: 'output_gain_level', value: 0.25 });
  const page = devModePage.page;
  // Settled: the output rows show the new level (data attributes carry the exact values).
  await expect(page.getByTestId('meter-output-left')).toHaveAttribute('data-peak-db', /^-18\.041/);
  await expect(page.getByTestId('meter-output-right')).toHaveAttribute('data-peak-db', /^-18\.041/);
  await expect(page.getByTestId('meter-input-left')).toHaveAttribute('data-peak-db', /^-6\.0000/);
  await expect(page.locator('#meter-panel')).toHaveScreenshot('meter-display-tone-m6-out-m18.png', {
    maxDiffPixels: 0,
  });
});
