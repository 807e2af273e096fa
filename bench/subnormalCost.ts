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

type Measure = (bytes: number[], passes: number, repeats: number) => { normal: number[]; subnormal: number[] };

/**
 * Runs in the page and in Node alike (plain JavaScript, as a string: the page gets it as written):
 * ns per sample for normal and for subnormal values, `repeats` times each.
 */
const MEASURE_SOURCE = `(bytes, passes, repeats) => {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)));
  const { fill, run } = instance.exports;
  const time = (value) => {
    fill(value);
    run(2);
    fill(value);
    const t0 = performance.now();
    run(passes);
    return ((performance.now() - t0) * 1e6) / (passes * ${FRAMES});
  };
  const normal = [];
  const subnormal = [];
  for (let r = 0; r < repeats; r++) {
    normal.push(time(0.3));
    subnormal.push(time(1e-39));
  }
  return { normal, subnormal };
}`;
const measure = new Function(`return ${MEASURE_SOURCE}`)() as Measure;

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
    const inPage = (await page.evaluate(`(${MEASURE_SOURCE})(${JSON.stringify(bytes)}, ${passes}, ${repeats})`)) as {
      normal: number[];
      subnormal: number[];
    };
    return { chromium: summarise(inPage), node: summarise(measure(bytes, passes, repeats)) };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('subnormalCost.ts')) {
  const cost = await measureSubnormalCost();
  console.log(JSON.stringify(cost, null, 2));
}
