/**
 * What the dev-mode worklet adds around the DSP per 128-frame quantum, in Node: the meters over
 * the four signals and the oscilloscope tap (a copy per quantum, a 1024-point frame 20 times a
 * second), each as µs and as a share of the quantum's real-time budget (128 / 48000 s).
 */
import { MeterWindowAccumulator, OscilloscopeTap } from '../devmode/index.ts';
import { stats, type Stats } from './stats.ts';

export interface WorkletHostCost {
  metersUs: Stats;
  oscilloscopeUs: Stats;
  budgetUs: number;
}

function perQuantum(run: (quantum: number) => void, quanta: number, repeats: number): Stats {
  for (let q = 0; q < 20_000; q++) run(q); // warm-up: JIT
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const started = process.hrtime.bigint();
    for (let q = 0; q < quanta; q++) run(q);
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / quanta);
  }
  return stats(samples);
}

export function measureWorkletHostCost(quanta: number, repeats: number): WorkletHostCost {
  const N = 128;
  const l = Float32Array.from({ length: N }, (_, i) => 0.5 * Math.sin(i / 7));
  const r = l.map((x) => -x);
  const meters = new MeterWindowAccumulator(480);
  const tap = new OscilloscopeTap(2400);
  let sink = 0;
  const metersUs = perQuantum((q) => meters.add(q * N, N, l, r, l, r, () => sink++), quanta, repeats);
  const oscilloscopeUs = perQuantum((q) => void (tap.add(q * N, l, r, N) && sink++), quanta, repeats);
  if (sink < 0) throw new Error('unreachable');
  return { metersUs, oscilloscopeUs, budgetUs: (N / 48000) * 1e6 };
}
