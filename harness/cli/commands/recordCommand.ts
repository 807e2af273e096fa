/** `wavecraft-harness record`: record the project's goldens (Playwright's --update-snapshots=changed unless given). */
import { defineCommand } from '../commandDefinition.ts';
import { CONFIG_OPTION, projectFrom } from '../projectOption.ts';
import { recordArgs, runPlaywright } from '../runSuite.ts';

export const recordCommand = defineCommand({
  name: 'record',
  summary: 'record goldens (--update-snapshots=changed unless given)',
  options: { config: CONFIG_OPTION },
  passThrough: true,
  run: async ({ values, rest }) => runPlaywright(projectFrom(values.config).file, recordArgs(rest)),
});
