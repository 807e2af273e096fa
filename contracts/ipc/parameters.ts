/**
 * Parameter metadata as the Wavecraft IPC describes it (declared once, with its schema, in
 * messages.ts), and what the page and the harness compute from it.
 */
import type { Static } from '@sinclair/typebox';
import type { ParameterDefinitionSchema, ParameterInfoSchema, ParameterType } from './messages.ts';

export type { ParameterType };

/** A parameter's definition: what a DSP declares, without a current value. */
export type ParameterDefinition = Static<typeof ParameterDefinitionSchema>;

/** The value at control position `p` in [0, 1] (the skew applied). */
export function valueAtPosition(d: Pick<ParameterDefinition, 'min' | 'max' | 'skew'>, p: number): number {
  return d.min + (d.max - d.min) * Math.min(1, Math.max(0, p)) ** (1 / (d.skew ?? 1));
}

/** The control position in [0, 1] of `value` (the inverse of valueAtPosition). */
export function positionOf(d: Pick<ParameterDefinition, 'min' | 'max' | 'skew'>, value: number): number {
  if (d.max === d.min) return 0;
  return Math.min(1, Math.max(0, (value - d.min) / (d.max - d.min))) ** (d.skew ?? 1);
}

/** A parameter's definition plus its current value, as `getAllParameters` returns it. */
export type ParameterInfo = Static<typeof ParameterInfoSchema>;

/**
 * Why `value` is not acceptable for `definition`, or null when it is.
 * Bools take 0 or 1, enums a variant index, floats any finite number in [min, max].
 */
export function describeValueProblem(definition: ParameterDefinition, value: number): string | null {
  if (!Number.isFinite(value)) return `value ${value} is not a finite number`;
  if (value < definition.min || value > definition.max) {
    return `value ${value} is outside [${definition.min}, ${definition.max}]`;
  }
  if (definition.type === 'bool' && value !== 0 && value !== 1) {
    return `value ${value} is not 0 or 1 (bool)`;
  }
  if (definition.type === 'enum' && !Number.isInteger(value)) {
    return `value ${value} is not a variant index (enum)`;
  }
  return null;
}
