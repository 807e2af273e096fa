/**
 * Chromium turns a capture file it cannot use into silence without a word. When the source is
 * not silent, the page's input meter must show sound within 2 s of audio; otherwise this fails
 * with "fake capture delivered silence" (or "the <source> source delivered silence").
 */
import type { PlayedSourceKind } from '../../contracts/probe/sourceKinds.ts';
import type { DevModePage } from './devModePage.ts';

export async function assertSourceNotSilent(
  page: DevModePage,
  source: { source: PlayedSourceKind; peakDb: number; what: string },
  withinSeconds = 2,
): Promise<void> {
  if (source.peakDb <= -80) return; // a silent fixture is allowed to be silent
  await page.startTrace();
  const thresholdDb = source.peakDb - 40;
  if (await page.waitForInputSound(thresholdDb, withinSeconds)) return;
  const lead =
    source.source === 'mic' ? 'fake capture delivered silence' : `the ${source.source} source delivered silence`;
  throw new Error(
    `${lead}: ${source.what}, but the page's input meter stayed below ${thresholdDb.toFixed(1)} dBFS for ${withinSeconds} s of audio`,
  );
}
