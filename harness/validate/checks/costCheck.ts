/** 11. Cost: ns per frame at each block size, as a share of one core's real-time budget at 48 kHz. */
import { measureNsPerFrame } from '../../analysis/measureNsPerFrame.ts';
import { defaults, freshInstance } from '../render.ts';
import { COST_FAILS_FROM_STRICTNESS, DEFAULT_VALIDATE_OPTIONS } from '../validatorOptions.ts';
import { noise } from '../testSignals.ts';
import type { ValidatorCheck } from '../validatorCheck.ts';

const SIZES = [1, 2, 16, 32, 64, 128, 441, 480, 512, 1024];
/** Below this block size the host's per-call overhead, not the DSP, dominates; reported, not judged. */
const JUDGED_FROM = 32;
const BUDGET_NS = 1e9 / 48000;

export interface CostFigure {
  blockSize: number;
  nsPerFrame: number;
  share: number;
}

export const costCheck: ValidatorCheck<'cost'> = {
  id: 'cost',
  title: 'Cost',
  explanation: `ns per stereo frame at each block size (default parameters, noise) as a share of the real-time budget at 48 kHz (${BUDGET_NS.toFixed(0)} ns); from strictness ${COST_FAILS_FROM_STRICTNESS} it fails above --max-cpu-share (default ${100 * DEFAULT_VALIDATE_OPTIONS.maxCpuShare}%) at blocks of ${JUDGED_FROM} frames or more`,
  minStrictness: 1,
  run({ subject, options, random }) {
    subject.where = 'cost';
    const instance = freshInstance(subject, 48000, defaults(subject.definitions))!;
    const sizes = [...new Set([...SIZES, subject.maxFrames])].sort((a, b) => a - b);
    const input = noise(subject.maxFrames, random.int(1, 2 ** 31));
    const frames = 24000 * Math.max(1, Math.min(4, Math.floor(options.strictness / 3)));
    const figures: CostFigure[] = sizes.map((size) => {
      const nsPerFrame = measureNsPerFrame(instance, size, frames, 3, input).median;
      return { blockSize: size, nsPerFrame, share: nsPerFrame / BUDGET_NS };
    });
    const judged = figures.filter((f) => f.blockSize >= JUDGED_FROM);
    const worst = judged.reduce((w, f) => (f.share > w.share ? f : w), judged[0]!);
    const table = figures
      .map((f) => `${f.blockSize}: ${f.nsPerFrame.toFixed(1)} ns (${(100 * f.share).toFixed(2)}%)`)
      .join(', ');
    const over = worst.share > options.maxCpuShare;
    const judgedHere = options.strictness >= COST_FAILS_FROM_STRICTNESS;
    return {
      status: over && judgedHere ? 'fail' : 'pass',
      // The nightly's trend figure, read from here rather than measured again.
      measurements: Object.fromEntries(
        figures.map((f) => [`nsPerFrame@${f.blockSize}`, Math.round(f.nsPerFrame * 100) / 100]),
      ),
      summary: `${table}${over ? `; ${(100 * worst.share).toFixed(1)}% at ${worst.blockSize}-frame blocks exceeds ${(100 * options.maxCpuShare).toFixed(0)}%${judgedHere ? '' : ` (judged from strictness ${COST_FAILS_FROM_STRICTNESS})`}` : ''}`,
      ...(over
        ? {
            worst: {
              what: `${worst.nsPerFrame.toFixed(0)} ns per frame at ${worst.blockSize}-frame blocks: ${(100 * worst.share).toFixed(1)}% of one core at 48 kHz`,
              blockSize: worst.blockSize,
              sampleRate: 48000,
              value: worst.share,
              expected: options.maxCpuShare,
            },
          }
        : {}),
    };
  },
};
