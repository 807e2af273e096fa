import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const cli = fileURLToPath(new URL('../../bin/wavecraft-harness.mjs', import.meta.url));

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

describe('wavecraft-harness devmode', () => {
  it('serves the reference stack and lets --allow-origin in, and only it', async () => {
    const child = spawn(process.execPath, [cli, 'devmode', '--port', '0', '--page-port', '0', '--allow-origin', 'http://localhost:5174'], { stdio: ['ignore', 'pipe', 'inherit'] });
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
});
