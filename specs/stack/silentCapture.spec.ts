/**
 * A capture that stays silent while its fixture is not must fail with "fake capture delivered
 * silence". The fixture here is silent for its first 5 s and loud after, so the capture really
 * is silent at first while the file as a whole is not.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_FRAMES, FIXTURE_SAMPLE_RATE } from '../../harness/fixtures/catalog.ts';
import { sine } from '../../harness/signals/signals.ts';
import { assertSourceNotSilent } from '../../harness/page/assertSourceNotSilent.ts';
import { DevModePage } from '../../harness/page/devModePage.ts';
import { expect, test } from '../../harness/test.ts';
import { writeWav } from '../../harness/wav/wavFile.ts';

test.use({ inputWav: 'late-tone.wav' });
test.beforeAll(async () => {
  const dir = fileURLToPath(new URL('../../fixtures/generated', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const signal = sine(FIXTURE_FRAMES, FIXTURE_SAMPLE_RATE, 1000, -6);
  signal.fill(0, 0, 5 * FIXTURE_SAMPLE_RATE);
  await writeWav(join(dir, 'late-tone.wav'), [signal], { sampleRate: FIXTURE_SAMPLE_RATE, bitDepth: 16 });
});

test('a silent capture of a non-silent fixture fails with "fake capture delivered silence"', async ({
  audioBrowser,
  stack,
  input,
}) => {
  const page = new DevModePage(await (await audioBrowser.newContext()).newPage());
  await page.open(DevModePage.url(stack.pageUrl, { devServerUrl: stack.devServerUrl, dsp: 'mock' }));
  await page.selectSource('mic');
  await page.waitUntilReady();
  await expect(
    assertSourceNotSilent(page, {
      source: 'mic',
      peakDb: input.peakDb,
      what: `${input.path} peaks at ${input.peakDb.toFixed(1)} dBFS`,
    }),
  ).rejects.toThrow(
    /^fake capture delivered silence: .*late-tone\.wav peaks at -6\.0 dBFS, but the page's input meter stayed below -46\.0 dBFS for 2 s of audio$/,
  );
});
