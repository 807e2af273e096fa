/**
 * Busy and total CPU time over all cores so far (ms, from os.cpus()): two readings give the busy share between them.
 */
import { cpus } from 'node:os';

export function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of cpus()) {
    const t = c.times.user + c.times.nice + c.times.sys + c.times.irq;
    busy += t;
    total += t + c.times.idle;
  }
  return { busy, total };
}
