/** The parameter sets the checks sweep: defaults, each parameter at its min and its max, and seeded random combinations. */
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import type { Random } from './random.ts';
import { defaults, type ParameterSet } from './render.ts';

export interface NamedParameterSet {
  label: string;
  params: ParameterSet;
}

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

export function parameterSets(definitions: readonly ParameterDefinition[], random: Random, randomCount: number, extremes = true): NamedParameterSet[] {
  const base = defaults(definitions);
  const sets: NamedParameterSet[] = [{ label: 'defaults', params: base }];
  if (extremes) {
    for (const d of definitions) {
      sets.push({ label: `${d.id} at min`, params: { ...base, [d.id]: d.min } });
      sets.push({ label: `${d.id} at max`, params: { ...base, [d.id]: d.max } });
    }
  }
  for (let i = 0; i < randomCount; i++) sets.push({ label: `random combination ${i + 1}`, params: randomSet(definitions, random) });
  return sets;
}
