import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticPageServer } from './staticPageServer.ts';

const base = mkdtempSync(join(tmpdir(), 'pages-'));
const root = join(base, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<p>page</p>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(root, 'assets', 'index-Cw2unAoJ.js'), 'export {}');
writeFileSync(join(base, 'secret.txt'), 'SECRET');
symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));

let server: StaticPageServer;
let port: number;

/** Sends the path verbatim (no client-side normalisation of '..'). */
function get(
  path: string,
): Promise<{ status: number; body: string; type: string | undefined; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          body,
          type: res.headers['content-type'],
          cache: res.headers['cache-control'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = new StaticPageServer({ root });
  ({ port } = await server.listen());
});
afterAll(() => server.close());

describe('static page server', () => {
  it('serves files from its folder with their content type', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<p>page</p>', type: 'text/html; charset=utf-8' });
    expect(await get('/assets/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('lets a page cache only the content-hashed assets of the build', async () => {
    expect((await get('/assets/index-Cw2unAoJ.js')).cache).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/app.js')).cache).toBe('no-store');
    expect((await get('/index.html')).cache).toBe('no-store');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '//etc/passwd',
    '/link.txt',
    '/%00',
  ])('never serves a file outside its folder: %s', async (path) => {
    const { status, body } = await get(path);
    expect([400, 403, 404]).toContain(status);
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain('root:');
  });
});
