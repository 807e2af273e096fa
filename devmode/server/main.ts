/**
 * `npm run devmode -- [--port N] [--page-port N]`: the reference stack for a person's own browser.
 * Prints both URLs; Ctrl-C stops both servers.
 */
import { parseArgs } from 'node:util';
import { startReferenceStack } from './referenceStack.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9000' },
    'page-port': { type: 'string', default: '5173' },
  },
});

function port(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`devmode: --${name} must be a port number from 0 to 65535, got "${text}"`);
    process.exit(2);
  }
  return n;
}

const stack = await startReferenceStack({
  devServerPort: port('port', values.port),
  pagePort: port('page-port', values['page-port']),
  // WAVECRAFT_WASM: use this WASM DSP build instead of the reference one.
  ...(process.env['WAVECRAFT_WASM'] ? { wasmPath: process.env['WAVECRAFT_WASM'] } : {}),
}).catch((error: Error) => {
  console.error(`devmode: ${error.message}`);
  process.exit(1);
});

const pageUrl = `${stack.pageOrigin}/index.html?ws=${encodeURIComponent(stack.devServerUrl)}`;
console.log(`dev server: ${stack.devServerUrl}`);
console.log(`WASM DSP:   ${stack.wasmPath} (open the page with &dsp=wasm to run it)`);
console.log(`page:       ${pageUrl}`);
console.log('Ctrl-C stops both.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.close();
  console.log('stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
