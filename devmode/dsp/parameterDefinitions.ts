/**
 * The reference DSP's parameter definitions: the one place they are declared.
 * The dev server serves them and the mock DSP reads them.
 */
import type { ParameterDefinition } from '../protocol/parameters.ts';
import definitions from './parameters.json' with { type: 'json' };

export const referenceParameterDefinitions: readonly ParameterDefinition[] = definitions as ParameterDefinition[];
