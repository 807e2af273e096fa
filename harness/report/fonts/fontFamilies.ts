/**
 * The font families every page and chart the harness renders asks for. They are names no machine
 * has installed: each page embeds them itself (embeddedFonts.ts), so its text is drawn from fonts
 * shipped with the harness (DejaVu, from @fontsource) and never from what fontconfig picks on the
 * machine. A page whose embedding broke falls back to the system's fonts, and the pixel goldens
 * and the platform-font check (specs/reports/fontsTravel.spec.ts) say so.
 */
export const SANS_FAMILY = 'Wavecraft Sans';
export const MONO_FAMILY = 'Wavecraft Mono';

/** CSS font-family values: the embedded family first, a generic fallback only for a broken embedding. */
export const SANS_STACK = `'${SANS_FAMILY}', sans-serif`;
export const MONO_STACK = `'${MONO_FAMILY}', monospace`;
