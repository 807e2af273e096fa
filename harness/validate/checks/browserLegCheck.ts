/**
 * 12. Browser leg: the same module in the dev-mode page's AudioWorklet (an OfflineAudioContext in
 * headless Chromium, at 44.1 and 48 kHz), with parameter changes on render quanta, must give
 * exactly what the Node host gives. Catches what only the browser shows (worklet scope, memory
 * views after growth, the page's host).
 */
import { startReferenceStack } from '../../../devmode/index.ts';
import { launchChromium } from '../../browser/launchChromium.ts';
import { float32ToBase64 } from '../../io/float32Base64.ts';
import { renderOffline } from '../../offline/offlineRenderer.ts';
import { randomSet } from '../parameterSets.ts';
import { firstDifference, freshInstance, renderBlocks, type ParameterChange } from '../render.ts';
import { noise } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt } from '../worstCase.ts';

const QUANTUM = 128;

export const browserLegCheck: ValidatorCheck<'browser'> = {
  id: 'browser',
  title: 'Browser leg',
  explanation:
    "1 s of noise through the module in the dev-mode page's AudioWorklet (OfflineAudioContext, headless Chromium) at 44.1 and 48 kHz, with 8 parameter changes on render quanta, equals the Node render sample for sample",
  minStrictness: 3,
  async run({ subject, options, random, rates, chromium: findChromium }) {
    if (!options.browser) return { status: 'skip', summary: 'turned off (--no-browser)' };
    if (subject.kind !== 'wasm' || !subject.name.endsWith('.wasm'))
      return { status: 'skip', summary: 'runs a WASM module file only' };
    let chromiumPath: string;
    try {
      chromiumPath = await findChromium();
    } catch (error) {
      return {
        status: 'fail',
        summary: `cannot run the browser leg: ${(error as Error).message.split('\n')[0]} (pass --no-browser to leave it out)`,
        worst: { what: 'no Chromium' },
      };
    }
    const stack = await startReferenceStack({ devServerPort: 0, pagePort: 0, wasmPath: subject.name });
    const browser = await launchChromium(chromiumPath);
    try {
      const page = await (await browser.newContext()).newPage();
      for (const rate of [44100, 48000].filter((r) => rates.includes(r))) {
        const frames = rate;
        const input = noise(frames, random.int(1, 2 ** 31));
        const initial = randomSet(subject.definitions, random);
        const changes: ParameterChange[] = [];
        for (let i = 0; i < 8 && subject.definitions.length > 0; i++) {
          const frame = random.int(1, Math.floor(frames / QUANTUM) - 1) * QUANTUM;
          const index = random.int(0, subject.definitions.length - 1);
          changes.push({
            frame,
            index,
            value: randomSet([subject.definitions[index]!], random)[subject.definitions[index]!.id]!,
          });
        }
        changes.sort((a, b) => a.frame - b.frame);
        subject.where = `browser leg (Node side), ${rate} Hz`;
        const expected = renderBlocks(freshInstance(subject, rate, initial)!, input, () => QUANTUM, changes);
        const rendered = await renderOffline(page, stack.pageOrigin, {
          dsp: 'wasm',
          wasmUrl: `${stack.pageOrigin}/dsp.wasm`,
          sampleRate: rate,
          frames,
          input: { kind: 'samples', channelsBase64: [float32ToBase64(input[0]), float32ToBase64(input[1])] },
          initialParameters: initial,
          events: changes.map((c) => ({ frame: c.frame, values: { [subject.definitions[c.index]!.id]: c.value } })),
        });
        const d = firstDifference(expected, rendered.channels);
        if (d) {
          return {
            status: 'fail',
            summary: `the AudioWorklet render differs from the Node render from frame ${d.frame} ${d.channel} (${d.a} in Node, ${d.b} in Chromium) at ${rate} Hz, ${describeParams(initial)}`,
            worst: {
              what: 'the browser render differs from the Node render',
              params: initial,
              input: 'seeded white noise at -6 dBFS',
              sampleRate: rate,
              blockSize: rendered.blockFrames,
              frame: d.frame,
              channel: d.channel,
              value: d.b,
              expected: d.a,
              excerpt: excerpt(d.frame, d.channel, { node: expected, chromium: rendered.channels }),
            },
          };
        }
      }
      return {
        status: 'pass',
        summary: 'AudioWorklet renders at 44.1 and 48 kHz equal the Node renders sample for sample',
      };
    } catch (error) {
      return {
        status: 'fail',
        summary: `the module failed in the browser: ${(error as Error).message.split('\n')[0]}`,
        worst: { what: (error as Error).message.split('\n')[0]! },
      };
    } finally {
      await browser.close();
      await stack.close();
    }
  },
};
