/**
 * Loads every scenario in a folder, checks each against the JSON Schema (ajv) and against what a
 * schema cannot say, and reports every problem of every file together, with file and JSON pointer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv } from 'ajv';
import { formatAjvErrors } from '../../contracts/ipc/validator.ts';
import { SCENARIO_DEFAULTS, type Scenario } from './scenario.ts';
import { scenarioFileSchema, type ScenarioFile } from './scenarioSchema.ts';

const validate = new Ajv({ allErrors: true, strict: false }).compile(scenarioFileSchema);

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in scenario files:\n  ${problems.join('\n  ')}`);
    this.name = 'ScenarioError';
  }
}

/** Tolerances a suite sets for all its scenarios (a scenario's own still win). */
export type SuiteTolerances = Partial<Scenario['tolerances']>;

/** What a suite sets for all its scenarios (wavecraft.config.json); a scenario's own still wins. */
export interface SuiteDefaults {
  tolerances?: SuiteTolerances;
  strict?: boolean;
}

/** Parses one scenario file's text; returns the scenario or the problems found (each "file: /pointer message"). */
export function parseScenario(
  file: string,
  text: string,
  suite: SuiteDefaults = {},
): { scenario?: Scenario; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
  if (!validate(json)) return { problems: formatAjvErrors(validate.errors).map((e) => `${file}: ${e}`) };
  const raw = json as ScenarioFile;
  const problems: string[] = [];
  const holds = raw.steps.reduce((sum, s) => sum + s.holdSeconds, 0);
  if (holds > 9)
    problems.push(
      `${file}: /steps hold ${holds.toFixed(2)} s in all; keep it under 9 s so the live capture never reaches the fixture's loop seam`,
    );
  raw.steps.forEach((step, i) => {
    if (Object.keys(step.set).length === 0) problems.push(`${file}: /steps/${i}/set sets no parameter`);
  });
  const { $schema: _schema, ...fields } = raw;
  const scenario: Scenario = {
    ...fields,
    name: basename(file, '.json'),
    file,
    paths: raw.paths ?? SCENARIO_DEFAULTS.paths,
    tolerances: { ...SCENARIO_DEFAULTS.tolerances, ...suite.tolerances, ...raw.tolerances },
    settleSeconds: raw.settleSeconds ?? SCENARIO_DEFAULTS.settleSeconds,
    live: raw.live ?? SCENARIO_DEFAULTS.live,
    strict: raw.strict ?? suite.strict ?? SCENARIO_DEFAULTS.strict,
  };
  return problems.length ? { problems } : { scenario, problems };
}

/** Loads all scenarios of `dir`; throws ScenarioError listing every problem of every file. */
export function loadScenarios(dir: string, suite: SuiteDefaults = {}): Scenario[] {
  if (!existsSync(dir)) throw new ScenarioError([`${dir}: no such scenario folder`]);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const result = parseScenario(file, readFileSync(file, 'utf8'), suite);
    problems.push(...result.problems);
    if (result.scenario) scenarios.push(result.scenario);
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return scenarios;
}
