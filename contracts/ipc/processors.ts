/**
 * Wavecraft's processor grouping of parameters (its `@wavecraft/core` `useParametersForProcessor`):
 * a processor's parameters are `<processor>_<suffix>` (e.g. `tone_filter_cutoff_hz`), and each
 * processor has a bool `<processor>_bypass`. A UI shows a processor when it knows its id, and
 * under it every parameter whose id is its bypass or starts with `<processor>_`.
 */
import type { ParameterDefinition } from './parameters.ts';

export const PROCESSOR_BYPASS_SUFFIX = '_bypass';

export interface ProcessorGroup {
  /** The processor id, e.g. `tone_filter`. */
  id: string;
  /** Its parameters, its bypass first, in schema order otherwise. */
  parameters: ParameterDefinition[];
}

/** The processors a parameter list declares: one per `<processor>_bypass`, in schema order. */
export function processorIds(definitions: readonly ParameterDefinition[]): string[] {
  return definitions.filter((d) => d.id.endsWith(PROCESSOR_BYPASS_SUFFIX)).map((d) => d.id.slice(0, -PROCESSOR_BYPASS_SUFFIX.length));
}

/** The processor a parameter is under: the longest declared processor id it starts with (`<processor>_`), or undefined. */
export function processorOf(id: string, definitions: readonly ParameterDefinition[]): string | undefined {
  return processorIds(definitions)
    .filter((p) => id.startsWith(`${p}_`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Wavecraft's selection: the processor's bypass, and every id that starts with `<processor>_`. */
export function parametersOfProcessor(processorId: string, definitions: readonly ParameterDefinition[]): ParameterDefinition[] {
  const bypassId = `${processorId}${PROCESSOR_BYPASS_SUFFIX}`;
  const own = definitions.filter((d) => d.id === bypassId || d.id.startsWith(`${processorId}_`));
  return [...own.filter((d) => d.id === bypassId), ...own.filter((d) => d.id !== bypassId)];
}

/**
 * Every declared processor with its parameters, and what a Wavecraft UI would show under no
 * processor (`ungrouped`) or under more than one (`ambiguous`: one processor id a prefix of another).
 */
export function groupByProcessor(definitions: readonly ParameterDefinition[]): { processors: ProcessorGroup[]; ungrouped: ParameterDefinition[]; ambiguous: string[] } {
  const processors = processorIds(definitions).map((id) => ({ id, parameters: parametersOfProcessor(id, definitions) }));
  const owners = new Map<string, number>();
  for (const p of processors) for (const d of p.parameters) owners.set(d.id, (owners.get(d.id) ?? 0) + 1);
  return {
    processors,
    ungrouped: definitions.filter((d) => !owners.has(d.id)),
    ambiguous: [...owners].filter(([, n]) => n > 1).map(([id]) => id),
  };
}
