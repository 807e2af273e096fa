/** The dev-mode DSP worklet node, configured alike for live and offline contexts. */
import { PROCESSOR_NAME, type ProcessorOptions } from '../worklet/portMessages.ts';

export function createDspNode(context: BaseAudioContext, processorOptions: ProcessorOptions): AudioWorkletNode {
  return new AudioWorkletNode(context, PROCESSOR_NAME, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [2],
    // Mono sources are up-mixed to both channels by the 'speakers' rule.
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions,
  });
}
