/**
 * `npm run selfcheck [-- --faults a,b] [-- playwright filters]`: this repo's suite (the live and
 * offline specs on the mock and WASM paths; not the stack checks, which do not involve the DSP)
 * once clean and once per injected fault, through the same function the CLI's `selfcheck` runs.
 * Prints the kill table, writes reports/selfcheck.json; exits 1 when a fault is missed.
 */
import { spawn } from 'node:child_process';
import { parseFaultList, runSelfcheckAndReport } from '../harness/selfcheck/runSelfcheck.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--faults');
let faults;
try {
  faults = parseFaultList(at >= 0 ? args.splice(at, 2)[1] : undefined);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const filters = args.length
  ? args
  : [
      'specs/scenarios.spec.ts',
      'specs/gainSteps.spec.ts',
      'specs/sources.spec.ts',
      'specs/liveVsOffline.spec.ts',
      'specs/wasm',
      '--project=mock',
      '--project=wasm',
    ];

const runSuite = (env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve) => {
    const child = spawn('npx', ['playwright', 'test', ...filters], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });

process.exit(
  await runSelfcheckAndReport({
    faults,
    runSuite,
    reportsDir: 'reports',
    summaryFile: 'reports/summary.json',
    log: (l) => console.log(l),
    extra: { filters },
  }),
);
