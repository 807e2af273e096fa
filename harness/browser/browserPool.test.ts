import { afterAll, describe, expect, it } from 'vitest';
import { BrowserPool, NO_CAPTURE } from './browserPool.ts';
import { requireChromium } from './findChromium.ts';

describe('browser pool', () => {
  const pool = new BrowserPool(requireChromium().path, 2);
  afterAll(() => pool.close());

  it('keeps one browser per capture file, evicts the least recently used beyond its limit, never the one without capture, and releases contexts', async () => {
    const plain = await pool.get(NO_CAPTURE);
    const a = await pool.get('/tmp/a.wav');
    const b = await pool.get('/tmp/b.wav');
    expect(await pool.get('/tmp/a.wav')).toBe(a);
    expect(pool.launches).toBe(3);
    // c pushes out b (a was used more recently); the plain browser stays.
    const c = await pool.get('/tmp/c.wav');
    expect(b.isConnected()).toBe(false);
    expect(a.isConnected() && c.isConnected() && plain.isConnected()).toBe(true);
    expect(await pool.get(NO_CAPTURE)).toBe(plain);
    expect(pool.launches).toBe(4);
    // A closed browser is replaced, not handed out.
    await a.close();
    const a2 = await pool.get('/tmp/a.wav');
    expect(a2).not.toBe(a);
    expect(a2.isConnected()).toBe(true);
    // A page handed back is blank and handed out again; release closes every other context.
    const page = await pool.takePage('/tmp/a.wav');
    await page.goto('data:text/html,<p>test one</p>');
    await pool.keepPage('/tmp/a.wav', page);
    expect(page.url()).toBe('about:blank');
    await a2.newContext();
    expect(a2.contexts()).toHaveLength(2);
    await pool.release('/tmp/a.wav', a2);
    expect(a2.contexts()).toEqual([page.context()]);
    expect(await pool.takePage('/tmp/a.wav')).toBe(page);
    expect(await pool.takePage('/tmp/a.wav')).not.toBe(page);
  });
});
