/**
 * Renders a scenario offline: its input from the top, step 0's values in place before the first
 * block, and each later step on the quantum where its hold begins.
 */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { renderOffline, type OfflineRender } from '../offline/offlineRenderer.ts';
import type { Scenario } from './scenario.ts';

export const OFFLINE_SAMPLE_RATE = 48000;
const QUANTUM = 128;

export interface OfflineScenarioRender {
  render: OfflineRender;
  eventFrames: number[];
  fixtureSha256: string;
}

/** Frames where each step starts: whole quanta, step 0 at frame 0. */
export function scenarioEventFrames(scenario: Scenario, sampleRate = OFFLINE_SAMPLE_RATE): number[] {
  let seconds = 0;
  return scenario.steps.map((step) => {
    const frame = Math.round((seconds * sampleRate) / QUANTUM) * QUANTUM;
    seconds += step.holdSeconds;
    return frame;
  });
}

export async function renderScenarioOffline(
  page: Page,
  options: {
    scenario: Scenario;
    dsp: DspPath;
    pageOrigin: string;
    inputPath: string | null;
    mount: (urlPath: string, file: string) => string;
    defaults: Record<string, number>;
  },
): Promise<OfflineScenarioRender> {
  const { scenario, dsp, inputPath } = options;
  const eventFrames = scenarioEventFrames(scenario);
  const totalSeconds = scenario.steps.reduce((s, step) => s + step.holdSeconds, 0);
  const input =
    scenario.source === 'tone' || !inputPath
      ? { kind: 'tone' as const, ...scenario.tone! }
      : { kind: 'file' as const, url: options.mount(`/inputs/${basename(inputPath)}`, inputPath) };
  const render = await renderOffline(page, options.pageOrigin, {
    dsp,
    wasmUrl: `${options.pageOrigin}/dsp.wasm`,
    sampleRate: OFFLINE_SAMPLE_RATE,
    frames: Math.round(totalSeconds * OFFLINE_SAMPLE_RATE),
    input,
    initialParameters: { ...options.defaults, ...scenario.steps[0]!.set },
    events: scenario.steps.slice(1).map((step, i) => ({ frame: eventFrames[i + 1]!, values: step.set })),
  });
  const expected = eventFrames.slice(1);
  const applied = [...new Set(render.appliedFrames)].filter((f) => f > 0);
  if (JSON.stringify(applied) !== JSON.stringify(expected)) {
    throw new Error(
      `offline render of ${scenario.name}: changes took effect at frames ${applied.join(', ')}, expected ${expected.join(', ')} (render quantum ${render.blockFrames})`,
    );
  }
  const fixtureSha256 =
    input.kind === 'tone' ? 'tone' : createHash('sha256').update(readFileSync(inputPath!)).digest('hex');
  return { render, eventFrames, fixtureSha256 };
}
