import { describe, expect, it } from 'vitest';
import { FAULT_IDS, type FaultId } from '../../../contracts/faults/faultCatalogue.ts';
import { MockDsp } from '../mock/mockDsp.ts';
import { FaultyDsp } from './faultyDsp.ts';

function run(fault: FaultId, input: (i: number) => number, change?: { at: number; id: string; value: number }) {
  const dsp = new FaultyDsp(new MockDsp(48000), fault);
  const n = 256;
  const inL = Float32Array.from({ length: n }, (_, i) => input(i));
  const inR = Float32Array.from({ length: n }, (_, i) => input(i) / 2);
  const outL = new Float32Array(n);
  const outR = new Float32Array(n);
  dsp.process(inL.subarray(0, 128), inR.subarray(0, 128), outL.subarray(0, 128), outR.subarray(0, 128), 128);
  if (change) dsp.setParameter(change.id, change.value);
  dsp.process(inL.subarray(128), inR.subarray(128), outL.subarray(128), outR.subarray(128), 128);
  return { inL, inR, outL, outR, dsp };
}
const ramp = (i: number) => (i + 1) / 1000;

describe('injected faults', () => {
  it('each changes the output or the parameter state the way its name says', () => {
    expect(run('gain+0.2', ramp).outL[10]).toBeCloseTo(ramp(10) * 10 ** 0.01, 6);
    expect(run('gain-0.2', ramp).outL[10]).toBeCloseTo(ramp(10) * 10 ** -0.01, 6);
    const swapped = run('swap-lr', ramp);
    expect(swapped.outL[10]).toBeCloseTo(ramp(10) / 2, 6);
    const late = run('delay-1', ramp);
    expect([late.outL[0], late.outL[1], late.outL[128]]).toEqual([0, Math.fround(ramp(0)), Math.fround(ramp(127))]);
    const click = run('click-on-change', ramp, { at: 128, id: 'input_trim_level', value: 1 });
    expect(click.outL[128]! - click.inL[128]!).toBeCloseTo(0.25, 5);
    expect(run('dc-offset', () => 0).outR[5]).toBeCloseTo(0.001, 9);
    expect(
      run('ack-not-applied', ramp, { at: 128, id: 'input_trim_level', value: 0.1 }).dsp.getParameter(
        'input_trim_level',
      ),
    ).toBe(1);
    expect(
      run('frozen-param', ramp, { at: 128, id: 'output_gain_level', value: 0.1 }).dsp.getParameter('output_gain_level'),
    ).toBe(1);
    const tail = run('denormal-tail', () => 0).outL;
    expect(tail.some((x) => x !== 0 && Math.abs(x) < 1.1754943508222875e-38)).toBe(true);
    const noRamp = run('no-ramp', () => 0.5, { at: 128, id: 'input_trim_level', value: 0.1 });
    expect(noRamp.outL[128]).toBeCloseTo(0.05, 6);
    expect(FAULT_IDS).toHaveLength(10);
  });
});
