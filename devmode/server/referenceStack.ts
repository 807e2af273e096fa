/**
 * The embedded reference stack: the dev server plus the page server for the built dev-mode page,
 * both on loopback. The harness starts one per worker; `npm run devmode` starts one for a person.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REFERENCE_WASM_PATH } from '../dsp/reference/referenceDsp.ts';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { wasmModuleDiagnostic } from '../../contracts/wasm/wasmModuleDiagnostic.ts';
import { DevServer } from './devServer.ts';
import { WasmBuildWatcher } from './wasmBuildWatcher.ts';
import { StaticPageServer } from './staticPageServer.ts';

export const PAGE_BUILD_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface ReferenceStackOptions {
  /** Serve synthetic meters while no audio client has attached (DevServerOptions.syntheticMeters). Default false. */
  syntheticMeters?: boolean;
  /** Dev server port; 0 picks a free one. Default 9000. */
  devServerPort?: number;
  /** Page server port; 0 picks a free one. Default 0. */
  pagePort?: number;
  /** Interface for both servers. Default 127.0.0.1. */
  host?: string;
  /**
   * The WASM DSP build: the dev server serves its schema's parameters and the page loads it at
   * /dsp.wasm. Default: the reference DSP. Checked against the ABI before anything starts.
   */
  wasmPath?: string;
  /** Parameter definitions, overriding the module's schema (tests only). */
  definitions?: readonly ParameterDefinition[];
  /** Extra origins allowed to open the dev server's WebSocket (`http://127.0.0.1:*`: a loopback host on any port). */
  extraOrigins?: readonly string[];
  /** Told of each origin the dev server refused. */
  onRefusedOrigin?(origin: string): void;
  /** Whether parameterChanged goes back to the setParameter caller too (default true, as Wavecraft). */
  notifySender?: boolean;
  /**
   * Hot reload: watch the build file and, when it changes, check it, serve it, keep the values of
   * parameters that still exist and send `parametersChanged` (a refused build leaves the old one
   * and sets the audio status to degraded with the diagnostic). Default true; off with `definitions`.
   */
  watchWasm?: boolean;
  /** Told of each hot reload (accepted or refused), e.g. to print it. */
  onReload?(event: { accepted: true; sha256: string; parameters: number } | { accepted: false; error: string }): void;
}

export interface ReferenceStack {
  devServer: DevServer;
  /** ws://host:port/ */
  devServerUrl: string;
  /** http://host:port — the page is at `${pageOrigin}/index.html`. */
  pageOrigin: string;
  /** The WASM DSP build in use. */
  wasmPath: string;
  /** Serves another file from the page server at `urlPath` (e.g. a test module). */
  mount(urlPath: string, file: string): string;
  close(): Promise<void>;
}

/** A port already taken, said with the port and what wanted it; any other error as it is. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: 'page' | 'dev server',
  ) {
    super(
      `port ${port} for the ${what} is already in use${port === 5173 ? " (Wavecraft's own UI dev server uses 5173 too)" : ''}`,
    );
    this.name = 'PortInUseError';
  }
}

function portError(error: unknown, port: number, what: 'page' | 'dev server'): unknown {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUseError(port, what) : error;
}

export async function startReferenceStack(options: ReferenceStackOptions = {}): Promise<ReferenceStack> {
  if (!existsSync(`${PAGE_BUILD_DIR}/index.html`)) {
    throw new Error(`the dev-mode page is not built (${PAGE_BUILD_DIR}/index.html is missing); run: npm run setup`);
  }
  const host = options.host ?? '127.0.0.1';
  const wasmPath = options.wasmPath ?? REFERENCE_WASM_PATH;
  const definitions = options.definitions ?? (await loadWasmDspFile(wasmPath)).definitions;
  const watch = (options.watchWasm ?? true) && !options.definitions;
  let watcher: WasmBuildWatcher | null = null;
  let devServerRef: DevServer | null = null;
  if (watch) {
    watcher = new WasmBuildWatcher({
      wasmPath,
      onAccepted: ({ snapshot, definitions: next, sha256 }) => {
        mounts['/dsp.wasm'] = snapshot;
        devServerRef?.replaceDefinitions(next);
        options.onReload?.({ accepted: true, sha256, parameters: next.length });
      },
      onRefused: (error) => {
        const diagnostic = wasmModuleDiagnostic(error);
        devServerRef?.refuseBuild({
          ...diagnostic,
          message: `the rebuilt DSP was refused, the previous build keeps running: ${diagnostic.message}`,
        });
        options.onReload?.({ accepted: false, error: diagnostic.message });
      },
    });
  }
  const mounts: Record<string, string> = { '/dsp.wasm': watcher ? watcher.initialSnapshot : wasmPath };
  const pages = new StaticPageServer({ root: PAGE_BUILD_DIR, host, port: options.pagePort ?? 0, mounts });
  let pageOrigin: string;
  try {
    ({ origin: pageOrigin } = await pages.listen());
  } catch (error) {
    // The watcher holds the process open: a stack that failed to start must let it exit.
    watcher?.close();
    throw portError(error, options.pagePort ?? 0, 'page');
  }
  const devServer = new DevServer({
    definitions,
    syntheticMeters: options.syntheticMeters ?? false,
    host,
    port: options.devServerPort ?? 9000,
    allowedOrigins: [pageOrigin, ...(options.extraOrigins ?? [])],
    ...(options.notifySender === undefined ? {} : { notifySender: options.notifySender }),
    ...(options.onRefusedOrigin ? { onRefusedOrigin: options.onRefusedOrigin } : {}),
  });
  devServerRef = devServer;
  let devServerUrl: string;
  try {
    ({ url: devServerUrl } = await devServer.listen());
  } catch (error) {
    watcher?.close();
    await pages.close();
    throw portError(error, options.devServerPort ?? 9000, 'dev server');
  }
  return {
    devServer,
    devServerUrl,
    pageOrigin,
    wasmPath,
    mount: (urlPath, file) => {
      mounts[urlPath] = file;
      return `${pageOrigin}${urlPath}`;
    },
    close: async () => {
      watcher?.close();
      await Promise.all([devServer.close(), pages.close()]);
    },
  };
}
