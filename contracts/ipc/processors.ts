/**
 * Wavecraft's processor grouping of parameters (its `@wavecraft/core` `useParametersForProcessor`):
 * a processor's parameters are `<processor>_<suffix>` (e.g. `tone_filter_cutoff_hz`), and a
 * processor is gated by a bool `<processor>_bypass` (in when 0) or `<processor>_enabled` (in when 1,
 * e.g. `oscillator_enabled`). A UI shows a processor when it knows its id, and under it every
 * parameter whose id is its gate or starts with `<processor>_`.
 */
import type { ParameterDefinition } from './parameters.ts';

export const PROCESSOR_BYPASS_SUFFIX = '_bypass';
export const PROCESSOR_ENABLED_SUFFIX = '_enabled';

/** A processor's gate: the bool that switches it in or out, and the value that switches it in. */
export interface ProcessorGate {
  id: string;
  processor: string;
  inValue: 0 | 1;
}

/** The gate `id` is, if it is one: `<p>_bypass` (in at 0) or `<p>_enabled` (in at 1). */
export function gateOf(id: string): ProcessorGate | undefined {
  if (id.endsWith(PROCESSOR_BYPASS_SUFFIX))
    return { id, processor: id.slice(0, -PROCESSOR_BYPASS_SUFFIX.length), inValue: 0 };
  if (id.endsWith(PROCESSOR_ENABLED_SUFFIX))
    return { id, processor: id.slice(0, -PROCESSOR_ENABLED_SUFFIX.length), inValue: 1 };
  return undefined;
}

/** Every gate a parameter list declares (bool `<p>_bypass` and `<p>_enabled`), in schema order. */
export function processorGates(definitions: readonly ParameterDefinition[]): ProcessorGate[] {
  return definitions.flatMap((d) => {
    const gate = d.type === 'bool' ? gateOf(d.id) : undefined;
    return gate ? [gate] : [];
  });
}

/**
 * The values that switch in the processor `id` belongs to (its gates at their "in" value), or {} when it has none or is
 * a gate.
 */
export function switchIn(id: string, definitions: readonly ParameterDefinition[]): Record<string, number> {
  const processor = processorOf(id, definitions);
  if (processor === undefined || gateOf(id)?.processor === processor) return {};
  return Object.fromEntries(
    processorGates(definitions)
      .filter((g) => g.processor === processor)
      .map((g) => [g.id, g.inValue]),
  );
}

export interface ProcessorGroup {
  /** The processor id, e.g. `tone_filter`. */
  id: string;
  /** Its parameters, its gates first, in schema order otherwise. */
  parameters: ParameterDefinition[];
}

/** The processors a parameter list declares: one per gate (`<processor>_bypass` or `_enabled`), in schema order. */
export function processorIds(definitions: readonly ParameterDefinition[]): string[] {
  return [...new Set(processorGates(definitions).map((g) => g.processor))];
}

/**
 * The processor a parameter is under: the longest declared processor id it starts with (`<processor>_`), or undefined.
 */
export function processorOf(id: string, definitions: readonly ParameterDefinition[]): string | undefined {
  return processorIds(definitions)
    .filter((p) => id.startsWith(`${p}_`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Wavecraft's selection: the processor's gates, and every id that starts with `<processor>_`, gates first. */
export function parametersOfProcessor(
  processorId: string,
  definitions: readonly ParameterDefinition[],
): ParameterDefinition[] {
  const own = definitions.filter((d) => d.id.startsWith(`${processorId}_`));
  const isGate = (d: ParameterDefinition) => gateOf(d.id)?.processor === processorId;
  return [...own.filter(isGate), ...own.filter((d) => !isGate(d))];
}

/**
 * Every declared processor with its parameters, and what a Wavecraft UI would show under no
 * processor (`ungrouped`) or under more than one (`ambiguous`: one processor id a prefix of another).
 */
export function groupByProcessor(definitions: readonly ParameterDefinition[]): {
  processors: ProcessorGroup[];
  ungrouped: ParameterDefinition[];
  ambiguous: string[];
} {
  const processors = processorIds(definitions).map((id) => ({
    id,
    parameters: parametersOfProcessor(id, definitions),
  }));
  const owners = new Map<string, number>();
  for (const p of processors) for (const d of p.parameters) owners.set(d.id, (owners.get(d.id) ?? 0) + 1);
  return {
    processors,
    ungrouped: definitions.filter((d) => !owners.has(d.id)),
    ambiguous: [...owners].filter(([, n]) => n > 1).map(([id]) => id),
  };
}
