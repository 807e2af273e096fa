declare module 'node-wav' {
  export function decode(buffer: ArrayBuffer | Uint8Array): { sampleRate: number; channelData: Float32Array[] };
  export function encode(
    channelData: ArrayLike<number>[],
    options: { sampleRate: number; float?: boolean; bitDepth?: number },
  ): Buffer;
}
