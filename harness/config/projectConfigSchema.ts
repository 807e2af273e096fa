/**
 * A plugin project's harness config file, `wavecraft.config.json`, declared once (TypeBox): the
 * JSON Schema that checks it, its TypeScript type (`ConfigFile`), and the field table of
 * docs/plugin-projects.md (`npm run docs`) come from here. Paths are relative to the file's folder.
 */
import { Type, type Static } from '@sinclair/typebox';
import { exact } from '../../contracts/schema/schemaParts.ts';
import { validateConfigSchema, type ConfigValidateOptions } from '../validate/validatorOptions.ts';
import { TOLERANCE_FIELDS } from './toleranceSchema.ts';

const folder = (fallback: string, what: string) =>
  Type.Optional(Type.String({ minLength: 1, default: fallback, description: what }));

export const projectConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: "the file's JSON Schema, for editors (init writes it)" })),
    wasm: Type.Object(
      {
        path: Type.String({ minLength: 1, pattern: '\\.wasm$', description: 'the DSP build (ABI v1)' }),
        build: Type.Optional(
          Type.String({
            minLength: 1,
            description: "a shell command, run in the config file's folder before every test, record or nightly run",
          }),
        ),
        engine: Type.Optional(
          Type.String({
            minLength: 1,
            description:
              "the Wavecraft plugin's engine crate (a folder) whose DSP crate `init` wrote: before every test, " +
              'record or nightly run the crate is checked against it',
          }),
        ),
      },
      exact,
    ),
    scenarios: folder('scenarios', 'the scenario files'),
    goldens: folder('goldens', 'the goldens `record` writes and `test` compares'),
    fixtures: folder('fixtures', 'your own input WAVs'),
    reports: folder('reports', 'HTML reports, failure plots, nightly history'),
    tolerances: Type.Optional(Type.Object(TOLERANCE_FIELDS, exact)),
    strict: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          "every live reading must repeat from take to take (record refuses one that does not); a scenario's own wins",
      }),
    ),
    validate: Type.Optional(
      Type.Unsafe<ConfigValidateOptions>({
        ...validateConfigSchema(),
        description: "the validator's settings for this plugin (nightly runs it first): docs/validator.md",
      }),
    ),
    devServerUrl: Type.Optional(
      Type.String({ pattern: '^wss?://', description: 'your own dev server (the embedded one otherwise)' }),
    ),
    pageUrl: Type.Optional(
      Type.String({ pattern: '^https?://', description: 'your own dev-mode page (the embedded one otherwise)' }),
    ),
    allowedOrigins: Type.Optional(
      Type.Array(Type.String({ pattern: '^https?://' }), {
        description: "origins the embedded dev server accepts besides the page's",
      }),
    ),
    ui: Type.Optional(
      Type.String({
        pattern: '^https?://',
        description:
          'your own plugin UI, for `devmode` (as --ui): its origin is allowed and the audio page runs beside it',
      }),
    ),
  },
  { $id: 'wavecraft/ProjectConfig', ...exact },
);

/** A config file as written. */
export type ConfigFile = Static<typeof projectConfigSchema>;
