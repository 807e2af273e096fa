/**
 * stress-ng, the soak's CPU, memory and I/O neighbour (npm run soak); installed with apt when missing (root on Debian).
 */
import { execFileSync } from 'node:child_process';
import { aptInstall } from '../../harness/setup/aptInstall.ts';

export function ensureStressNg(log: (line: string) => void): void {
  try {
    execFileSync('stress-ng', ['--version'], { stdio: 'ignore' });
    return;
  } catch {
    aptInstall(['stress-ng'], 'the soak (stress-ng)', log);
  }
}
