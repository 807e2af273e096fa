/** Parameter state of the dev server: definitions plus current values, with range checks. */
import { ErrorCode, RpcError } from '../../contracts/ipc/jsonRpc.ts';
import { describeValueProblem, type ParameterDefinition, type ParameterInfo } from '../../contracts/ipc/parameters.ts';

export class ParameterStore {
  private readonly definitions = new Map<string, ParameterDefinition>();
  private readonly values = new Map<string, number>();

  constructor(definitions: readonly ParameterDefinition[]) {
    for (const d of definitions) {
      this.definitions.set(d.id, d);
      this.values.set(d.id, d.default);
    }
  }

  get(id: string): number {
    const value = this.values.get(id);
    if (value === undefined) throw notFound(id);
    return value;
  }

  /** Sets `id` to `value`; throws RpcError (-32000 / -32001) and changes nothing when refused. */
  set(id: string, value: number): void {
    const definition = this.definitions.get(id);
    if (!definition) throw notFound(id);
    const problem = describeValueProblem(definition, value);
    if (problem) {
      throw new RpcError(ErrorCode.ValueOutOfRange, `parameter "${id}": ${problem}`, {
        id,
        min: definition.min,
        max: definition.max,
      });
    }
    this.values.set(id, value);
  }

  all(): ParameterInfo[] {
    return [...this.definitions.values()].map((d) => ({ ...d, value: this.values.get(d.id)! }));
  }

  /**
   * Takes a new DSP build's definitions: a parameter that still exists keeps its value (clamped
   * into its new range), a new one starts at its default, a removed one goes. Returns the ids kept.
   */
  replaceDefinitions(definitions: readonly ParameterDefinition[]): string[] {
    const old = new Map(this.values);
    this.definitions.clear();
    this.values.clear();
    const kept: string[] = [];
    for (const d of definitions) {
      this.definitions.set(d.id, d);
      const previous = old.get(d.id);
      if (previous === undefined) this.values.set(d.id, d.default);
      else {
        this.values.set(d.id, Math.min(d.max, Math.max(d.min, previous)));
        kept.push(d.id);
      }
    }
    return kept;
  }

  /** Puts every parameter back to its default. */
  reset(): void {
    for (const d of this.definitions.values()) this.values.set(d.id, d.default);
  }
}

function notFound(id: string): RpcError {
  return new RpcError(ErrorCode.ParameterNotFound, `parameter "${id}" not found`, { id });
}
