/**
 * What the audio-health watch costs (figure 5): a dev-mode page plays its microphone while the
 * watch (harness/health/audioClockSampler.ts, a probe status read every 250 ms) is on and off in
 * turns, and the CPU of this process and its Chromium (every process under it, /proc) is read
 * over each stretch. The difference, in cores, is the watch's CPU time per second of a test: as a
 * share of one core's wall time it is what the watch costs a test.
 *
 *   npx tsx bench/healthWatchCost.ts [--rounds 6] [--seconds 5]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startReferenceStack } from '../devmode/index.ts';
import { requireChromium } from '../harness/browser/findChromium.ts';
import { launchChromium } from '../harness/browser/launchChromium.ts';
import { readHarnessConfig } from '../harness/config/harnessConfig.ts';
import { resolveInputWav } from '../harness/config/inputFixtures.ts';
import { AudioClockSampler } from '../harness/health/audioClockSampler.ts';
import { DevModePage } from '../harness/page/devModePage.ts';
import { stats, type Stats } from './stats.ts';

export interface HealthWatchCost {
  /** Cores busy (this process and its Chromium) while a page plays, per stretch. */
  watchOff: Stats;
  watchOn: Stats;
  /** Median on − median off: the watch's CPU seconds per second (negative: below the noise). */
  extraCores: number;
  /** Reads the watch made per second while on. */
  readsPerSecond: number;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of this process and every process under it. */
function treeCpuSeconds(): number {
  const children = new Map<string, string[]>();
  const stat = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').at(-1)!.trim().split(/\s+/);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const parent = stat(pid)[1]!;
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  const stack = [String(process.pid)];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const fields = stat(pid);
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

export async function measureHealthWatchCost(rounds: number, seconds: number): Promise<HealthWatchCost> {
  const stack = await startReferenceStack({ devServerPort: 0, pagePort: 0 });
  const browser = await launchChromium(requireChromium().path, {
    captureWav: resolveInputWav('sine-1k-m6dbfs-mono.wav', readHarnessConfig({}).fixturesDirs),
  });
  try {
    const page = await (await browser.newContext()).newPage();
    const devModePage = new DevModePage(page);
    await devModePage.open(
      DevModePage.url(`${stack.pageOrigin}/index.html`, { devServerUrl: stack.devServerUrl, dsp: 'wasm' }),
    );
    await devModePage.selectSource('mic');
    await devModePage.waitUntilReady();
    const off: number[] = [];
    const on: number[] = [];
    let reads = 0;
    let readSeconds = 0;
    for (let round = 0; round < rounds; round++) {
      for (const watched of [false, true]) {
        const sampler = watched ? new AudioClockSampler(page).start() : null;
        const cpu = treeCpuSeconds();
        const started = performance.now();
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        const wall = (performance.now() - started) / 1000;
        (watched ? on : off).push((treeCpuSeconds() - cpu) / wall);
        if (sampler) {
          await sampler.stop();
          reads += sampler.reads;
          readSeconds += wall;
        }
      }
    }
    const watchOff = stats(off);
    const watchOn = stats(on);
    return { watchOff, watchOn, extraCores: watchOn.median - watchOff.median, readsPerSecond: reads / readSeconds };
  } finally {
    await browser.close();
    await stack.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, seconds: { type: 'string' } } });
  const cost = await measureHealthWatchCost(Number(values.rounds ?? 6), Number(values.seconds ?? 5));
  console.log(JSON.stringify(cost, null, 2));
}
