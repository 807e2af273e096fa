/**
 * The worker-scoped fixtures: the config, the machine sampler, the dev server and page under test
 * (the embedded reference stack on free ports unless the config points elsewhere), Chromium, the
 * worker's browser pool and its offline-render page.
 */
import type { Fixtures, Page } from '@playwright/test';
import { startReferenceStack } from '../../devmode/index.ts';
import { BrowserPool, NO_CAPTURE } from '../browser/browserPool.ts';
import { requireChromium } from '../browser/findChromium.ts';
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { MachineSampler } from '../health/machineSampler.ts';
import type { TestFixtures, WorkerFixtures } from './fixtureTypes.ts';

export const workerFixtures: Fixtures<TestFixtures, WorkerFixtures> = {
  harnessConfig: [async ({}, use) => use(readHarnessConfig()), { scope: 'worker' }],

  machineSampler: [
    async ({}, use) => {
      const sampler = new MachineSampler().start();
      await use(sampler);
      sampler.stop();
    },
    { scope: 'worker' },
  ],

  stack: [
    async ({ harnessConfig }, use) => {
      // The embedded stack always starts: its page server also serves the offline renderer and
      // test files. A user's dev server and page, when configured, replace it for live tests.
      const stack = await startReferenceStack({
        devServerPort: 0,
        pagePort: 0,
        ...(harnessConfig.wasmPath ? { wasmPath: harnessConfig.wasmPath } : {}),
        extraOrigins: harnessConfig.allowedOrigins,
      });
      try {
        await use({
          devServerUrl: harnessConfig.devServerUrl ?? stack.devServerUrl,
          pageUrl: harnessConfig.pageUrl ?? `${stack.pageOrigin}/index.html`,
          embedded: !harnessConfig.devServerUrl && !harnessConfig.pageUrl,
          pageOrigin: stack.pageOrigin,
          wasmPath: stack.wasmPath,
          mount: stack.mount,
        });
      } finally {
        await stack.close();
      }
    },
    { scope: 'worker' },
  ],

  chromiumPath: [async ({}, use) => use(requireChromium().path), { scope: 'worker' }],

  browserPool: [
    async ({ chromiumPath }, use) => {
      const pool = new BrowserPool(chromiumPath);
      try {
        await use(pool);
      } finally {
        await pool.close();
      }
    },
    { scope: 'worker' },
  ],

  offlineRenderPage: [
    async ({ browserPool }, use) => {
      // One page for the worker, kept so its renderer stays loaded; a closed one is replaced.
      let page: Page | null = null;
      await use(async () => {
        if (!page || page.isClosed()) page = await browserPool.takePage(NO_CAPTURE);
        return page;
      });
    },
    { scope: 'worker' },
  ],
};
