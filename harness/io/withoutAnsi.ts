/** Text without its ANSI colour codes (Playwright colours its messages): for reports, regexes and people. */
// eslint-disable-next-line no-control-regex -- the escape character is what an ANSI code starts with
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;

export const withoutAnsi = (text: string): string => text.replace(ANSI_COLOUR, '');
