/**
 * Visual golden of the meter display: the page's test tone at a known level (-6 dBFS in,
 * output_gain_level 0.25, -12.04 dB), screenshotted once the display has settled and compared with
 * goldens/screenshots/ (Playwright's toHaveScreenshot: pixelmatch, diff image attached on failure;
 * the Chromium that recorded it beside it). Every glyph comes from the font the page ships, so the
 * golden holds on a machine with other fonts.
 */
import { expectScreenshotGolden } from '../harness/goldens/screenshotGolden.ts';
import { expect, test } from '../harness/test.ts';
import { glyphSources } from './support/glyphSources.ts';

test.use({ audioSource: 'tone', tone: { frequencyHz: 1000, levelDb: -6 } });

test('the meter display at a settled -6/-18.04 dBFS reads and draws as recorded', async ({
  devModePage,
  rpc,
  stack,
}, testInfo) => {
  await rpc.call('setParameter', { id: 'output_gain_level', value: 0.25 });
  const page = devModePage.page;
  // Settled: the output rows show the new level (data attributes carry the exact values).
  await expect(page.getByTestId('meter-output-left')).toHaveAttribute('data-peak-db', /^-18\.041/);
  await expect(page.getByTestId('meter-output-right')).toHaveAttribute('data-peak-db', /^-18\.041/);
  await expect(page.getByTestId('meter-input-left')).toHaveAttribute('data-peak-db', /^-6\.0000/);
  if (stack.embedded) {
    const fromMachine = (await glyphSources(page)).filter((s) => !s.embedded);
    expect(
      fromMachine.map((s) => `${s.family}: ${s.glyphs} glyphs, e.g. in "${s.example}"`),
      "the dev-mode page's glyphs drawn with the machine's fonts",
    ).toEqual([]);
  }
  await expectScreenshotGolden(page.locator('#meter-panel'), 'meter-display-tone-m6-out-m18.png', testInfo);
});
