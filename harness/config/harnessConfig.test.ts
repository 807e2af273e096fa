import { describe, expect, it } from 'vitest';
import { readHarnessConfig } from './harnessConfig.ts';
import { resolveInputWav } from './inputFixtures.ts';

describe('harness configuration', () => {
  it('defaults to the embedded stack', () => {
    expect(readHarnessConfig({})).toEqual({ devServerUrl: null, pageUrl: null, fixturesDir: null, wasmPath: null });
  });

  it('takes a user dev server and page', () => {
    expect(readHarnessConfig({ WAVECRAFT_DEV_SERVER_URL: 'ws://127.0.0.1:9000/', WAVECRAFT_PAGE_URL: 'http://localhost:5173/' })).toMatchObject({
      devServerUrl: 'ws://127.0.0.1:9000/',
      pageUrl: 'http://localhost:5173/',
    });
  });

  it('reports every bad setting together, by name', () => {
    expect(() => readHarnessConfig({ WAVECRAFT_DEV_SERVER_URL: 'http://x/', WAVECRAFT_PAGE_URL: 'not a url' })).toThrow(
      /WAVECRAFT_DEV_SERVER_URL="http:\/\/x\/" must use ws: or wss:\n\s+WAVECRAFT_PAGE_URL="not a url" is not a URL/,
    );
  });

  it('names the folders searched for a missing input WAV', () => {
    expect(() => resolveInputWav('nope.wav', '/tmp/extra')).toThrow(/input WAV "nope.wav" not found in \/tmp\/extra, .*fixtures\/wav, .*fixtures\/generated/);
  });
});
