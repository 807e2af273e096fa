/**
 * A plugin project's harness config file, `wavecraft.config.json`: where its DSP build,
 * scenarios, goldens, fixtures and reports are, its tolerances, and optionally its own dev server
 * and page. Checked with ajv; every error names the file and the JSON pointer. Paths are relative
 * to the file's folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { formatAjvErrors } from '../../contracts/ipc/validator.ts';
import { validateOptionsFromConfig, type ConfigValidateOptions } from '../validate/validatorOptions.ts';
import { projectConfigSchema, type ConfigFile } from './projectConfigSchema.ts';

export const CONFIG_FILE_NAME = 'wavecraft.config.json';

export interface ProjectConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder: the plugin project's root. */
  root: string;
  wasmPath: string;
  wasmBuildCommand: string | null;
  /** The Wavecraft plugin's engine crate that init made the DSP crate from, absolute (wasm.engine), or null. */
  engineDir: string | null;
  scenariosDir: string;
  goldensDir: string;
  fixturesDir: string;
  reportsDir: string;
  /** Where the harness keeps what it generates for the project (standard fixtures). Gitignored. */
  cacheDir: string;
  tolerances: NonNullable<ConfigFile['tolerances']>;
  /** Every live reading must repeat from take to take (`strict`); default false. */
  strict: boolean;
  devServerUrl: string | null;
  pageUrl: string | null;
  allowedOrigins: string[];
  /** Your own plugin UI, for `devmode` (as --ui): its origin is allowed and the audio page runs headless beside it. */
  uiUrl: string | null;
  /** The validator's settings (`validate`): the options of harness/validate/validatorOptions.ts with a config key. */
  validate: ConfigValidateOptions;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`);
    this.name = 'ConfigError';
  }
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(projectConfigSchema);

/** The config file in `dir` or the nearest folder above it, or null. */
export function findProjectConfig(dir: string = process.cwd()): string | null {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const candidate = join(at, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(at) === at) return null;
  }
}

export function parseProjectConfig(file: string, text: string): ProjectConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  if (!validate(json)) throw new ConfigError(file, formatAjvErrors(validate.errors));
  const raw = json as ConfigFile;
  const root = dirname(resolve(file));
  const at = (path: string | undefined, fallback: string) => resolve(root, path ?? fallback);
  return {
    file: resolve(file),
    root,
    wasmPath: at(raw.wasm.path, ''),
    wasmBuildCommand: raw.wasm.build ?? null,
    engineDir: raw.wasm.engine === undefined ? null : at(raw.wasm.engine, '.'),
    scenariosDir: at(raw.scenarios, 'scenarios'),
    goldensDir: at(raw.goldens, 'goldens'),
    fixturesDir: at(raw.fixtures, 'fixtures'),
    reportsDir: at(raw.reports, 'reports'),
    cacheDir: join(root, '.wavecraft'),
    tolerances: raw.tolerances ?? {},
    strict: raw.strict ?? false,
    devServerUrl: raw.devServerUrl ?? null,
    pageUrl: raw.pageUrl ?? null,
    allowedOrigins: raw.allowedOrigins ?? [],
    uiUrl: raw.ui ?? null,
    validate: validateOptionsFromConfig(raw.validate as Record<string, unknown> | undefined),
  };
}

export function loadProjectConfig(file: string): ProjectConfig {
  if (!existsSync(file))
    throw new ConfigError(file, [
      'no such file; create one with: npx wavecraft-harness init --wasm path/to/build.wasm',
    ]);
  return parseProjectConfig(file, readFileSync(file, 'utf8'));
}
