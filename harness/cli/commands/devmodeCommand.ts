/**
 * `wavecraft-harness devmode`: the reference dev server and page, serving the
 * project's WASM build (or WAVECRAFT_WASM, or the reference DSP), for a person's own browser.
 * With --ui (or `ui` in wavecraft.config.json), the plugin developer's whole dev loop in one
 * command: the UI's origin is allowed, the audio page runs headless here as the audio client
 * (test tone, or --input through fake capture), and both URLs are printed. Ctrl-C stops all.
 */
import { resolve } from 'node:path';
import { originRuleProblem, PortInUseError, startReferenceStack } from '../../../devmode/index.ts';
import { assertCaptureCompatible } from '../../wav/wavFile.ts';
import { defineCommand, numberOption } from '../commandDefinition.ts';
import { startHeadlessAudioClient, type HeadlessAudioClient } from '../headlessAudioClient.ts';
import { CONFIG_OPTION, findProject } from '../projectOption.ts';
import { UsageError } from '../usageError.ts';

const port = (name: string, text: string) => numberOption('devmode', name, text, 0, 65535, true)!;

export const devmodeCommand = defineCommand({
  name: 'devmode',
  summary:
    "serve your build on the reference dev server and page, for your own browser; with --ui, your UI's origin is allowed and the audio page runs headless here as the audio client (one command, one tab)",
  options: {
    port: { type: 'string', placeholder: '9000', default: '9000' },
    'page-port': { type: 'string', placeholder: '5173', default: '5173' },
    'allow-origin': { type: 'string', placeholder: 'URL', multiple: true, default: [] },
    ui: { type: 'string', placeholder: 'URL' },
    input: { type: 'string', placeholder: 'F.wav' },
    'synthetic-meters': { type: 'boolean', default: false },
    config: CONFIG_OPTION,
  },
  async run({ values }) {
    const project = findProject(values.config);
    const ui = values.ui ?? project?.uiUrl ?? null;
    const uiOrigin = ui === null ? null : uiOriginOf(ui);
    if (values.input !== undefined && ui === null)
      throw new UsageError('devmode: --input feeds the headless audio page of --ui; give --ui too');
    const origins = [...(project?.allowedOrigins ?? []), ...values['allow-origin'], ...(uiOrigin ? [uiOrigin] : [])];
    for (const origin of origins) {
      const problem = originRuleProblem(origin);
      if (problem) throw new UsageError(`devmode: --allow-origin ${problem}`);
    }
    const wasmPath = process.env['WAVECRAFT_WASM'] ?? project?.wasmPath;
    const ports = { port: port('port', values.port), 'page-port': port('page-port', values['page-port']) };
    // A plugin's UI on Vite's default port (5173, the page's too): the page takes any free port instead.
    const pagePort = ui !== null && uiPortOf(ui) === ports['page-port'] ? 0 : ports['page-port'];
    const stack = await startDevmodeStack({
      devServerPort: ports.port,
      pagePort,
      extraOrigins: origins,
      syntheticMeters: values['synthetic-meters'],
      ...(wasmPath ? { wasmPath } : {}),
    });
    const pageUrl = `${stack.pageOrigin}/index.html?ws=${encodeURIComponent(stack.devServerUrl)}&dsp=wasm`;
    console.log(`dev server: ${stack.devServerUrl}${origins.length ? ` (also accepting ${origins.join(', ')})` : ''}`);
    console.log(`WASM DSP:   ${stack.wasmPath} (watched: a rebuild is checked and hot-reloaded)`);
    let audio: HeadlessAudioClient | null = null;
    if (ui !== null) {
      const input = values.input === undefined ? null : resolve(values.input);
      if (input !== null)
        await assertCaptureCompatible(input).catch((error: Error) =>
          Promise.reject(new UsageError(`devmode: --input ${error.message}`)),
        );
      audio = await startHeadlessAudioClient(pageUrl, input, (line) => console.error(`[wavecraft] ${line}`)).catch(
        async (error: Error) => {
          await stack.close();
          throw error;
        },
      );
      console.log(
        `your UI:    ${ui} (open it in your browser; it connects to ${stack.devServerUrl}, and its origin ${uiOrigin} is allowed)`,
      );
      console.log(
        `audio:      running headless here, playing ${audio.source} through the DSP (the same page: ${pageUrl})`,
      );
      console.log('Ctrl-C stops all.');
    } else {
      console.log(`page:       ${pageUrl}`);
      console.log('Ctrl-C stops both.');
    }
    await new Promise<void>((done) => {
      const stop = () => void (audio ? audio.close() : Promise.resolve()).then(() => stack.close()).then(done);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    console.log('stopped.');
    return 0;
  },
});

/** The origin of the user's UI URL (http or https), or a usage error naming it. */
function uiOriginOf(ui: string): string {
  try {
    const parsed = new URL(ui);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
    return parsed.origin;
  } catch {
    throw new UsageError(
      `devmode: --ui must be your plugin UI's http(s) URL, e.g. http://127.0.0.1:5174/, got "${ui}"`,
    );
  }
}

/** The port the user's UI URL is served on. */
function uiPortOf(ui: string): number {
  const parsed = new URL(uiOriginOf(ui));
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

/**
 * The reference stack for `devmode`: it says, once per origin, how to allow a browser UI it refused (which shows
 * only "could not connect"), logs each hot reload, and turns a port in use into a usage error naming the flag.
 */
async function startDevmodeStack(
  options: Omit<NonNullable<Parameters<typeof startReferenceStack>[0]>, 'onRefusedOrigin' | 'onReload'>,
): Promise<Awaited<ReturnType<typeof startReferenceStack>>> {
  const refused = new Set<string>();
  return startReferenceStack({
    ...options,
    onRefusedOrigin: (origin) => {
      if (refused.has(origin)) return;
      refused.add(origin);
      const anyPort = `${origin.replace(/:\d+$/, '')}:*`;
      console.log(
        `refused a WebSocket from ${origin}: allow it with --allow-origin ${origin}${originRuleProblem(anyPort) ? '' : ` (or any port of that host: --allow-origin '${anyPort}')`}`,
      );
    },
    onReload: (event) =>
      console.log(
        event.accepted
          ? `hot reload: new build ${event.sha256.slice(0, 12)} (${event.parameters} parameters) sent to the page (parametersChanged)`
          : `hot reload: the rebuilt DSP was refused, the previous build keeps running: ${event.error}`,
      ),
  }).catch((error: unknown) => {
    if (error instanceof PortInUseError) {
      const flag = error.what === 'page' ? 'page-port' : 'port';
      throw new UsageError(
        `devmode: ${error.message}; choose another with --${flag} N, or --${flag} 0 for any free port`,
      );
    }
    throw error;
  });
}
