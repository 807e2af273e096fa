/**
 * A scenario file (fixtures/scenarios/*.json, or a plugin project's scenarios/), declared once
 * (TypeBox): the JSON Schema that checks the file, its TypeScript type (`ScenarioFile`), the
 * defaults, and the field table of docs/scenarios.md (`npm run docs`) all come from here. A new
 * field is one entry below.
 */
import { Type, type Static, type TOptional } from '@sinclair/typebox';
import { STATISTICS, type Statistic } from '../../contracts/meters/meterStatistics.ts';
import { PLAYED_SOURCE_KINDS } from '../../contracts/probe/sourceKinds.ts';
import { DSP_PATHS, type DspPath } from '../../contracts/wasm/dspBackend.ts';
import { exact, pairOf, stringEnum } from '../../contracts/schema/schemaParts.ts';
import { TOLERANCE_DEFAULTS, TOLERANCE_FIELDS } from '../config/toleranceSchema.ts';

/** What a scenario that does not say gets. */
export const SCENARIO_DEFAULTS = {
  paths: ['wasm'] as DspPath[],
  tolerances: TOLERANCE_DEFAULTS,
  settleSeconds: 0.05,
  live: true,
  strict: false,
} as const;

const level = Type.Number({ maximum: 40 });
/** A level in dBFS, for both channels or [left, right]. */
const ExpectedLevel = Type.Union([level, pairOf(level)]);
/** One expected level per meter statistic, each optional. */
const StepExpectation = Type.Object(
  Object.fromEntries(STATISTICS.map((s) => [s, Type.Optional(ExpectedLevel)])) as {
    [S in Statistic]: TOptional<typeof ExpectedLevel>;
  },
  { ...exact, minProperties: 1 },
);

const ScenarioStepSchema = Type.Object(
  {
    set: Type.Record(Type.String(), Type.Number(), {
      description: 'parameter values, applied together at the start of the step',
    }),
    holdSeconds: Type.Number({ minimum: 0.2, maximum: 5, description: 'how long the step holds, seconds' }),
    hold: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'the step is meant to move nothing (the scenario lint accepts it)',
      }),
    ),
    expect: Type.Optional(
      Type.Object(
        { input: Type.Optional(StepExpectation), output: Type.Optional(StepExpectation) },
        {
          ...exact,
          minProperties: 1,
          description:
            'analytic levels the settled span must show, dBFS, one number for both channels or [L, R]: ' +
            '`{ "output": { "rmsDb": [-11.28, -17.28] } }`',
        },
      ),
    ),
  },
  exact,
);

export const scenarioFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: "the file's JSON Schema, for editors (init writes it)" })),
    description: Type.String({ minLength: 1, description: 'one line, shown in the test title' }),
    input: Type.Optional(
      Type.String({
        pattern: '\\.wav$',
        description:
          "the input WAV (fixtures/wav, fixtures/generated, or the project's fixtures); required unless `source` is `tone`",
      }),
    ),
    source: stringEnum(PLAYED_SOURCE_KINDS, {
      description: "`mic` (fake capture), `file` (the page's file input) or `tone` (the page's test tone)",
    }),
    tone: Type.Optional(
      Type.Object(
        {
          frequencyHz: Type.Number({ exclusiveMinimum: 0, maximum: 24000 }),
          levelDb: Type.Number({ maximum: 0, minimum: -120 }),
        },
        { ...exact, description: 'the test tone (Hz, dBFS); required for source `tone`' },
      ),
    ),
    paths: Type.Optional(
      Type.Array(stringEnum(DSP_PATHS), {
        minItems: 1,
        uniqueItems: true,
        default: SCENARIO_DEFAULTS.paths,
        description: 'the DSP paths it runs on',
      }),
    ),
    steps: Type.Array(ScenarioStepSchema, { minItems: 1, maxItems: 32 }),
    tolerances: Type.Optional(
      Type.Object(
        {
          ...TOLERANCE_FIELDS,
          liveSnrDb: Type.Optional(
            Type.Number({
              minimum: 0,
              maximum: 300,
              default: TOLERANCE_DEFAULTS.liveSnrDb,
              description: 'the live output against an offline render of the same input and events, SNR dB at least',
            }),
          ),
        },
        exact,
      ),
    ),
    settleSeconds: Type.Optional(
      Type.Number({
        minimum: 0.01,
        maximum: 1,
        default: SCENARIO_DEFAULTS.settleSeconds,
        description: 'the earliest the settled span starts after a change (later while a transient lasts)',
      }),
    ),
    live: Type.Optional(
      Type.Boolean({ default: SCENARIO_DEFAULTS.live, description: 'run the live part (meter goldens)' }),
    ),
    strict: Type.Optional(
      Type.Boolean({
        default: SCENARIO_DEFAULTS.strict,
        description:
          'every live reading must repeat from take to take: `record` refuses one that does not, naming it, ' +
          "instead of asserting the RMS in its place or a tolerance from its spread (default: the project's `strict`)",
      }),
    ),
  },
  {
    $id: 'wavecraft/Scenario',
    ...exact,
    allOf: [
      {
        if: { properties: { source: { const: 'tone' } } },
        then: { required: ['tone'] },
        else: { required: ['input'] },
      },
    ],
  },
);

/** A scenario file as written. */
export type ScenarioFile = Static<typeof scenarioFileSchema>;
export type ScenarioStep = Static<typeof ScenarioStepSchema>;
export type StepExpectation = Static<typeof StepExpectation>;
export type ExpectedLevel = Static<typeof ExpectedLevel>;
