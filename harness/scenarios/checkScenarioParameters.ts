/**
 * Checks scenarios against the DSP's own parameter schema before any browser starts: a parameter
 * the DSP does not have, or a value it would refuse, fails at once with the file, the JSON pointer
 * and the ids the DSP does have.
 */
import { describeValueProblem, type ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import type { Scenario } from './scenario.ts';
import { ScenarioError } from './loadScenarios.ts';

/** The problems found (each "file: /steps/i/set/id ..."); empty when every scenario fits the DSP. */
export function scenarioParameterProblems(
  scenarios: readonly Scenario[],
  definitions: readonly ParameterDefinition[],
  dspName: string,
): string[] {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const known = definitions.map((d) => d.id).join(', ');
  const problems: string[] = [];
  for (const scenario of scenarios) {
    scenario.steps.forEach((step, i) => {
      for (const [id, value] of Object.entries(step.set)) {
        const where = `${scenario.file}: /steps/${i}/set/${id}`;
        const definition = byId.get(id);
        if (!definition) {
          problems.push(`${where}: ${dspName} has no parameter "${id}"; it has: ${known}`);
          continue;
        }
        const problem = describeValueProblem(definition, value);
        if (problem) problems.push(`${where}: ${problem} for ${dspName}'s "${id}"`);
      }
    });
  }
  return problems;
}

export function assertScenariosFitDsp(
  scenarios: readonly Scenario[],
  definitions: readonly ParameterDefinition[],
  dspName: string,
): void {
  const problems = scenarioParameterProblems(scenarios, definitions, dspName);
  if (problems.length > 0) throw new ScenarioError(problems);
}
