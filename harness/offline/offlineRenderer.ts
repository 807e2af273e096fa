/**
 * Drives the offline renderer page (devmode/web/offline.html): the dev-mode worklet in an
 * OfflineAudioContext, parameter changes on exact frames, output returned as float32 channels.
 */
import type { Page } from '@playwright/test';
import type { OfflineRenderRequest, OfflineRenderResult } from '../../contracts/probe/offlineApi.ts';
import type { ProbeMeterWindow } from '../../contracts/probe/probeApi.ts';
import { base64ToFloat32 } from '../io/float32Base64.ts';

export type { OfflineRenderRequest };

export interface OfflineRender {
  sampleRate: number;
  channels: [Float32Array, Float32Array];
  windows: ProbeMeterWindow[];
  appliedFrames: number[];
  blockFrames: number;
  /** Wall time of the render itself, ms. */
  renderMs: number;
}

/** Renders `request` on `page` (navigated to the offline renderer of `pageOrigin` if needed). */
/** Renders `request` (with WAVECRAFT_FAULT's fault injected, when selfcheck sets one). */
export async function renderOffline(
  page: Page,
  pageOrigin: string,
  request: OfflineRenderRequest,
): Promise<OfflineRender> {
  const fault = process.env['WAVECRAFT_FAULT'];
  if (fault && request.fault === undefined) request = { ...request, fault };
  const url = `${pageOrigin}/offline.html`;
  if (page.url() !== url) {
    await page.goto(url);
    await page.waitForFunction(() => window.wavecraftOffline !== undefined);
  }
  const result: OfflineRenderResult = await page.evaluate((r) => window.wavecraftOffline!.render(r), request);
  return {
    sampleRate: result.sampleRate,
    channels: [base64ToFloat32(result.channelsBase64[0]), base64ToFloat32(result.channelsBase64[1])],
    windows: result.windows,
    appliedFrames: result.appliedFrames,
    blockFrames: result.blockFrames,
    renderMs: result.renderMs,
  };
}
