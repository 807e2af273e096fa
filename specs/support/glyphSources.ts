/**
 * Which fonts a page's text is drawn with, as Chromium itself reports it (DevTools'
 * CSS.getPlatformFontsForNode): per font, whether it came from the page (an embedded web font) or
 * from the machine, and how many glyphs it drew. A page that travels draws every glyph from fonts
 * it embeds.
 */
import type { Page } from '@playwright/test';

export interface GlyphSource {
  family: string;
  /** A web font the page loaded itself (true), or one of the machine's (false). */
  embedded: boolean;
  glyphs: number;
  /** The start of a text that used it. */
  example: string;
}

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeValue: string;
  children?: DomNode[];
}

export async function glyphSources(page: Page): Promise<GlyphSource[]> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const sources = new Map<string, GlyphSource>();
    const visit = async (node: DomNode): Promise<void> => {
      const text = (node.children ?? [])
        .filter((c) => c.nodeType === 3)
        .map((c) => c.nodeValue)
        .join('')
        .trim();
      if (node.nodeType === 1 && text) {
        const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })) as {
          fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[];
        };
        for (const f of fonts) {
          const key = `${f.familyName}/${f.isCustomFont}`;
          const known = sources.get(key) ?? {
            family: f.familyName,
            embedded: f.isCustomFont,
            glyphs: 0,
            example: text.slice(0, 40),
          };
          known.glyphs += f.glyphCount;
          sources.set(key, known);
        }
      }
      for (const child of node.children ?? []) await visit(child);
    };
    await visit(root);
    return [...sources.values()];
  } finally {
    await cdp.detach();
  }
}
