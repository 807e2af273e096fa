/** A worklet that copies input to output and does nothing else: the benchmarks' baseline. Worklet scope only. */
export class PassThroughProcessor extends AudioWorkletProcessor {
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const input = inputs[0] ?? [];
    outputs[0]!.forEach((channel, ch) => {
      const source = input[ch] ?? input[0];
      if (source) channel.set(source);
    });
    return true;
  }
}
