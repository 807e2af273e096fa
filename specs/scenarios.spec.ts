/**
 * This repo's own scenario suite (fixtures/scenarios, goldens/) on the mock and WASM paths. Record with `npm run
 * record`.
 */
import { readHarnessConfig } from '../harness/config/harnessConfig.ts';
import { defineScenarioSuite } from '../harness/suite/scenarioSuite.ts';

defineScenarioSuite(readHarnessConfig());
