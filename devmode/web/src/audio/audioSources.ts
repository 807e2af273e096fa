/** The page's audio sources: a test tone, the microphone, or a looped file. */

export type { SourceKind } from '../../../../contracts/probe/probeApi.ts';

export interface ActiveSource {
  node: AudioNode;
  stop(): void;
  /** A capture device's own rate, Hz, as its track reports it (fake capture: 44100); before the page resamples it. */
  captureSampleRate?: number;
}

export interface ToneSettings {
  frequencyHz: number;
  levelDb: number;
}

export function createToneSource(
  context: AudioContext,
  tone: ToneSettings,
): ActiveSource & { set(tone: ToneSettings): void } {
  const oscillator = new OscillatorNode(context, { type: 'sine', frequency: tone.frequencyHz });
  const gain = new GainNode(context, { gain: 10 ** (tone.levelDb / 20) });
  oscillator.connect(gain);
  oscillator.start();
  return {
    node: gain,
    set(next) {
      oscillator.frequency.setValueAtTime(next.frequencyHz, context.currentTime);
      gain.gain.setValueAtTime(10 ** (next.levelDb / 20), context.currentTime);
    },
    stop() {
      oscillator.stop();
      oscillator.disconnect();
      gain.disconnect();
    },
  };
}

/** The microphone with every browser-side processing off, so levels come through unaltered. */
export async function createMicSource(context: AudioContext): Promise<ActiveSource> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: {
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
      channelCount: { ideal: 2 },
    },
  });
  const node = new MediaStreamAudioSourceNode(context, { mediaStream: stream });
  const captureSampleRate = stream.getAudioTracks()[0]?.getSettings().sampleRate;
  return {
    node,
    ...(captureSampleRate ? { captureSampleRate } : {}),
    stop() {
      node.disconnect();
      stream.getTracks().forEach((t) => t.stop());
    },
  };
}

/** A file decoded with the page's AudioContext and looped. */
export async function createFileSource(context: AudioContext, file: Blob): Promise<ActiveSource> {
  const buffer = await context.decodeAudioData(await file.arrayBuffer());
  const node = new AudioBufferSourceNode(context, { buffer, loop: true });
  node.start();
  return {
    node,
    stop() {
      node.stop();
      node.disconnect();
    },
  };
}
