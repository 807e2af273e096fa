/**
 * Drives the offline renderer page (devmode/web/offline.html): the dev-mode worklet in an
 * OfflineAudioContext, parameter changes on exact frames, output returned as float32 channels.
 */
import type { Page } from '@playwright/test';
import type { OfflineRenderRequest, OfflineRenderResult } from '../../devmode/web/src/offline/offlineApi.ts';
import type { ProbeMeterWindow } from '../../devmode/web/src/probe/probeApi.ts';

export type { OfflineRenderRequest };

export interface OfflineRender {
  sampleRate: number;
  channels: [Float32Array, Float32Array];
  windows: ProbeMeterWindow[];
  appliedFrames: number[];
  blockFrames: number;
}

function fromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/** Renders `request` on `page` (navigated to the offline renderer of `pageOrigin` if needed). */
export async function renderOffline(page: Page, pageOrigin: string, request: OfflineRenderRequest): Promise<OfflineRender> {
  const url = `${pageOrigin}/offline.html`;
  if (page.url() !== url) {
    await page.goto(url);
    await page.waitForFunction(() => window.wavecraftOffline !== undefined);
  }
  const result: OfflineRenderResult = await page.evaluate((r) => window.wavecraftOffline!.render(r), request);
  return {
    sampleRate: result.sampleRate,
    channels: [fromBase64(result.channelsBase64[0]), fromBase64(result.channelsBase64[1])],
    windows: result.windows,
    appliedFrames: result.appliedFrames,
    blockFrames: result.blockFrames,
  };
}
