/** `wavecraft-harness selfcheck`: the suite clean and once per injected fault; the kill table (harness/selfcheck/). */
import { join } from 'node:path';
import { parseFaultList, runSelfcheckAndReport } from '../../selfcheck/runSelfcheck.ts';
import { defineCommand } from '../commandDefinition.ts';
import { CONFIG_OPTION, projectFrom } from '../projectOption.ts';
import { runPlaywright } from '../runSuite.ts';
import { UsageError } from '../usageError.ts';

export const selfcheckCommand = defineCommand({
  name: 'selfcheck',
  summary: 'run the suite once clean and once per injected fault; print which faults it catches (kill table)',
  options: { faults: { type: 'string', placeholder: 'id,id' }, config: CONFIG_OPTION },
  passThrough: true,
  async run({ values, rest, log }) {
    const project = projectFrom(values.config);
    let faults;
    try {
      faults = parseFaultList(values.faults);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (project.pageUrl) {
      throw new UsageError('selfcheck injects faults in the embedded dev-mode page; it cannot with your own pageUrl');
    }
    return runSelfcheckAndReport({
      faults,
      reportsDir: project.reportsDir,
      summaryFile: join(project.reportsDir, 'summary.json'),
      log,
      runSuite: (env) => runPlaywright(project.file, rest, env, true),
    });
  },
});
