/**
 * The faults `selfcheck` injects around a DSP backend, in the dev-mode page's worklet (live and
 * offline), to measure what a suite catches. Each names a real kind of DSP or host bug.
 */
export const FAULTS = {
  'gain+0.2': 'output 0.2 dB too loud',
  'gain-0.2': 'output 0.2 dB too quiet',
  'swap-lr': 'left and right output channels swapped',
  'delay-1': 'output one frame late',
  'click-on-change': 'a click (+0.25) on the first sample after each parameter change',
  'ack-not-applied': 'parameter changes acknowledged but never applied',
  'dc-offset': 'a DC offset of -60 dBFS (0.001) on the output',
  'no-ramp': 'parameter changes jump instead of ramping (the DSP is reset at each change)',
  'frozen-param': 'the first parameter changed after start keeps its old value',
  'denormal-tail': 'silent input leaves a decaying tail of subnormal samples in the output',
} as const;

export type FaultId = keyof typeof FAULTS;

export const FAULT_IDS = Object.keys(FAULTS) as FaultId[];

export function isFaultId(value: string): value is FaultId {
  return value in FAULTS;
}
