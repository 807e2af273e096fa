/**
 * `npm run selfcheck [-- --faults a,b] [-- playwright filters]`: this repo's suite (the live and
 * offline specs on the mock and WASM paths; not the stack checks, which do not involve the DSP)
 * once clean and once per injected fault. Prints the kill table, writes reports/selfcheck.json;
 * exits 1 when a fault is missed.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { FAULT_IDS, isFaultId } from '../contracts/faults/faultCatalogue.ts';
import { formatKillTable, runSelfcheck } from '../harness/selfcheck/runSelfcheck.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--faults');
const faults = at >= 0 ? args.splice(at, 2)[1]!.split(',') : FAULT_IDS;
const unknown = faults.filter((f) => !isFaultId(f));
if (unknown.length) {
  console.error(`selfcheck: unknown fault(s) ${unknown.join(', ')}; the catalogue has ${FAULT_IDS.join(', ')}`);
  process.exit(2);
}
const filters = args.length ? args : ['specs/scenarios.spec.ts', 'specs/gainSteps.spec.ts', 'specs/sources.spec.ts', 'specs/liveVsOffline.spec.ts', 'specs/wasm', '--project=mock', '--project=wasm'];

const runSuite = (env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve) => {
    const child = spawn('npx', ['playwright', 'test', ...filters], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve(code ?? 1));
  });

const rows = await runSelfcheck({ faults: faults.filter(isFaultId), runSuite, summaryFile: 'reports/summary.json', log: (l) => console.log(l) });
console.log(formatKillTable(rows));
writeFileSync('reports/selfcheck.json', `${JSON.stringify({ generatedAt: new Date().toISOString(), filters, rows }, null, 2)}\n`);
process.exit(rows.every((r) => r.caught) ? 0 : 1);
