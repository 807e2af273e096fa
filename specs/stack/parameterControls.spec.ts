/**
 * The dev page's parameter controls as Wavecraft's UI groups them: one fieldset per processor
 * (from `<processor>_bypass` / `_enabled`), its gate first, the two "Level" sliders told apart by
 * their processor; values in their declared units; a skewed cutoff travels by its skew, says so,
 * and a slider move sends the skewed value.
 */
import { expect, test } from '../../harness/test.ts';

test('parameters are grouped and labelled by processor, with units and skew', async ({ devModePage, rpc, stack }) => {
  test.skip(!stack.embedded, 'the reference page draws these controls');
  const page = devModePage.page;
  const fieldsets = page.locator('[data-testid^="processor-"]');
  await expect(fieldsets).toHaveCount(4);
  expect(await fieldsets.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
    'processor-input_trim',
    'processor-soft_clip',
    'processor-tone_filter',
    'processor-output_gain',
  ]);
  await expect(page.getByTestId('processor-output_gain').locator('legend')).toHaveText('Output Gain output_gain');
  // Each processor lists its gate first, then its own parameters only.
  expect(
    await page
      .getByTestId('processor-tone_filter')
      .locator('label')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))),
  ).toEqual([
    'param-tone_filter_bypass',
    'param-tone_filter_mode',
    'param-tone_filter_cutoff_hz',
    'param-tone_filter_resonance_q',
  ]);
  // Two sliders named "Level", each under its own processor.
  await expect(
    page.getByTestId('processor-input_trim').getByTestId('param-input_trim_level').locator('span'),
  ).toHaveText('Level ');
  await expect(
    page.getByTestId('processor-output_gain').getByTestId('param-output_gain_level').locator('span'),
  ).toHaveText('Level ');
  // Units as declared; an enum by its variant.
  await expect(page.getByTestId('param-output_gain_level').locator('output')).toHaveText('1 x');
  await expect(page.getByTestId('param-tone_filter_cutoff_hz').locator('output')).toHaveText('1000 Hz');
  await expect(page.getByTestId('param-tone_filter_mode').locator('output')).toHaveText('Low-pass');
  // The skewed cutoff: shown, positioned by its skew, and a move sends the skewed value.
  await expect(page.getByTestId('skew-tone_filter_cutoff_hz')).toHaveText(' skew 2.5');
  const slider = page.getByTestId('param-tone_filter_cutoff_hz').locator('input');
  expect(Number(await slider.inputValue())).toBeCloseTo(((1000 - 20) / 19980) ** 2.5, 6);
  await slider.evaluate((el: HTMLInputElement) => {
    el.value = '0.5';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const expected = 20 + 19980 * 0.5 ** (1 / 2.5);
  await expect
    .poll(async () => (await rpc.call('getParameter', { id: 'tone_filter_cutoff_hz' })).value)
    .toBeCloseTo(expected, 0);
  await expect(page.getByTestId('param-tone_filter_cutoff_hz').locator('output')).toHaveText(/^1516\d\.?\d* Hz$/);
});
