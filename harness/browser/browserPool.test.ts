/**
 * The worker's browsers: one without capture, one for file and tone pages, one whose fake
 * microphone plays each test's capture file in turn; kept, replaced when closed, pages handed on.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, LIVE_WITHOUT_CAPTURE, NO_CAPTURE } from './browserPool.ts';
import { requireChromium } from './findChromium.ts';

const generated = (name: string) => resolve(new URL('../../fixtures/generated', import.meta.url).pathname, name);

/** The sample peak of each channel the page's microphone delivers over 0.5 s, dBFS, rounded to 0.01. */
function microphonePeaks(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 2 },
    });
    const context = new AudioContext();
    const splitter = context.createChannelSplitter(2);
    context.createMediaStreamSource(stream).connect(splitter);
    const analysers = [0, 1].map((channel) => {
      const analyser = context.createAnalyser();
      analyser.fftSize = 8192;
      splitter.connect(analyser, channel);
      return analyser;
    });
    await new Promise((done) => setTimeout(done, 500));
    const peaks = analysers.map((analyser) => {
      const samples = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(samples);
      const peak = samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      return peak > 0 ? Math.round(2000 * Math.log10(peak)) / 100 : -Infinity;
    });
    stream.getTracks().forEach((track) => track.stop());
    await context.close();
    return peaks;
  });
}

describe('browser pool', () => {
  const pool = new BrowserPool(requireChromium().path);
  // getUserMedia needs a secure context: a page from localhost.
  const server = createServer((_, response) => response.end('<p>microphone</p>'));
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await pool.close();
    server.close();
  });

  it("plays each test's capture file through one kept browser, a new stream each, exactly", async () => {
    const heard: [string, number[]][] = [];
    for (const file of [
      'sine-1k-m6dbfs-mono.wav',
      'sine-1k-m20dbfs-mono.wav',
      'sine-1k-lm6-rm12dbfs-stereo.wav',
      'silence-mono.wav',
      'sine-1k-m6dbfs-mono.wav',
    ]) {
      // As a test does: a page (the one the last test handed back), its document, its stream.
      const page = await pool.takePage(generated(file));
      await page.goto(url);
      heard.push([file, await microphonePeaks(page)]);
      await pool.keepPage(generated(file), page);
    }
    expect(heard).toEqual([
      ['sine-1k-m6dbfs-mono.wav', [-6, -6]],
      ['sine-1k-m20dbfs-mono.wav', [-20, -20]],
      ['sine-1k-lm6-rm12dbfs-stereo.wav', [-6, -12]],
      ['silence-mono.wav', [-Infinity, -Infinity]],
      ['sine-1k-m6dbfs-mono.wav', [-6, -6]],
    ]);
    expect(pool.launches).toBe(1);
  });

  it('keeps one browser per kind, replaces a closed one, hands a kept page on and releases other contexts', async () => {
    const launched = pool.launches;
    const a = await pool.get(generated('sine-1k-m6dbfs-mono.wav'));
    expect(await pool.get(generated('sine-1k-m20dbfs-mono.wav'))).toBe(a);
    const plain = await pool.get(NO_CAPTURE);
    const live = await pool.get(LIVE_WITHOUT_CAPTURE);
    expect(new Set([a, plain, live]).size).toBe(3);
    expect(pool.launches).toBe(launched + 2);
    // A closed browser is replaced, not handed out.
    await plain.close();
    const plain2 = await pool.get(NO_CAPTURE);
    expect(plain2).not.toBe(plain);
    expect(plain2.isConnected()).toBe(true);
    // A page handed back is blank and handed out again; release closes every other context.
    const page = await pool.takePage(NO_CAPTURE);
    await page.goto('data:text/html,<p>test one</p>');
    await pool.keepPage(NO_CAPTURE, page);
    expect(page.url()).toBe('about:blank');
    await plain2.newContext();
    expect(plain2.contexts()).toHaveLength(2);
    await pool.release(NO_CAPTURE, plain2);
    expect(plain2.contexts()).toEqual([page.context()]);
    expect(await pool.takePage(NO_CAPTURE)).toBe(page);
    expect(await pool.takePage(NO_CAPTURE)).not.toBe(page);
  });
});
