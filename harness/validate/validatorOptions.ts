/**
 * The validator's options, each declared once: its CLI flag, its key in a project's
 * `wavecraft.config.json` (`validate`), its kind and range, its default and what it means. The
 * `ValidateOptions` type, the defaults, `validate`'s CLI options and their parsing, the config
 * schema, the config reader, nightly's defaults and the docs' option table are all made from
 * this table (validatorOptions.test.ts holds them to it): a new option is one entry.
 */
import { CHECK_IDS } from './checkIds.ts';

interface OptionBase {
  /** What it means, for the docs and the usage line. */
  doc: string;
  /** The CLI flag (`--<flag>`), or null when the CLI does not take it. */
  flag: string | null;
  /** The key under `validate` in wavecraft.config.json, or null when the config does not take it. */
  config: string | null;
}

/** A number in [min, max] (an integer when `integer`), or its default (null: the check's own bound). */
export interface NumberOption extends OptionBase {
  kind: 'number';
  integer?: boolean;
  min: number;
  max: number;
  default: number | null;
  /** The value's placeholder in the usage; absent: the default (`--headroom 4`). */
  placeholder?: string;
}

/** The strictness from which the cost check fails a build over --max-cpu-share (below it, it only measures). */
export const COST_FAILS_FROM_STRICTNESS = 7;

/** How the usage names an option's value: its placeholder, else its default, else N. */
export function placeholderOf(spec: OptionSpec): string {
  if (spec.kind === 'ids') return 'id,id';
  if (spec.kind === 'boolean') return '';
  return spec.placeholder ?? (spec.default === null ? 'N' : String(spec.default));
}

/** A switch; `negated`: the flag turns it off (`--no-browser`). */
export interface BooleanOption extends OptionBase {
  kind: 'boolean';
  default: boolean;
  negated?: boolean;
}

/** A list of check ids, or null for none given. */
export interface IdsOption extends OptionBase {
  kind: 'ids';
  default: null;
}

export type OptionSpec = NumberOption | BooleanOption | IdsOption;

export const VALIDATE_OPTIONS = {
  strictness: {
    kind: 'number',
    integer: true,
    min: 1,
    max: 10,
    default: 5,
    placeholder: '1..10',
    flag: 'strictness',
    config: 'strictness',
    doc: 'how thorough: each check runs from its own minimum strictness',
  },
  seed: {
    kind: 'number',
    integer: true,
    min: 0,
    max: 2 ** 32 - 1,
    default: 1,
    placeholder: 'N',
    flag: 'seed',
    config: null,
    doc: "the random inputs' seed: a failure replays exactly with it",
  },
  headroom: {
    kind: 'number',
    min: 0.001,
    max: 1e6,
    default: 4,
    flag: 'headroom',
    config: 'headroom',
    doc: 'the sample peak allowed at default parameters, linear (2 = +6 dBFS; finite-output owns it: a setting that is loud by its range is not held to it)',
  },
  fuzzHeadroom: {
    kind: 'number',
    min: 0.001,
    max: 1e6,
    default: null,
    placeholder: 'N',
    flag: 'fuzz-headroom',
    config: 'fuzzHeadroom',
    doc: "the sample peak allowed during automation fuzz, linear (absent: the fuzz's own bound, see automation-fuzz; changes every few frames make correct filters ring far past the headroom)",
  },
  tailSeconds: {
    kind: 'number',
    min: 0.01,
    max: 60,
    default: 1,
    flag: 'tail-seconds',
    config: 'tailSeconds',
    doc: 'seconds of silence after which the output must be below -120 dBFS, or judged still dying away over the next 4 s (passed, and said)',
  },
  generator: {
    kind: 'boolean',
    default: false,
    flag: 'generator',
    config: 'generator',
    doc: 'the DSP makes sound from silence (a synth): the silence check is left out',
  },
  maxCpuShare: {
    kind: 'number',
    min: 0.0001,
    max: 100,
    default: 0.5,
    flag: 'max-cpu-share',
    config: 'maxCpuShare',
    doc: `the largest share of one core at 48 kHz (judged from strictness ${COST_FAILS_FROM_STRICTNESS})`,
  },
  only: {
    kind: 'ids',
    default: null,
    flag: 'only',
    config: null,
    doc: 'run only these checks (ids, comma-separated)',
  },
  skip: {
    kind: 'ids',
    default: null,
    flag: 'skip',
    config: 'skip',
    doc: "leave these checks out (ids), e.g. a project's accepted exceptions",
  },
  browser: {
    kind: 'boolean',
    default: true,
    negated: true,
    flag: 'no-browser',
    config: null,
    doc: 'run the browser leg (the module in an AudioWorklet in Chromium); `--no-browser` leaves it out',
  },
} as const satisfies Record<string, OptionSpec>;

type Table = typeof VALIDATE_OPTIONS;
export type ValidateOptionKey = keyof Table;

/** The value an option holds. */
type ValueOf<S> = S extends { kind: 'number'; default: null }
  ? number | null
  : S extends { kind: 'number' }
    ? number
    : S extends { kind: 'boolean' }
      ? boolean
      : string[] | null;

/** The validator's options: one per entry of VALIDATE_OPTIONS. */
export type ValidateOptions = { -readonly [K in ValidateOptionKey]: ValueOf<Table[K]> };

const entries = () => Object.entries(VALIDATE_OPTIONS) as [ValidateOptionKey, OptionSpec][];

export const DEFAULT_VALIDATE_OPTIONS = Object.fromEntries(
  entries().map(([key, spec]) => [key, spec.default]),
) as ValidateOptions;

/** The options a project's config may set (those with a config key). */
export type ConfigValidateOptions = Partial<
  Pick<ValidateOptions, { [K in ValidateOptionKey]: Table[K]['config'] extends null ? never : K }[ValidateOptionKey]>
>;

/** The JSON Schema of a project config's `validate` object. */
export function validateConfigSchema(): object {
  const properties: Record<string, object> = {};
  for (const [, spec] of entries()) {
    if (!spec.config) continue;
    properties[spec.config] =
      spec.kind === 'number'
        ? { type: spec.integer ? 'integer' : 'number', minimum: spec.min, maximum: spec.max }
        : spec.kind === 'boolean'
          ? { type: 'boolean' }
          : { type: 'array', items: { enum: CHECK_IDS } };
  }
  return { type: 'object', additionalProperties: false, properties };
}

/** A project config's `validate` object (already checked against validateConfigSchema) as options. */
export function validateOptionsFromConfig(raw: Record<string, unknown> | undefined): ConfigValidateOptions {
  const options: Record<string, unknown> = {};
  for (const [key, spec] of entries()) if (spec.config && raw && spec.config in raw) options[key] = raw[spec.config];
  return options as ConfigValidateOptions;
}

/** The docs' table of the options (docs/validator.md's generated section). */
export function formatValidateOptionTable(): string {
  const rows = entries().map(([key, spec]) => {
    const flag = spec.flag ? `\`--${spec.flag}${spec.kind === 'boolean' ? '' : ` ${placeholderOf(spec)}`}\`` : '—';
    const config = spec.config ? `\`validate.${spec.config}\`` : '—';
    const range =
      spec.kind === 'number'
        ? `${spec.integer ? 'integer ' : ''}${spec.min} to ${spec.max}`
        : spec.kind === 'boolean'
          ? 'true or false'
          : 'check ids';
    const fallback = spec.default === null ? (spec.kind === 'ids' ? 'none' : "the check's own") : String(spec.default);
    return `| ${flag} | ${config} | \`${key}\` | ${range} | ${fallback} | ${spec.doc} |`;
  });
  return ['| flag | config | option | range | default | meaning |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
