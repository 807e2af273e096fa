/**
 * Text that renders the same on every machine and Chromium build. The harness's pages embed their
 * fonts (harness/report/fonts/), but how Chromium rasterises even an embedded font on Linux comes
 * from fontconfig: antialiasing, hinting, subpixel order and LCD filter are the machine's (Debian:
 * hintslight; a bare config: full hinting), and a different setting moves every glyph. So every
 * browser the harness launches reads a fontconfig file of its own: the machine's configuration
 * (its fonts, untouched) followed by rules that pin those settings (grayscale antialiasing, no
 * hinting), and `--font-render-hinting=none` for the headless shell, which takes its hinting from
 * that flag instead. Measured: the nightly dashboard renders to the same pixels on Debian's
 * Chromium 156 and the 153 headless shell, with the machine's fonts or only a monospace font
 * installed (specs/reports/fontsTravel.spec.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The flag half of it: the headless shell hints glyphs as this says, whatever fontconfig says. */
export const FONT_RENDERING_FLAGS = ['--font-render-hinting=none'];

/** Rendering settings every match gets, after the machine's own rules (assign: the last word). */
const PINNED = [
  '<edit name="antialias" mode="assign"><bool>true</bool></edit>',
  '<edit name="hinting" mode="assign"><bool>false</bool></edit>',
  '<edit name="hintstyle" mode="assign"><const>hintnone</const></edit>',
  '<edit name="autohint" mode="assign"><bool>false</bool></edit>',
  '<edit name="rgba" mode="assign"><const>none</const></edit>',
  '<edit name="lcdfilter" mode="assign"><const>lcdnone</const></edit>',
  '<edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>',
].join('');

/** The fontconfig file the machine would use: $FONTCONFIG_FILE, else fonts.conf in $FONTCONFIG_PATH or /etc/fonts. */
export function machineFontconfig(env: NodeJS.ProcessEnv = process.env): string {
  if (env['FONTCONFIG_FILE']) return env['FONTCONFIG_FILE'];
  return join(env['FONTCONFIG_PATH'] || '/etc/fonts', 'fonts.conf');
}

const xml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** The pinned configuration wrapping `base`. */
export function pinnedFontconfig(base: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by wavecraft-audio-harness (harness/browser/fontRendering.ts): the machine's fonts, rendered the same everywhere. -->
<fontconfig>
  <include ignore_missing="yes">${xml(base)}</include>
  <match target="pattern">${PINNED}</match>
  <match target="font">${PINNED}</match>
</fontconfig>
`;
}

/**
 * The environment a harness browser is launched with: `env` with FONTCONFIG_FILE pointing at the
 * pinned configuration (written once per content, atomically, in the temp folder). Where the
 * machine has no fontconfig (not Linux), `env` unchanged.
 */
export function fontRenderingEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const base = machineFontconfig(env);
  if (process.platform !== 'linux' && !existsSync(base)) return env;
  const content = pinnedFontconfig(base);
  const dir = join(tmpdir(), `wavecraft-fontconfig-${createHash('sha256').update(content).digest('hex').slice(0, 16)}`);
  const file = join(dir, 'fonts.conf');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  }
  return { ...env, FONTCONFIG_FILE: file };
}
