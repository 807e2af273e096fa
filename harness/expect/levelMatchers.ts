/**
 * Assertions that keep their numbers: `expect(measuredDb).toBeWithinDb(expectedDb, toleranceDb)`
 * fails with the measured level, the expected one and the difference, not "expected 0.5 to be
 * less than or equal to 0.1". Used through `expect` from harness/test.ts.
 */
import { expect as baseExpect } from '@playwright/test';

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

export const expect = baseExpect.extend({
  toBeWithinDb(measuredDb: number, expectedDb: number, toleranceDb: number) {
    const delta = measuredDb - expectedDb;
    const pass = Number.isFinite(measuredDb) && Math.abs(delta) <= toleranceDb;
    const what = `measured ${measuredDb.toFixed(2)} dBFS, expected ${expectedDb.toFixed(2)} dBFS ± ${toleranceDb} dB: Δ ${signed(delta)} dB`;
    return {
      pass,
      name: 'toBeWithinDb',
      expected: expectedDb,
      actual: measuredDb,
      message: () =>
        pass
          ? `expected a level outside ±${toleranceDb} dB of ${expectedDb} dBFS; ${what}`
          : `level outside the tolerance: ${what}`,
    };
  },
});
