/**
 * `wavecraft-harness devmode`: the reference dev server and page, serving the project's WASM
 * build (or WAVECRAFT_WASM, or the reference DSP), for a person's own browser. Ctrl-C stops both.
 */
import { parseArgs } from 'node:util';
import { originRuleProblem, PortInUseError, startReferenceStack } from '../../devmode/index.ts';
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
    const problem = originRuleProblem(origin);
    if (problem) throw new UsageError(`devmode: --allow-origin ${problem}`);
  }
  const wasmPath = process.env['WAVECRAFT_WASM'] ?? project?.wasmPath;
  const refused = new Set<string>();
  const ports = { port: port('port', values.port!), 'page-port': port('page-port', values['page-port']!) };
  const stack = await startReferenceStack({
    devServerPort: ports.port,
    pagePort: ports['page-port'],
    extraOrigins: origins,
    // A browser UI on another origin gets a 403 and shows only "could not connect": say it here, once per origin.
    onRefusedOrigin: (origin) => {
      if (refused.has(origin)) return;
      refused.add(origin);
      const anyPort = `${origin.replace(/:\d+$/, '')}:*`;
      console.log(`refused a WebSocket from ${origin}: allow it with --allow-origin ${origin}${originRuleProblem(anyPort) ? '' : ` (or any port of that host: --allow-origin '${anyPort}')`}`);
    },
    ...(wasmPath ? { wasmPath } : {}),
    onReload: (event) =>
      console.log(
        event.accepted
          ? `hot reload: new build ${event.sha256.slice(0, 12)} (${event.parameters} parameters) sent to the page (parametersChanged)`
          : `hot reload: the rebuilt DSP was refused, the previous build keeps running: ${event.error}`,
      ),
  }).catch((error: unknown) => {
    if (error instanceof PortInUseError) {
      const flag = error.what === 'page' ? 'page-port' : 'port';
      throw new UsageError(`devmode: ${error.message}; choose another with --${flag} N, or --${flag} 0 for any free port`);
    }
    throw error;
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
