/**
 * Embeds the harness's fonts in a page or a standalone SVG: @font-face rules whose sources are
 * data: URIs of DejaVu Sans and DejaVu Sans Mono (regular and bold, from @fontsource), each cut
 * down to the characters the document holds (subset-font, HarfBuzz's subsetter), so a report
 * opened from a CI artefact draws the same glyphs on every machine without a request. A subset
 * of a few dozen glyphs is ~10 kB of the font's 250 kB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { MONO_FAMILY, SANS_FAMILY } from './fontFamilies.ts';

interface Face {
  family: string;
  weight: 400 | 700;
  /** The @fontsource file, relative to its package. */
  file: string;
}

const FACES: readonly Face[] = [
  { family: SANS_FAMILY, weight: 400, file: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2' },
  { family: SANS_FAMILY, weight: 700, file: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff2' },
  { family: MONO_FAMILY, weight: 400, file: '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff2' },
  { family: MONO_FAMILY, weight: 700, file: '@fontsource/dejavu-mono/files/dejavu-mono-latin-700-normal.woff2' },
];

/**
 * Characters a page may draw that its text does not hold: printable ASCII (the digits of a
 * number a page computes), list bullets and the ellipsis of an overflowing label.
 */
const ALWAYS = `${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i))}•◦▪…–—`;

const require = createRequire(import.meta.url);
const sources = new Map<string, Buffer>();
const source = (file: string) => {
  let bytes = sources.get(file);
  if (!bytes) sources.set(file, (bytes = readFileSync(require.resolve(file))));
  return bytes;
};

/** The characters `document` draws: its text with the few entities the harness writes decoded. */
function charactersOf(document: string): string {
  const decoded = document
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  return [...new Set(ALWAYS + decoded)].join('');
}

/** @font-face rules for the harness's families, each holding the glyphs of `document` (HTML or SVG). */
export async function fontFaceCss(document: string): Promise<string> {
  const text = charactersOf(document);
  const rules = await Promise.all(
    FACES.map(async (face) => {
      const ttf = await subsetFont(source(face.file), text, { targetFormat: 'truetype' });
      return `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;src:url(data:font/ttf;base64,${ttf.toString('base64')}) format('truetype')}`;
    }),
  );
  return rules.join('\n');
}

/** `html` with the harness's fonts embedded in a <style> at the end of its <head>. */
export async function withEmbeddedFonts(html: string): Promise<string> {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('withEmbeddedFonts: the page has no </head> to put its fonts in');
  return `${html.slice(0, at)}<style>\n${await fontFaceCss(html)}\n</style>${html.slice(at)}`;
}

/** A standalone SVG (an attachment, opened on its own) with the harness's fonts embedded in its <defs>. */
export async function svgWithEmbeddedFonts(svg: string): Promise<string> {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('svgWithEmbeddedFonts: not an SVG document');
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}<defs><style>${await fontFaceCss(svg)}</style></defs>${svg.slice(at)}`;
}
