/**
 * Serves the built dev-mode page, and nothing outside its folder: paths are decoded,
 * resolved and checked against the real (symlink-free) root before any file is opened.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticPageServerOptions {
  /** Folder to serve. */
  root: string;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default 0. */
  port?: number;
  /**
   * Extra files served at fixed URL paths, e.g. `{ '/dsp.wasm': '/abs/path/build.wasm' }`.
   * The object is read on every request, so entries added later are served too.
   */
  mounts?: Record<string, string>;
}

export class StaticPageServer {
  private readonly server: Server;
  private rootReal: string | null = null;

  constructor(private readonly options: StaticPageServerOptions) {
    this.server = createServer((req, res) => {
      this.serve(req.method ?? 'GET', req.url ?? '/')
        .then(({ status, file, type }) => {
          if (!file) {
            res.writeHead(status, { 'content-type': 'text/plain' }).end(`${status}\n`);
            return;
          }
          res.writeHead(200, { 'content-type': type, 'cache-control': cacheControl(req.url ?? '/') });
          createReadStream(file)
            .on('error', () => res.destroy())
            .pipe(res);
        })
        .catch(() => res.writeHead(500).end());
    });
  }

  async listen(): Promise<{ port: number; origin: string }> {
    this.rootReal = await realpath(resolve(this.options.root));
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((ok, fail) => {
      this.server.once('error', fail);
      this.server.listen(this.options.port ?? 0, host, () => ok());
    });
    const { port } = this.server.address() as AddressInfo;
    return { port, origin: `http://${host}:${port}` };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((ok) => this.server.close(() => ok()));
  }

  /** Maps a request to a file inside the root, or a status (403 outside it, 404 missing). */
  private async serve(method: string, rawUrl: string): Promise<{ status: number; file?: string; type?: string }> {
    if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
    } catch {
      return { status: 400 };
    }
    if (pathname.includes('\0')) return { status: 400 };
    const mounted = this.options.mounts?.[pathname];
    if (mounted) return { status: 200, file: mounted, type: contentType(mounted) };
    if (pathname.endsWith('/')) pathname += 'index.html';
    const root = this.rootReal!;
    const candidate = resolve(join(root, pathname));
    if (!isInside(root, candidate)) return { status: 403 };
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return { status: 404 };
    }
    if (!isInside(root, real)) return { status: 403 };
    const info = await stat(real);
    if (!info.isFile()) return { status: 404 };
    return { status: 200, file: real, type: contentType(real) };
  }
}

/**
 * The build's assets are named by their content hash (Vite's /assets/name-HASH.ext): a page kept
 * between tests loads them from its cache, with the compiled code V8 keeps for cached scripts.
 * Everything else (index.html, which names the hashes; a mounted DSP build, rebuilt in place) is
 * fetched again every time.
 */
function cacheControl(url: string): string {
  return /^\/assets\/[^/?]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\?|$)/.test(url)
    ? 'public, max-age=31536000, immutable'
    : 'no-store';
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
