/**
 * Security of the reference stack: loopback only by default; browser origins other than the
 * dev-mode page's refused at the upgrade (cross-site WebSocket hijacking); no eval or dynamic
 * Function anywhere in the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevServerClient } from '../../harness/rpc/devServerClient.ts';
import { loadParameterDefinitions } from '../dsp/reference/referenceDsp.ts';
import { DevServer } from './devServer.ts';
import { RawSocket } from './testing/rawSocket.ts';

const PAGE_ORIGIN = 'http://127.0.0.1:5173';
let server: DevServer;
let url: string;
let port: number;

beforeAll(async () => {
  server = new DevServer({ definitions: await loadParameterDefinitions(), port: 0, allowedOrigins: [PAGE_ORIGIN] });
  ({ url, port } = await server.listen());
});
afterAll(() => server.close());

function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
    .map((i) => i!.address);
}

describe('listening', () => {
  const addresses = nonLoopbackAddresses();
  it.skipIf(addresses.length === 0)(
    `refuses connections on this machine's other addresses (${addresses.join(', ') || 'none'})`,
    async () => {
      for (const address of addresses) {
        const outcome = await new Promise<string>((resolve) => {
          const socket = connect({ host: address, port }, () => {
            socket.destroy();
            resolve('connected');
          });
          socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        });
        expect(outcome, address).toBe('ECONNREFUSED');
      }
    },
  );
});

describe('origin check', () => {
  it("accepts the dev-mode page's origin", async () => {
    const client = await DevServerClient.connect(url, { origin: PAGE_ORIGIN });
    await expect(client.call('ping')).resolves.toEqual({});
    client.close();
  });

  it('accepts clients that send no Origin (non-browser)', async () => {
    const client = await DevServerClient.connect(url);
    await expect(client.call('ping')).resolves.toEqual({});
    client.close();
  });

  it.each(['http://evil.example', 'http://127.0.0.1:6666', 'null'])(
    'refuses origin %s with HTTP 403',
    async (origin) => {
      await expect(RawSocket.open(url, { Origin: origin })).rejects.toThrow('Unexpected server response: 403');
    },
  );

  it('takes extra origins when configured', async () => {
    server.allowOrigin('https://my-ui.local');
    const client = await DevServerClient.connect(url, { origin: 'https://my-ui.local' });
    await expect(client.call('ping')).resolves.toEqual({});
    client.close();
  });
});

describe('code', () => {
  it('has no eval and no dynamic Function', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const walk = (dir: string): string[] => {
      const full = join(root, dir);
      let entries;
      try {
        entries = readdirSync(full, { withFileTypes: true });
      } catch {
        return [];
      }
      return entries.flatMap((e) =>
        e.isDirectory()
          ? ['dist', 'build', 'generated', 'node_modules'].includes(e.name)
            ? []
            : walk(join(dir, e.name))
          : /\.(ts|mjs|js)$/.test(e.name)
            ? [join(full, e.name)]
            : [],
      );
    };
    const files = ['devmode', 'harness', 'scripts', 'fixtures', 'specs', 'bench'].flatMap(walk);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter(
      (f) =>
        !f.endsWith('devServerSecurity.test.ts') &&
        /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
