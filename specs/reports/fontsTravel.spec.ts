/**
 * The report pages look the same on any machine and any Chromium build: goldens recorded on one
 * machine hold on another. Each page embeds its fonts (harness/report/fonts/) and every browser
 * the harness starts pins how text is rasterised (harness/browser/fontRendering.ts), so
 * - every glyph of the dashboard, the failure plot and the validator page is drawn from a font the
 *   page embeds, never from the machine's (Chromium's own account, over DevTools);
 * - the dashboard and the failure plot render to the same pixels with only a monospace font
 *   installed (FONTCONFIG_FILE pointing at it: the page's fallback fonts are another font set), and
 *   in a second Chromium build (the 153 headless shell, fixtures/browsers/headlessShell.ts), as in
 *   the browser the goldens were recorded with; not one pixel off.
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import subsetFont from 'subset-font';
import { NO_CAPTURE } from '../../harness/browser/browserPool.ts';
import { findChromium } from '../../harness/browser/findChromium.ts';
import { launchChromium } from '../../harness/browser/launchChromium.ts';
import { expect, test } from '../../harness/test.ts';
import { headlessShellPath } from '../../fixtures/browsers/headlessShell.ts';
import { glyphSources } from '../support/glyphSources.ts';
import {
  DASHBOARD_GOLDEN,
  FAILURE_PLOT_GOLDEN,
  dashboardHtml,
  failurePlotSvg,
  validatorHtml,
} from '../support/reportPages.ts';

interface ReportPage {
  name: string;
  file: string;
  /** The fragment the golden was shot with (the dashboard's: a failed run clicked in the matrix, outlined). */
  hash?: string;
  make: () => Promise<string>;
  /** The golden it is held to, and what is shot: the whole page or its chart. */
  golden?: { name: string; shoot: (page: Page) => Page | Locator; fullPage: boolean };
}

const PAGES: ReportPage[] = [
  {
    name: 'the nightly dashboard',
    file: 'trend.html',
    hash: '#run-18',
    make: dashboardHtml,
    golden: { name: DASHBOARD_GOLDEN, shoot: (page) => page, fullPage: true },
  },
  {
    name: 'the failure plot',
    file: 'plot.svg',
    make: failurePlotSvg,
    golden: { name: FAILURE_PLOT_GOLDEN, shoot: (page) => page.locator('svg').first(), fullPage: false },
  },
  { name: 'the validator page', file: 'validation.html', make: validatorHtml },
];

async function open(page: Page, testInfo: TestInfo, report: ReportPage): Promise<void> {
  const file = testInfo.outputPath(report.file);
  writeFileSync(file, await report.make());
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`file://${file}${report.hash ?? ''}`);
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
}

async function shot(page: Page, report: ReportPage): Promise<Buffer> {
  const { shoot, fullPage } = report.golden!;
  const target = shoot(page);
  return target === page ? page.screenshot({ fullPage, animations: 'disabled' }) : target.screenshot({ animations: 'disabled' });
}

/** Pixels that differ between two PNGs (any difference at all), or the sizes when those differ. */
function pixelsDiffering(a: Buffer, b: Buffer): { differ: number; sizes: string; diff: Buffer | null } {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  const sizes = `${pa.width}×${pa.height} against ${pb.width}×${pb.height}`;
  if (pa.width !== pb.width || pa.height !== pb.height) return { differ: Infinity, sizes, diff: null };
  const diff = new PNG({ width: pa.width, height: pa.height });
  const differ = pixelmatch(pa.data, pb.data, diff.data, pa.width, pa.height, { threshold: 0 });
  return { differ, sizes, diff: differ ? PNG.sync.write(diff) : null };
}

/**
 * The second build: the headless shell, unless the machine's Chromium is that shell already (CHROMIUM_PATH pointing at
 * it), then the Chromium the search finds without CHROMIUM_PATH.
 */
async function secondBuild(machines: string, machinesVersion: string): Promise<Browser | null> {
  const candidates = [headlessShellPath(), findChromium({ ...process.env, CHROMIUM_PATH: '' })?.path];
  for (const path of candidates) {
    if (!path || realpathSync(path) === realpathSync(machines)) continue;
    const browser = await launchChromium(path);
    if (browser.version() !== machinesVersion) return browser;
    await browser.close();
  }
  return null;
}

/** The width of a line of the browser's default sans-serif: it tells one font set from another. */
const sansSerifWidth = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = '14px sans-serif';
    return canvas.measureText('Nightly trend: worst deviation (dB)').width;
  });

/** A font set of one monospace font (DejaVu Sans Mono, from the package the pages embed), as a fontconfig file. */
async function monospaceOnlyFontconfig(dir: string): Promise<string> {
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const everything = String.fromCodePoint(...Array.from({ length: 0x2fe0 }, (_, i) => 0x20 + i));
  const woff2 = readFileSync(
    new URL(import.meta.resolve('@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff2')),
  );
  writeFileSync(join(fonts, 'DejaVuSansMono.ttf'), await subsetFont(woff2, everything, { targetFormat: 'truetype' }));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig><dir>${fonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  return conf;
}

test('every glyph of the report pages is drawn from the fonts they embed', async ({ browserPool }, testInfo) => {
  const page = await browserPool.takePage(NO_CAPTURE);
  try {
    for (const report of PAGES) {
      await test.step(report.name, async () => {
        await open(page, testInfo, report);
        const sources = await glyphSources(page);
        const fromMachine = sources.filter((s) => !s.embedded);
        expect(
          fromMachine.map((s) => `${s.family}: ${s.glyphs} glyphs, e.g. in "${s.example}"`),
          `${report.name}: glyphs drawn with the machine's fonts (the page's own: ${sources
            .filter((s) => s.embedded)
            .map((s) => `${s.family} ${s.glyphs}`)
            .join(', ')})`,
        ).toEqual([]);
        expect(sources.reduce((n, s) => n + s.glyphs, 0), `${report.name}: glyphs drawn`).toBeGreaterThan(50);
      });
    }
  } finally {
    await page.context().close();
  }
});

for (const elsewhere of ['only a monospace font installed', 'a second Chromium build (the 153 headless shell, or the machine\'s other Chromium)'] as const) {
  // (With CHROMIUM_PATH at that shell, or a copy of it, the second build is the machine's other Chromium, told by
  // its version: see secondBuild. With none, the test is skipped and says why.)
  test(`the dashboard and the failure plot render to the same pixels with ${elsewhere}`, async ({
    browserPool,
    chromiumPath,
  }, testInfo) => {
    // This machine as it is: the browser the goldens are recorded with.
    const here = await browserPool.takePage(NO_CAPTURE);
    let other: Browser | null = null;
    try {
      const hereBrowser = here.context().browser()!;
      other =
        elsewhere === 'a second Chromium build (the 153 headless shell, or the machine\'s other Chromium)'
          ? await secondBuild(chromiumPath, hereBrowser.version())
          : await launchChromium(chromiumPath, {
              env: { ...process.env, FONTCONFIG_FILE: await monospaceOnlyFontconfig(testInfo.outputPath('fontset')) },
            });
      test.skip(
        other === null,
        `no second Chromium build on this machine: ${chromiumPath} is Chromium ${hereBrowser.version()}, and so are the headless shell and every other Chromium found`,
      );
      if (other === null) return;
      const there = await (await other.newContext()).newPage();
      // The other side really is elsewhere: other fallback fonts, or another build.
      if (elsewhere === 'a second Chromium build (the 153 headless shell, or the machine\'s other Chromium)')
        expect(other.version(), 'a second Chromium build').not.toBe(hereBrowser.version());
      else expect(await sansSerifWidth(there), "the other font set's sans-serif").not.toBe(await sansSerifWidth(here));
      testInfo.annotations.push({ type: 'browsers', description: `${hereBrowser.version()} | ${other.version()}` });
      const recording = testInfo.config.updateSnapshots !== 'none';
      for (const report of PAGES.filter((p) => p.golden)) {
        await test.step(report.name, async () => {
          await open(here, testInfo, report);
          await open(there, testInfo, report);
          const [mine, theirs] = [await shot(here, report), await shot(there, report)];
          const against = [{ what: `this machine's rendering`, png: mine }];
          // The golden itself, when this run does not record it anew.
          if (!recording) against.push({ what: `its golden ${report.golden!.name}`, png: readFileSync(testInfo.snapshotPath(report.golden!.name)) });
          for (const { what, png } of against) {
            const { differ, sizes, diff } = pixelsDiffering(png, theirs);
            if (diff) await testInfo.attach(`${report.file}-diff.png`, { body: diff, contentType: 'image/png' });
            if (differ) await testInfo.attach(`${report.file}-${elsewhere}.png`, { body: theirs, contentType: 'image/png' });
            expect(differ, `${report.name} with ${elsewhere} against ${what} (${sizes}): pixels that differ`).toBe(0);
          }
        });
      }
    } finally {
      await other?.close();
      await here.context().close();
    }
  });
}
