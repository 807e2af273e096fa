/**
 * ajv validators for every IPC message, compiled from the one declaration (messages.ts). The dev
 * server validates what it receives; the harness validates everything it sends and receives.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import {
  isMethodName,
  isNotificationName,
  METHOD_NAMES,
  METHOD_SCHEMAS,
  NOTIFICATION_NAMES,
  NOTIFICATION_SCHEMAS,
  ParameterDefinitionListSchema,
  RequestEnvelopeSchema,
  ServerMessageEnvelopeSchema,
} from './messages.ts';
import type { MethodName, NotificationName } from './messages.ts';
import type { ParameterDefinition } from './parameters.ts';

export interface ValidationResult {
  ok: boolean;
  /** Human-readable problems, each with the JSON pointer of the offending value. */
  errors: string[];
}

// Two compilations of a schema: a fast one that stops at the first error (the hot path, where
// messages are valid), and one that collects every error, run only to explain a failure. Both are
// compiled on first use: a page that loads compiles the few messages it exchanges, not all ~70
// (compiling all of them at import cost a dev-mode page ~0.1 s of its load, every load).
const fastAjv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
const fullAjv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });

class Check {
  private fastFn: ValidateFunction | null = null;
  private fullFn: ValidateFunction | null = null;
  constructor(private readonly schema: object) {}
  get fast(): ValidateFunction {
    return (this.fastFn ??= fastAjv.compile(this.schema));
  }
  get full(): ValidateFunction {
    return (this.fullFn ??= fullAjv.compile(this.schema));
  }
}

const compile = (schema: object) => new Check(schema);

const envelope = compile(RequestEnvelopeSchema);
const serverEnvelope = compile(ServerMessageEnvelopeSchema);
const definitionList = compile(ParameterDefinitionListSchema);
const paramsValidators = new Map<MethodName, Check>(METHOD_NAMES.map((m) => [m, compile(METHOD_SCHEMAS[m].params)]));
const resultValidators = new Map<MethodName, Check>(METHOD_NAMES.map((m) => [m, compile(METHOD_SCHEMAS[m].result)]));
const notificationValidators = new Map<NotificationName, Check>(
  NOTIFICATION_NAMES.map((n) => [n, compile(NOTIFICATION_SCHEMAS[n])]),
);

/** Renders ajv errors as "`/pointer` message" lines. */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined, root = ''): string[] {
  return (errors ?? []).map((e) => {
    const pointer = `${root}${e.instancePath}` || '/';
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})`
          : '';
    return `${pointer} ${e.message ?? 'is invalid'}${extra}`;
  });
}

function run(check: Check, value: unknown, root = ''): ValidationResult {
  if (check.fast(value)) return { ok: true, errors: [] };
  check.full(value);
  return { ok: false, errors: formatAjvErrors(check.full.errors, root) };
}

/** Checks the JSON-RPC envelope of a client → server message (request or notification). */
export function validateRequestEnvelope(message: unknown): ValidationResult {
  return run(envelope, message);
}

/** Checks the envelope of a server → client message (response or notification). */
export function validateServerEnvelope(message: unknown): ValidationResult {
  return run(serverEnvelope, message);
}

/** Checks a method's params. Methods without params accept absent, `{}`, `[]` or null. */
export function validateParams(method: string, params: unknown): ValidationResult {
  if (!isMethodName(method)) return { ok: false, errors: [`unknown method "${method}"`] };
  return run(paramsValidators.get(method)!, params === undefined ? null : params, '/params');
}

export function validateResult(method: string, result: unknown): ValidationResult {
  if (!isMethodName(method)) return { ok: false, errors: [`unknown method "${method}"`] };
  return run(resultValidators.get(method)!, result, '/result');
}

export function validateNotification(method: string, params: unknown): ValidationResult {
  if (!isNotificationName(method)) return { ok: false, errors: [`unknown notification "${method}"`] };
  return run(notificationValidators.get(method)!, params, '/params');
}

/**
 * Validates a DSP's parameter definitions: the JSON Schema, then what a schema cannot say
 * (unique ids, min ≤ default ≤ max, variants matching an enum's range).
 */
export function validateParameterDefinitions(definitions: unknown): ValidationResult {
  const base = run(definitionList, definitions);
  if (!base.ok) return base;
  const errors: string[] = [];
  const seen = new Set<string>();
  (definitions as ParameterDefinition[]).forEach((d, i) => {
    const at = `/${i}`;
    if (seen.has(d.id)) errors.push(`${at}/id duplicate parameter id "${d.id}"`);
    seen.add(d.id);
    if (d.min > d.max) errors.push(`${at}/min ${d.min} is greater than max ${d.max}`);
    if (d.default < d.min || d.default > d.max) {
      errors.push(`${at}/default ${d.default} is outside [${d.min}, ${d.max}]`);
    }
    if (d.type === 'bool' && (d.min !== 0 || d.max !== 1)) errors.push(`${at} a bool must have min 0 and max 1`);
    if (d.skew !== undefined && d.type !== 'float') errors.push(`${at}/skew only a float can be skewed`);
    if (d.type === 'enum') {
      if (!d.variants) errors.push(`${at}/variants an enum must list its variants`);
      else if (d.min !== 0 || d.max !== d.variants.length - 1) {
        errors.push(`${at} an enum must have min 0 and max ${d.variants.length - 1} (one per variant)`);
      }
    }
  });
  return { ok: errors.length === 0, errors };
}
