/** The JSON Schema of a plugin project's harness config file, `wavecraft.config.json`. */
import { TOLERANCE_PROPERTIES } from './toleranceSchema.ts';
import { validateConfigSchema } from '../validate/validatorOptions.ts';

export const projectConfigSchema = {
  $id: 'wavecraft/ProjectConfig',
  type: 'object',
  required: ['wasm'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    wasm: {
      type: 'object',
      required: ['path'],
      additionalProperties: false,
      properties: {
        /** The DSP build (ABI v1), relative to the config file. */
        path: { type: 'string', minLength: 1, pattern: '\\.wasm$' },
        /** A shell command, run in the config file's folder before every test, record or nightly run. */
        build: { type: 'string', minLength: 1 },
        /**
         * The Wavecraft plugin's engine crate (a folder, relative to the config file) whose DSP crate
         * `init` wrote: before every test, record or nightly run the crate is checked against it.
         */
        engine: { type: 'string', minLength: 1 },
      },
    },
    scenarios: { type: 'string', minLength: 1 },
    goldens: { type: 'string', minLength: 1 },
    fixtures: { type: 'string', minLength: 1 },
    reports: { type: 'string', minLength: 1 },
    tolerances: { type: 'object', additionalProperties: false, properties: TOLERANCE_PROPERTIES },
    /** Every live reading must repeat from take to take (record refuses one that does not); a scenario's own wins. */
    strict: { type: 'boolean' },
    /** The validator's settings for this plugin (nightly runs it first): made from its option table. */
    validate: validateConfigSchema(),
    devServerUrl: { type: 'string', pattern: '^wss?://' },
    pageUrl: { type: 'string', pattern: '^https?://' },
    allowedOrigins: { type: 'array', items: { type: 'string', pattern: '^https?://' } },
    ui: { type: 'string', pattern: '^https?://' },
  },
} as const;
