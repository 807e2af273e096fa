/** A plugin project's scenario suite: the folders and tolerances of its wavecraft.config.json (WAVECRAFT_CONFIG). */
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { defineScenarioSuite } from './scenarioSuite.ts';

defineScenarioSuite(readHarnessConfig());
