/**
 * `wavecraft-harness devmode`: the reference dev server and page, serving the project's WASM
 * build (or WAVECRAFT_WASM, or the reference DSP), for a person's own browser. Ctrl-C stops both.
 */
import { parseArgs } from 'node:util';
import { startReferenceStack } from '../../devmode/index.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import { UsageError } from './usageError.ts';

function port(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`devmode: --${name} must be a port number from 0 to 65535, got "${text}"`);
  return n;
}

export async function runDevmode(args: string[], project: ProjectConfig | null): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '9000' },
      'page-port': { type: 'string', default: '5173' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
    },
  });
  const origins = [...(project?.allowedOrigins ?? []), ...values['allow-origin']!];
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new UsageError(`devmode: --allow-origin "${origin}" must be an origin like http://localhost:5174 (scheme, host, port; no path)`);
  }
  const wasmPath = process.env['WAVECRAFT_WASM'] ?? project?.wasmPath;
  const stack = await startReferenceStack({
    devServerPort: port('port', values.port!),
    pagePort: port('page-port', values['page-port']!),
    extraOrigins: origins,
    ...(wasmPath ? { wasmPath } : {}),
    onReload: (event) =>
      console.log(
        event.accepted
          ? `hot reload: new build ${event.sha256.slice(0, 12)} (${event.parameters} parameters) sent to the page (parametersChanged)`
          : `hot reload: the rebuilt DSP was refused, the previous build keeps running: ${event.error}`,
      ),
  });
  const pageUrl = `${stack.pageOrigin}/index.html?ws=${encodeURIComponent(stack.devServerUrl)}&dsp=wasm`;
  console.log(`dev server: ${stack.devServerUrl}${origins.length ? ` (also accepting ${origins.join(', ')})` : ''}`);
  console.log(`WASM DSP:   ${stack.wasmPath} (watched: a rebuild is checked and hot-reloaded)`);
  console.log(`page:       ${pageUrl}`);
  console.log('Ctrl-C stops both.');
  await new Promise<void>((done) => {
    const stop = () => void stack.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('stopped.');
  return 0;
}
