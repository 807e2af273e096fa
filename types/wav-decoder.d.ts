declare module 'wav-decoder' {
  interface Decoded {
    sampleRate: number;
    numberOfChannels: number;
    length: number;
    channelData: Float32Array[];
  }
  interface Decode {
    (buffer: ArrayBuffer, options?: { symmetric?: boolean }): Promise<Decoded>;
    sync(buffer: ArrayBuffer, options?: { symmetric?: boolean }): Decoded;
  }
  export const decode: Decode;
}
