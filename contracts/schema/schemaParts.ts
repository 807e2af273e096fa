/**
 * The parts every declared format is built from (TypeBox): a string list that is both the JSON
 * Schema's `enum` and the TypeScript union of its values, objects with exactly their fields, and a
 * [left, right] pair. The IPC (contracts/ipc/messages.ts) and the harness's files (scenario,
 * project config, goldens) are declared with them, so a schema and its type are one declaration.
 */
import { Type, type TSchema } from '@sinclair/typebox';

/** A string enum declared once: `{ enum: [...] }` in the schema, the union of its values as the type. */
export function stringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ enum: [...values], ...options });
}

/** Objects that have exactly their fields. */
export const exact = { additionalProperties: false } as const;

/** Two of `item`, [left, right]: a JSON array of two in the schema, a tuple in the type. */
export function pairOf<T extends TSchema>(item: T, options: { description?: string } = {}) {
  return Type.Unsafe<[T['static'], T['static']]>(Type.Array(item, { minItems: 2, maxItems: 2, ...options }));
}

/** A number or null, as one `type` list (a wrong value gets one error: "must be number,null"). */
export function numberOrNull(options: { description?: string; exclusiveMinimum?: number } = {}) {
  return Type.Unsafe<number | null>({ type: ['number', 'null'], ...options });
}

/** A string or null, as one `type` list. */
export function stringOrNull(options: { description?: string } = {}) {
  return Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
}
