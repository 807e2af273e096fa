/** The harness's level matcher keeps its numbers: a failure says measured, expected and Δ. */
import { expect, test } from '../harness/test.ts';

test('toBeWithinDb passes inside the tolerance and fails with measured, expected and Δ outside it', () => {
  expect(-12.04).toBeWithinDb(-12, 0.1);
  expect(() => expect(-11.5).toBeWithinDb(-12, 0.1)).toThrow(
    'level outside the tolerance: measured -11.50 dBFS, expected -12.00 dBFS ± 0.1 dB: Δ +0.50 dB',
  );
  expect(() => expect(Number.NEGATIVE_INFINITY).toBeWithinDb(-12, 0.1)).toThrow(/measured -Infinity dBFS/);
  expect(() => expect(-12).not.toBeWithinDb(-12, 0.1)).toThrow(
    'expected a level outside ±0.1 dB of -12 dBFS; measured -12.00 dBFS, expected -12.00 dBFS ± 0.1 dB: Δ +0.00 dB',
  );
});
