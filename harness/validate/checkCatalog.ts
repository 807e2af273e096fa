/**
 * The validator's checks, in the order they are reported. ABI (1) is run by runValidation before
 * the rest. The catalogue is kept by the compiler: every id of CHECK_IDS but `abi` maps to the
 * check with that id, so a check added to one and not the other is a type error.
 */
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
import { CHECK_IDS, type CheckId } from './checkIds.ts';
import type { ValidatorCheck } from './validatorCheck.ts';

export const ABI_CHECK = {
  id: 'abi',
  title: 'ABI',
  explanation:
    'the module compiles, imports nothing, exports memory and every wc_ function with the right arity, wc_abi_version() is 1, the schema is valid JSON matching the parameter definition schema, and wc_init(48000, 4096) returns 0',
  minStrictness: 1,
} as const;

type CatalogId = Exclude<CheckId, 'abi'>;

const CATALOG = {
  'sample-rates': sampleRatesCheck,
  'block-sizes': blockSizesCheck,
  'finite-output': finiteOutputCheck,
  silence: silenceCheck,
  reset: resetCheck,
  parameters: parametersCheck,
  'automation-fuzz': automationFuzzCheck,
  'parameter-jumps': parameterJumpsCheck,
  'realtime-safety': realtimeSafetyCheck,
  instances: instancesCheck,
  cost: costCheck,
  browser: browserLegCheck,
} satisfies { [K in CatalogId]: ValidatorCheck<K> };

/** In CHECK_IDS order. */
export const CHECKS: readonly ValidatorCheck[] = CHECK_IDS.filter((id): id is CatalogId => id !== 'abi').map(
  (id) => CATALOG[id],
);

export { CHECK_IDS };
