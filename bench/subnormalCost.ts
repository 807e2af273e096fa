/**
 * What subnormal floats cost a WASM DSP in Chromium, per sample, against normal floats in the same
 * run: one module (WAT, compiled with wabt) runs the same multiply-add over a buffer of 1024 f32s,
 * `x = x*0.5 + x*0.5` (each value stays where it is, subnormal or normal), first with normal values
 * (0.3) and then with subnormal ones (1e-39), in a headless Chromium page and in Node. WebAssembly
 * has no flush-to-zero, so the CPU's subnormal path is what a DSP pays when its state decays into
 * that range unflushed. The ratio decides how the validator ranks subnormal output (docs/validator.md).
 */
import wabtInit from 'wabt';
import { requireChromium } from '../harness/browser/findChromium.ts';
import { launchChromium } from '../harness/browser/launchChromium.ts';
import { stats } from './stats.ts';

const FRAMES = 1024;

const WAT = `(module
  (memory (export "memory") 1)
  (func (export "fill") (param $v f32)
    (local $i i32)
    (loop $l
      (f32.store (i32.shl (local.get $i) (i32.const 2)) (local.get $v))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const ${FRAMES})))))
  (func (export "run") (param $passes i32)
    (local $i i32) (local $p i32) (local $x f32)
    (loop $pass
      (local.set $i (i32.const 0))
      (loop $l
        (local.set $x (f32.load (i32.shl (local.get $i) (i32.const 2))))
        (f32.store (i32.shl (local.get $i) (i32.const 2))
          (f32.add (f32.mul (local.get $x) (f32.const 0.5)) (f32.mul (local.get $x) (f32.const 0.5))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const ${FRAMES}))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $pass (i32.lt_u (local.get $p) (local.get $passes))))))`;

export interface SubnormalCost {
  /** ns per sample (one load, two multiplies, an add, a store), median over repeats. */
  chromium: { normalNs: number; subnormalNs: number; ratio: number };
  node: { normalNs: number; subnormalNs: number; ratio: number };
}

async function moduleBytes(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('subnormal-cost.wat', WAT);
  const { buffer } = parsed.toBinary({});
  parsed.destroy();
  return buffer;
}

interface MeasureArgs {
  bytes: number[];
  passes: number;
  repeats: number;
  frames: number;
}

/** Runs in the page (handed to it by Playwright) and in Node alike: ns per sample, normal and subnormal. */
function measure({ bytes, passes, repeats, frames }: MeasureArgs): { normal: number[]; subnormal: number[] } {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)));
  const { fill, run } = instance.exports as unknown as { fill: (v: number) => void; run: (passes: number) => void };
  const normal: number[] = [];
  const subnormal: number[] = [];
  for (let r = 0; r < repeats; r++)
    for (const [value, into] of [
      [0.3, normal],
      [1e-39, subnormal],
    ] as const) {
      fill(value);
      run(2);
      fill(value);
      const t0 = performance.now();
      run(passes);
      into.push(((performance.now() - t0) * 1e6) / (passes * frames));
    }
  return { normal, subnormal };
}

const summarise = ({ normal, subnormal }: { normal: number[]; subnormal: number[] }) => {
  const normalNs = stats(normal).median;
  const subnormalNs = stats(subnormal).median;
  return { normalNs, subnormalNs, ratio: subnormalNs / normalNs };
};

export async function measureSubnormalCost(passes = 2000, repeats = 5): Promise<SubnormalCost> {
  const bytes = [...(await moduleBytes())];
  const browser = await launchChromium(requireChromium().path, {});
  try {
    const page = await browser.newPage();
    // tsx names functions through a helper (__name) the page does not have: an identity stands in for it.
    await page.evaluate('globalThis.__name = (f) => f');
    const args = { bytes, passes, repeats, frames: FRAMES };
    const inPage = await page.evaluate(measure, args);
    return { chromium: summarise(inPage), node: summarise(measure(args)) };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('subnormalCost.ts')) {
  const cost = await measureSubnormalCost();
  console.log(JSON.stringify(cost, null, 2));
}
