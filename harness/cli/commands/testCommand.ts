/** `wavecraft-harness test`: the project's suite against its goldens (Playwright underneath). */
import { defineCommand } from '../commandDefinition.ts';
import { CONFIG_OPTION, projectFrom } from '../projectOption.ts';
import { runPlaywright } from '../runSuite.ts';

export const testCommand = defineCommand({
  name: 'test',
  summary: 'run the suite against the goldens',
  options: { config: CONFIG_OPTION },
  passThrough: true,
  run: async ({ values, rest }) => runPlaywright(projectFrom(values.config).file, rest),
});
