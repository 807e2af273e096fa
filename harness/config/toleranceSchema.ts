/** Level and SNR tolerances, as JSON Schema properties: a suite's (wavecraft.config.json) or a scenario's own. */
export const TOLERANCE_PROPERTIES = {
  levelDb: { type: 'number', exclusiveMinimum: 0, maximum: 20 },
  offlineSnrDb: { type: 'number', minimum: 0, maximum: 300 },
} as const;
