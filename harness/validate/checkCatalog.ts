/** The validator's checks, in the order they are reported. ABI (1) is run by runValidation before the rest. */
import { automationFuzzCheck } from './checks/automationFuzzCheck.ts';
import { blockSizesCheck } from './checks/blockSizesCheck.ts';
import { browserLegCheck } from './checks/browserLegCheck.ts';
import { costCheck } from './checks/costCheck.ts';
import { finiteOutputCheck } from './checks/finiteOutputCheck.ts';
import { instancesCheck } from './checks/instancesCheck.ts';
import { parameterJumpsCheck } from './checks/parameterJumpsCheck.ts';
import { parametersCheck } from './checks/parametersCheck.ts';
import { realtimeSafetyCheck } from './checks/realtimeSafetyCheck.ts';
import { resetCheck } from './checks/resetCheck.ts';
import { sampleRatesCheck } from './checks/sampleRatesCheck.ts';
import { silenceCheck } from './checks/silenceCheck.ts';
import { CHECK_IDS } from './checkIds.ts';
import type { ValidatorCheck } from './validatorCheck.ts';

export const ABI_CHECK = {
  id: 'abi',
  title: 'ABI',
  explanation: 'the module compiles, imports nothing, exports memory and every wc_ function with the right arity, wc_abi_version() is 1, the schema is valid JSON matching the parameter definition schema, and wc_init(48000, 4096) returns 0',
  minStrictness: 1,
} as const;

export const CHECKS: readonly ValidatorCheck[] = [
  sampleRatesCheck,
  blockSizesCheck,
  finiteOutputCheck,
  silenceCheck,
  resetCheck,
  parametersCheck,
  automationFuzzCheck,
  parameterJumpsCheck,
  realtimeSafetyCheck,
  instancesCheck,
  costCheck,
  browserLegCheck,
];

const ids = [ABI_CHECK.id, ...CHECKS.map((c) => c.id)];
if (ids.join() !== CHECK_IDS.join()) throw new Error(`checkIds.ts (${CHECK_IDS.join(', ')}) does not list the checks (${ids.join(', ')})`);

export { CHECK_IDS };
