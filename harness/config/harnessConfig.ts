/**
 * What the harness runs against, from the environment. With nothing set it starts the embedded
 * reference stack; a user points it at their own dev server and page without code changes.
 *
 * - WAVECRAFT_DEV_SERVER_URL  ws:// URL of a running dev server (default: start the embedded one)
 * - WAVECRAFT_PAGE_URL        http(s):// URL of a dev-mode page with the probe (default: the embedded page)
 * - WAVECRAFT_FIXTURES_DIR    extra folder searched first for input WAVs
 * - WAVECRAFT_WASM            WASM DSP build (ABI v1) for the embedded stack (default: the reference DSP)
 * - CHROMIUM_PATH             Chromium executable (see findChromium)
 */

import { resolve } from 'node:path';

export interface HarnessConfig {
  devServerUrl: string | null;
  pageUrl: string | null;
  fixturesDir: string | null;
  wasmPath: string | null;
}

export function readHarnessConfig(env: NodeJS.ProcessEnv = process.env): HarnessConfig {
  const problems: string[] = [];
  const url = (name: string, protocols: string[]): string | null => {
    const value = env[name];
    if (!value) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name}="${value}" must use ${protocols.join(' or ')}`);
    } catch {
      problems.push(`${name}="${value}" is not a URL`);
    }
    return value;
  };
  const config: HarnessConfig = {
    devServerUrl: url('WAVECRAFT_DEV_SERVER_URL', ['ws:', 'wss:']),
    pageUrl: url('WAVECRAFT_PAGE_URL', ['http:', 'https:']),
    fixturesDir: env['WAVECRAFT_FIXTURES_DIR'] || null,
    wasmPath: env['WAVECRAFT_WASM'] ? resolve(env['WAVECRAFT_WASM']) : null,
  };
  if (problems.length > 0) throw new Error(`harness configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
