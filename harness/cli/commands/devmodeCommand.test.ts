import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { launchChromium } from '../../browser/launchChromium.ts';
import { requireChromium } from '../../browser/findChromium.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const cli = fileURLToPath(new URL('../../../bin/wavecraft-harness.mjs', import.meta.url));

function connect(url: string, origin: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers: { Origin: origin } });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => undefined);
  });
}

/** Starts devmode; resolves with the child, its dev server URL and everything it printed so far (kept up to date). */
function startDevmode(
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; out: { text: string } }> {
  const child = spawn(process.execPath, [
    cli,
    'devmode',
    '--port',
    '0',
    '--page-port',
    '0',
    ...args,
  ]) as ChildProcessWithoutNullStreams;
  const out = { text: '' };
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out.text += chunk.toString();
      const match = /dev server: (ws:\/\/\S+)/.exec(out.text);
      if (match) resolve({ child, url: match[1]!, out });
    });
    child.on('exit', (code) => reject(new Error(`devmode exited ${code}: ${out.text}`)));
  });
}

describe('wavecraft-harness devmode', () => {
  it('exits with a clear message when its page port is taken (it used to hang)', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const taken = (busy.address() as AddressInfo).port;
    try {
      // The limit only detects the old hang; a working CLI exits at once.
      const run = spawnSync(process.execPath, [cli, 'devmode', '--port', '0', '--page-port', String(taken)], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.signal, 'devmode hung on a taken port').toBeNull();
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `wavecraft-harness: devmode: port ${taken} for the page is already in use; choose another with --page-port N, or --page-port 0 for any free port\n`,
      );
    } finally {
      busy.close();
    }
  });

  it('prints each refused origin once, with the flag that allows it', async () => {
    const { child, url, out } = await startDevmode([]);
    try {
      expect(await connect(url, 'http://127.0.0.1:5199')).toBe(403);
      expect(await connect(url, 'http://127.0.0.1:5199')).toBe(403);
      expect(await connect(url, 'http://example.com:8080')).toBe(403);
      await expect.poll(() => out.text).toMatch(/example\.com/);
      const lines = out.text.split('\n').filter((l) => l.startsWith('refused'));
      expect(lines).toEqual([
        "refused a WebSocket from http://127.0.0.1:5199: allow it with --allow-origin http://127.0.0.1:5199 (or any port of that host: --allow-origin 'http://127.0.0.1:*')",
        'refused a WebSocket from http://example.com:8080: allow it with --allow-origin http://example.com:8080',
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it("accepts a loopback host on any port with --allow-origin 'http://127.0.0.1:*', and refuses a wildcard elsewhere", async () => {
    const { child, url } = await startDevmode(['--allow-origin', 'http://127.0.0.1:*']);
    try {
      expect(await connect(url, 'http://127.0.0.1:5173')).toBe('open');
      expect(await connect(url, 'http://127.0.0.1:61234')).toBe('open');
      expect(await connect(url, 'http://localhost:5173')).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
    const run = spawnSync(process.execPath, [cli, 'devmode', '--allow-origin', 'http://example.com:*'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/a port wildcard is allowed on a loopback host only/);
  });

  it('serves the reference stack and lets --allow-origin in, and only it', async () => {
    const child = spawn(
      process.execPath,
      [cli, 'devmode', '--port', '0', '--page-port', '0', '--allow-origin', 'http://localhost:5174'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const match = /dev server: (ws:\/\/\S+)/.exec(text);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`devmode exited ${code}: ${text}`)));
      });
      expect(await connect(url, 'http://localhost:5174')).toBe('open');
      expect(await connect(url, 'http://localhost:5175')).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses an unknown option as a usage error, naming it, without a stack', () => {
    const run = spawnSync(process.execPath, [cli, 'devmode', '--wasm', 'x.wasm'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^wavecraft-harness: Unknown option '--wasm'/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('--ui: one command for the dev loop: your UI (a stand-in here) gets live audio status, meters and oscilloscope with no audio tab open', async () => {
    // The stand-in plugin UI polls the dev server as Wavecraft's UI does and writes what it gets into its body.
    const standIn = `<!doctype html><body><script>
      const ws = new WebSocket(new URLSearchParams(location.search).get('ws'));
      let next = 0; const pending = new Map();
      ws.onmessage = (e) => { const m = JSON.parse(e.data); if (pending.has(m.id)) { pending.get(m.id)(m.result); pending.delete(m.id); } };
      const call = (method) => new Promise((resolve) => { const id = ++next; pending.set(id, resolve); ws.send(JSON.stringify({ jsonrpc: '2.0', id, method })); });
      ws.onopen = () => setInterval(async () => {
        const [status, meters, scope] = await Promise.all([call('getAudioStatus'), call('getMeterFrame'), call('getOscilloscopeFrame')]);
        Object.assign(document.body.dataset, { phase: status.status ? status.status.phase : 'none', rmsL: meters.frame ? meters.frame.rms_l : 'null', noSignal: scope.frame ? scope.frame.no_signal : 'null' });
      }, 100);
    </script></body>`;
    const ui = createHttpServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end(standIn),
    );
    await new Promise<void>((resolve) => ui.listen(0, '127.0.0.1', resolve));
    const uiUrl = `http://127.0.0.1:${(ui.address() as AddressInfo).port}/ui.html`;
    const { child, url, out } = await startDevmode(['--ui', uiUrl]);
    const browser = await launchChromium(requireChromium().path);
    try {
      await expect
        .poll(() => out.text, { timeout: 90_000 })
        .toMatch(/^audio: {6}running headless here, playing the page's test tone/m);
      expect(out.text).toContain(
        `your UI:    ${uiUrl} (open it in your browser; it connects to ${url}, and its origin ${new URL(uiUrl).origin} is allowed)`,
      );
      // The developer opens only their own UI.
      const page = await browser.newPage();
      await page.goto(`${uiUrl}?ws=${encodeURIComponent(url)}`);
      const body = page.locator('body');
      await expect.poll(() => body.getAttribute('data-phase'), { timeout: 30_000 }).toBe('runningFullDuplex');
      await expect.poll(() => body.getAttribute('data-no-signal'), { timeout: 30_000 }).toBe('false');
      // The page's test tone: a -6 dBFS sine, RMS -9 dBFS, through the reference DSP at its defaults (unity).
      await expect
        .poll(async () => 20 * Math.log10(Number(await body.getAttribute('data-rms-l'))), { timeout: 30_000 })
        .toBeGreaterThan(-9.5);
      expect(20 * Math.log10(Number(await body.getAttribute('data-rms-l')))).toBeLessThan(-8.5);
    } finally {
      await browser.close();
      child.kill('SIGTERM');
      ui.close();
    }
    await new Promise((resolve) => child.once('exit', resolve));
    expect(out.text).toMatch(/stopped\.\n$/);
  });

  it('--ui refuses a URL that is not http(s), and --input without --ui', () => {
    const bad = spawnSync(process.execPath, [cli, 'devmode', '--ui', 'file:///x.html'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      `devmode: --ui must be your plugin UI's http(s) URL, e.g. http://127.0.0.1:5174/, got "file:///x.html"`,
    );
    const lone = spawnSync(process.execPath, [cli, 'devmode', '--input', 'x.wav'], { encoding: 'utf8' });
    expect(lone.status).toBe(2);
    expect(lone.stderr).toContain('devmode: --input feeds the headless audio page of --ui; give --ui too');
  });
});
