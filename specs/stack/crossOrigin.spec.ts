/**
 * Cross-site WebSocket hijacking: any page a user visits could try ws://127.0.0.1:<dev server>.
 * A real page in Chromium, served from another origin, must be refused at the upgrade, while the
 * dev-mode page's own origin is let in.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaticPageServer } from '../../devmode/index.ts';
import { expect, test } from '../../harness/test.ts';

test('a page from another origin cannot open the dev server WebSocket; the dev-mode page can', async ({
  audioBrowser,
  stack,
}) => {
  test.skip(!stack.embedded, 'checks the embedded dev server');
  const dir = mkdtempSync(join(tmpdir(), 'attacker-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><script>
      window.result = new Promise((resolve) => {
        const ws = new WebSocket(new URLSearchParams(location.search).get('ws'));
        ws.onopen = () => resolve('open');
        ws.onclose = (e) => resolve('closed ' + e.code);
      });
    </script>`,
  );
  const attacker = new StaticPageServer({ root: dir });
  const { origin } = await attacker.listen();
  try {
    const page = await (await audioBrowser.newContext()).newPage();
    await page.goto(`${origin}/index.html?ws=${encodeURIComponent(stack.devServerUrl)}`);
    expect(await page.evaluate(() => (window as unknown as { result: Promise<string> }).result)).toBe('closed 1006');

    // The same script from the dev-mode page's own origin connects.
    await page.goto(`${stack.pageOrigin}/index.html?ws=${encodeURIComponent(stack.devServerUrl)}`);
    const own = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onclose = (e) => resolve(`closed ${e.code}`);
        }),
      stack.devServerUrl,
    );
    expect(own).toBe('open');
  } finally {
    await attacker.close();
  }
});
