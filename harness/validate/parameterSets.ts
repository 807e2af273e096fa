/**
 * The parameter sets the checks sweep: defaults, each parameter at its min and its max, each
 * processor's corners (its first two float parameters at every min/max combination, the processor
 * switched in: a filter unstable only at its highest cutoff and highest Q is found there), and seeded
 * random combinations.
 */
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { processorIds, parametersOfProcessor, switchIn } from '../../contracts/ipc/processors.ts';
import type { Random } from '../signals/random.ts';
import { defaults, type ParameterSet } from './render.ts';

export interface NamedParameterSet {
  label: string;
  params: ParameterSet;
  /**
   * Rendered at every accepted rate; false for one parameter at an extreme, rendered at the key rates only (keyRates).
   */
  everyRate: boolean;
}

/**
 * The rates a one-parameter extreme is rendered at: 48 kHz and the lowest and highest accepted.
 * The validator's time then grows with the parameter count at 3 rates, not 7 (a 20-parameter
 * build within 2× of a 10-parameter one); corners and random combinations still see every rate.
 */
export function keyRates(rates: readonly number[]): number[] {
  if (rates.length === 0) return [];
  return [...new Set([rates.includes(48000) ? 48000 : rates[0]!, Math.min(...rates), Math.max(...rates)])];
}

/** Whether `set` is rendered at `rate`. */
export const rendersAt = (set: NamedParameterSet, rate: number, rates: readonly number[]) =>
  set.everyRate || keyRates(rates).includes(rate);

/** A value drawn for `d`: integers for bool and enum; for floats, 10% min, 10% max, else uniform. */
export function randomValue(d: ParameterDefinition, random: Random): number {
  if (d.type !== 'float') return random.int(d.min, d.max);
  const u = random.next();
  if (u < 0.1) return d.min;
  if (u < 0.2) return d.max;
  return Math.fround(d.min + random.next() * (d.max - d.min));
}

export function randomSet(definitions: readonly ParameterDefinition[], random: Random): ParameterSet {
  return Object.fromEntries(definitions.map((d) => [d.id, randomValue(d, random)]));
}

export function parameterSets(
  definitions: readonly ParameterDefinition[],
  random: Random,
  randomCount: number,
  extremes = true,
): NamedParameterSet[] {
  const base = defaults(definitions);
  const sets: NamedParameterSet[] = [{ label: 'defaults', params: base, everyRate: true }];
  if (extremes) {
    for (const d of definitions) {
      sets.push({ label: `${d.id} at min`, params: { ...base, [d.id]: d.min }, everyRate: false });
      sets.push({ label: `${d.id} at max`, params: { ...base, [d.id]: d.max }, everyRate: false });
    }
    sets.push(...cornerSets(definitions));
  }
  for (let i = 0; i < randomCount; i++)
    sets.push({ label: `random combination ${i + 1}`, params: randomSet(definitions, random), everyRate: true });
  return sets;
}

/** At most this many float parameters of one processor are combined (2^2 corners: a filter's cutoff and Q). */
const MAX_CORNER_PARAMETERS = 2;

/**
 * Each processor's float parameters (its first two) at every min/max combination, switched in, the rest at defaults.
 */
export function cornerSets(definitions: readonly ParameterDefinition[]): NamedParameterSet[] {
  const base = defaults(definitions);
  const sets: NamedParameterSet[] = [];
  for (const processor of processorIds(definitions)) {
    const floats = parametersOfProcessor(processor, definitions)
      .filter((d) => d.type === 'float')
      .slice(0, MAX_CORNER_PARAMETERS);
    if (floats.length < 2) continue;
    for (let corner = 0; corner < 1 << floats.length; corner++) {
      const values = Object.fromEntries(floats.map((d, i) => [d.id, corner & (1 << i) ? d.max : d.min]));
      const label = floats.map((d, i) => `${d.id} at ${corner & (1 << i) ? 'max' : 'min'}`).join(', ');
      sets.push({
        label: `corner ${label}`,
        params: { ...base, ...switchIn(floats[0]!.id, definitions), ...values },
        everyRate: true,
      });
    }
  }
  return sets;
}
