/** `wavecraft-harness nightly`: a fresh build validated, then the suite against it, into the history. */
import { runNightly } from '../../nightly/runNightly.ts';
import { ensureChromium } from '../../setup/ensureChromium.ts';
import { VALIDATE_OPTIONS } from '../../validate/validatorOptions.ts';
import { defineCommand } from '../commandDefinition.ts';
import { CONFIG_OPTION, projectFrom } from '../projectOption.ts';
import { runPlaywright } from '../runSuite.ts';
import { numberFlagValue, validatorFlag } from './validateCommand.ts';

export const nightlyCommand = defineCommand({
  name: 'nightly',
  summary:
    'validate the module, run the suite against it, append reports/history.jsonl, render reports/trend.html; exit 0 passed, 1 failed, 2 invalid module, 3 inconclusive (no failure; the machine starved some audio)',
  options: {
    wasm: { type: 'string', placeholder: 'build.wasm', required: true },
    strictness: validatorFlag(VALIDATE_OPTIONS.strictness),
    config: CONFIG_OPTION,
  },
  passThrough: true,
  async run({ values, rest, log }) {
    const project = projectFrom(values.config);
    const strictness = numberFlagValue('nightly', VALIDATE_OPTIONS.strictness, values.strictness as string | undefined);
    return runNightly({
      project,
      wasm: values.wasm!,
      log,
      services: { chromium: () => ensureChromium(() => undefined) },
      ...(strictness !== undefined ? { strictness } : {}),
      runSuite: (env, extra = []) => runPlaywright(project.file, [...rest, ...extra], env),
    });
  },
});
