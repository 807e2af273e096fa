/** The JSON Schema of a scenario file (fixtures/scenarios/*.json, or a plugin project's scenarios/). */
import { TOLERANCE_PROPERTIES } from '../config/toleranceSchema.ts';

/** A level in dBFS, for both channels or [left, right]. */
const expectedLevel = {
  oneOf: [
    { type: 'number', maximum: 40 },
    { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', maximum: 40 } },
  ],
} as const;
const expectedStage = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { peakDb: expectedLevel, rmsDb: expectedLevel },
} as const;

export const scenarioFileSchema = {
  $id: 'wavecraft/Scenario',
  type: 'object',
  required: ['description', 'source', 'steps'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    description: { type: 'string', minLength: 1 },
    input: { type: 'string', pattern: '\\.wav$' },
    source: { enum: ['mic', 'file', 'tone'] },
    tone: {
      type: 'object',
      required: ['frequencyHz', 'levelDb'],
      additionalProperties: false,
      properties: {
        frequencyHz: { type: 'number', exclusiveMinimum: 0, maximum: 24000 },
        levelDb: { type: 'number', maximum: 0, minimum: -120 },
      },
    },
    paths: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['mock', 'wasm'] } },
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: 32,
      items: {
        type: 'object',
        required: ['set', 'holdSeconds'],
        additionalProperties: false,
        properties: {
          set: { type: 'object', additionalProperties: { type: 'number' } },
          holdSeconds: { type: 'number', minimum: 0.2, maximum: 5 },
          hold: { type: 'boolean' },
          expect: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { input: expectedStage, output: expectedStage },
          },
        },
      },
    },
    tolerances: {
      type: 'object',
      additionalProperties: false,
      properties: { ...TOLERANCE_PROPERTIES, liveSnrDb: { type: 'number', minimum: 0, maximum: 300 } },
    },
    settleSeconds: { type: 'number', minimum: 0.01, maximum: 1 },
    live: { type: 'boolean' },
    strict: { type: 'boolean' },
  },
  allOf: [
    { if: { properties: { source: { const: 'tone' } } }, then: { required: ['tone'] }, else: { required: ['input'] } },
  ],
} as const;
