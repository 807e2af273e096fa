/**
 * Every Chromium the harness starts: headless, with the harness's flags (launchArgs.ts) and its
 * pinned text rendering (fontRendering.ts), so what one launch renders another renders alike.
 */
import { chromium, type Browser } from '@playwright/test';
import { fontRenderingEnv } from './fontRendering.ts';
import { launchArgs, type LaunchArgsOptions } from './launchArgs.ts';

export interface LaunchChromiumOptions extends LaunchArgsOptions {
  /** More flags, after the harness's own. */
  extraArgs?: readonly string[];
  /** The environment it starts in (default: this process's); its fontconfig is pinned on top. */
  env?: NodeJS.ProcessEnv;
  /** Playwright's launch timeout, ms (0: none). */
  timeout?: number;
}

export function launchChromium(executablePath: string, options: LaunchChromiumOptions = {}): Promise<Browser> {
  const { extraArgs = [], env = process.env, timeout, ...argOptions } = options;
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...launchArgs(argOptions), ...extraArgs],
    env: fontRenderingEnv(env) as Record<string, string>,
    ...(timeout !== undefined ? { timeout } : {}),
  });
}
