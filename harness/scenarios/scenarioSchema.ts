/** The JSON Schema of a scenario file (fixtures/scenarios/*.json). */

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
        },
      },
    },
    tolerances: {
      type: 'object',
      additionalProperties: false,
      properties: {
        levelDb: { type: 'number', exclusiveMinimum: 0, maximum: 20 },
        offlineSnrDb: { type: 'number', minimum: 0, maximum: 300 },
        liveSnrDb: { type: 'number', minimum: 0, maximum: 300 },
      },
    },
    settleSeconds: { type: 'number', minimum: 0.01, maximum: 1 },
    live: { type: 'boolean' },
  },
  allOf: [
    { if: { properties: { source: { const: 'tone' } } }, then: { required: ['tone'] }, else: { required: ['input'] } },
  ],
} as const;
