/**
 * Where a golden was made, kept beside it: the Chromium build that rendered it, the rate the fake
 * capture ran at, the page's AudioContext rate and the DSP build's SHA-256. A failure under a
 * different origin says so first ("recorded with Chromium 156.0.8078.129, running 153.0.8010.0"),
 * so a reader knows whether to suspect the build or the machine.
 */
import { Type, type Static } from '@sinclair/typebox';
import { exact, numberOrNull, stringOrNull } from '../../contracts/schema/schemaParts.ts';

export const goldenOriginSchema = Type.Object(
  {
    chromium: Type.String({ minLength: 1, description: "Chromium's version as Playwright reports it" }),
    captureSampleRate: Type.Optional(
      numberOrNull({
        description: "the fake capture's sample rate, Hz (null: no capture played, e.g. the page's tone or file)",
      }),
    ),
    sampleRate: Type.Optional(numberOrNull({ description: "the page's AudioContext rate, Hz" })),
    dspBuildSha256: Type.Optional(
      stringOrNull({ description: "SHA-256 of the DSP build (a WASM module's bytes, the mock DSP's sources)" }),
    ),
  },
  exact,
);
export type GoldenOrigin = Static<typeof goldenOriginSchema>;

/** What differs between where a golden was recorded and where it runs, one phrase each ([] when nothing does). */
export function originDifferences(recorded: GoldenOrigin | undefined, running: GoldenOrigin): string[] {
  if (!recorded) return [];
  const found: string[] = [];
  if (recorded.chromium !== running.chromium)
    found.push(`recorded with Chromium ${recorded.chromium}, running ${running.chromium}`);
  const rate = (hz: number | null | undefined) => (hz ? `${hz} Hz` : 'none');
  if (
    recorded.captureSampleRate !== undefined &&
    running.captureSampleRate !== undefined &&
    recorded.captureSampleRate !== running.captureSampleRate
  )
    found.push(
      `fake capture recorded at ${rate(recorded.captureSampleRate)}, running at ${rate(running.captureSampleRate)}`,
    );
  if (
    recorded.sampleRate !== undefined &&
    running.sampleRate !== undefined &&
    recorded.sampleRate !== running.sampleRate
  )
    found.push(`page recorded at ${rate(recorded.sampleRate)}, running at ${rate(running.sampleRate)}`);
  if (recorded.dspBuildSha256 && running.dspBuildSha256 && recorded.dspBuildSha256 !== running.dspBuildSha256)
    found.push(
      `DSP build recorded ${recorded.dspBuildSha256.slice(0, 12)}, running ${running.dspBuildSha256.slice(0, 12)}`,
    );
  return found;
}

/** The line a failure leads with when the golden came from elsewhere, or ''. */
export function originNote(recorded: GoldenOrigin | undefined, running: GoldenOrigin): string {
  const found = originDifferences(recorded, running);
  return found.length ? `(${found.join('; ')}) ` : '';
}
