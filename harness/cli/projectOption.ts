/**
 * `--config path/to/wavecraft.config.json`, which every command but init takes: the project's
 * config, or the nearest one from the current folder up.
 */
import { resolve } from 'node:path';
import { findProjectConfig, loadProjectConfig, type ProjectConfig } from '../config/projectConfig.ts';
import type { CommandOption } from './commandDefinition.ts';
import { UsageError } from './usageError.ts';

export const CONFIG_OPTION = { type: 'string', placeholder: 'FILE', hidden: true } as const satisfies CommandOption;

/** The project `given` names, or the nearest one; null when there is none. */
export function findProject(given: string | undefined): ProjectConfig | null {
  const file = given ? resolve(given) : findProjectConfig();
  return file ? loadProjectConfig(file) : null;
}

/** The project `given` names, or the nearest one; a usage error that says how to make one when there is none. */
export function projectFrom(given: string | undefined): ProjectConfig {
  const project = findProject(given);
  if (!project) {
    throw new UsageError(
      `no wavecraft.config.json in ${process.cwd()} or above; create one with: wavecraft-harness init --wasm path/to/build.wasm (or pass --config)`,
    );
  }
  return project;
}
