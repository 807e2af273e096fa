/**
 * 9. Real-time safety: linear memory must not grow in wc_process or wc_set_param after wc_init (growth means allocation
 * on the audio thread).
 */
import { randomSet } from '../parameterSets.ts';
import { defaults, freshInstance, renderBlocks } from '../render.ts';
import { noise } from '../testSignals.ts';
import type { ValidatorCheck } from '../validatorCheck.ts';

const SIZES = [1, 16, 128, 441, 1024];

export const realtimeSafetyCheck: ValidatorCheck<'realtime-safety'> = {
  id: 'realtime-safety',
  title: 'Real-time safety',
  explanation:
    'memory.buffer.byteLength must not change in wc_process, wc_set_param or wc_reset after wc_init, across every call of every check plus 2 s of blocks of mixed sizes with all parameters changing each block',
  minStrictness: 1,
  runs: 'last',
  run({ subject, random, rates }) {
    if (subject.kind !== 'wasm') return { status: 'skip', summary: 'not a WASM module: no linear memory to watch' };
    for (const rate of rates) {
      subject.where = `realtime-safety, ${rate} Hz`;
      const instance = freshInstance(subject, rate, defaults(subject.definitions))!;
      const input = noise(2 * rate, random.int(1, 2 ** 31));
      let block = 0;
      renderBlocks(
        instance,
        input,
        () => SIZES[block++ % SIZES.length]!,
        [],
        () => {
          subject.where = `realtime-safety, ${rate} Hz, block ${block}`;
          const set = randomSet(subject.definitions, random);
          subject.definitions.forEach((d, i) => instance.setParameterAt(i, set[d.id]!));
        },
      );
    }
    const growth = subject.growth;
    if (growth.length > 0) {
      const g = growth[0]!;
      return {
        status: 'fail',
        summary: `memory grew ${growth.length} time(s); first in ${g.call} from ${g.beforeBytes} to ${g.afterBytes} bytes (${g.where})`,
        worst: {
          what: `${g.call} grew memory from ${g.beforeBytes} to ${g.afterBytes} bytes at ${g.where}`,
          value: g.afterBytes,
          expected: g.beforeBytes,
        },
      };
    }
    return { status: 'pass', summary: 'memory never grew after wc_init' };
  },
};
