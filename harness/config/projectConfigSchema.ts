/** The JSON Schema of a plugin project's harness config file, `wavecraft.config.json`. */
import { TOLERANCE_PROPERTIES } from '../scenarios/scenarioSchema.ts';
import { CHECK_IDS } from '../validate/checkIds.ts';

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
      },
    },
    scenarios: { type: 'string', minLength: 1 },
    goldens: { type: 'string', minLength: 1 },
    fixtures: { type: 'string', minLength: 1 },
    reports: { type: 'string', minLength: 1 },
    tolerances: { type: 'object', additionalProperties: false, properties: TOLERANCE_PROPERTIES },
    /** Every live reading must repeat from take to take (record refuses one that does not); a scenario's own wins. */
    strict: { type: 'boolean' },
    /** The validator's settings for this plugin (nightly runs it first). */
    validate: {
      type: 'object',
      additionalProperties: false,
      properties: {
        strictness: { type: 'integer', minimum: 1, maximum: 10 },
        generator: { type: 'boolean' },
        headroom: { type: 'number', exclusiveMinimum: 0 },
        fuzzHeadroom: { type: 'number', exclusiveMinimum: 0 },
        tailSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 60 },
        maxCpuShare: { type: 'number', exclusiveMinimum: 0 },
        skip: { type: 'array', items: { enum: CHECK_IDS } },
      },
    },
    devServerUrl: { type: 'string', pattern: '^wss?://' },
    pageUrl: { type: 'string', pattern: '^https?://' },
    allowedOrigins: { type: 'array', items: { type: 'string', pattern: '^https?://' } },
    ui: { type: 'string', pattern: '^https?://' },
  },
} as const;
