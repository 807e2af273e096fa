import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHarnessConfig } from './harnessConfig.ts';
import { resolveInputWav } from './inputFixtures.ts';
import { ConfigError, loadProjectConfig } from './projectConfig.ts';

function project(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'wavecraft-config-'));
  const file = join(dir, 'wavecraft.config.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

describe('harness configuration', () => {
  it("defaults to this repo's own suite on the embedded stack", () => {
    const config = readHarnessConfig({});
    expect(config).toMatchObject({ devServerUrl: null, pageUrl: null, wasmPath: null, project: null });
    expect(config.scenariosDir).toMatch(/fixtures\/scenarios$/);
    expect(config.fixturesDirs.map((d) => d.split('/').slice(-2).join('/'))).toEqual([
      'fixtures/wav',
      'fixtures/generated',
    ]);
  });

  it('takes a user dev server and page', () => {
    expect(
      readHarnessConfig({
        WAVECRAFT_DEV_SERVER_URL: 'ws://127.0.0.1:9000/',
        WAVECRAFT_PAGE_URL: 'http://localhost:5173/',
      }),
    ).toMatchObject({
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
    expect(() => resolveInputWav('nope.wav', ['/tmp/extra', '/tmp/standard'])).toThrow(
      /input WAV "nope.wav" not found in \/tmp\/extra, \/tmp\/standard/,
    );
  });

  it("reads a plugin project's config file, paths relative to it, the environment overriding", () => {
    const file = project({
      wasm: { path: 'build/plugin.wasm', build: 'make' },
      tolerances: { levelDb: 0.2 },
      allowedOrigins: ['http://localhost:5174'],
      validate: { strictness: 7, generator: true, skip: ['cost'] },
    });
    const root = join(file, '..');
    const config = readHarnessConfig({ WAVECRAFT_CONFIG: file });
    expect(config).toMatchObject({
      wasmPath: join(root, 'build/plugin.wasm'),
      scenariosDir: join(root, 'scenarios'),
      goldensDir: join(root, 'goldens'),
      reportsDir: join(root, 'reports'),
      fixturesDirs: [join(root, 'fixtures'), join(root, '.wavecraft/fixtures')],
      tolerances: { levelDb: 0.2 },
      allowedOrigins: ['http://localhost:5174'],
    });
    expect(config.project?.wasmBuildCommand).toBe('make');
    expect(config.project?.validate).toEqual({ strictness: 7, generator: true, skip: ['cost'] });
    expect(readHarnessConfig({ WAVECRAFT_CONFIG: file, WAVECRAFT_WASM: '/tmp/nightly.wasm' }).wasmPath).toBe(
      '/tmp/nightly.wasm',
    );
  });

  it('refuses a bad config file, naming the file and every JSON pointer', () => {
    const file = project({
      wasm: { path: 'plugin.so' },
      tolerances: { levelDb: -1 },
      colour: 'red',
      validate: { skip: ['speed'] },
    });
    const error = (() => {
      try {
        loadProjectConfig(file);
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(file);
    expect(error.problems.join('\n')).toMatch(/\/wasm\/path must match pattern/);
    expect(error.problems.join('\n')).toMatch(/\/tolerances\/levelDb must be > 0/);
    expect(error.problems.join('\n')).toMatch(/\/ must NOT have additional properties \(colour\)/);
    expect(error.problems.join('\n')).toMatch(/\/validate\/skip\/0 must be equal to one of the allowed values/);
    expect(() => loadProjectConfig(project('{ "wasm": '))).toThrow(/wavecraft\.config\.json: not valid JSON/);
    expect(() => loadProjectConfig('/nonexistent/wavecraft.config.json')).toThrow(
      /no such file; create one with: npx wavecraft-harness init/,
    );
  });
});
