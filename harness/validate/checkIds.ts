/**
 * The validator's check ids in report order (light to import: config schemas use it). checkCatalog.ts maps each to its
 * check, kept by the compiler.
 */
export const CHECK_IDS = [
  'abi',
  'sample-rates',
  'block-sizes',
  'finite-output',
  'silence',
  'reset',
  'parameters',
  'automation-fuzz',
  'parameter-jumps',
  'realtime-safety',
  'instances',
  'cost',
  'browser',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
