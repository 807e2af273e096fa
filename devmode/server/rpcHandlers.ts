/** The dev server's method implementations, independent of the transport. */
import { ErrorCode, RpcError } from '../../contracts/ipc/jsonRpc.ts';
import type {
  MethodName,
  MethodParams,
  MethodResult,
  AudioStatus,
  InputSourceKind,
  InputSourceOption,
} from '../../contracts/ipc/messages.ts';
import type { AudioClientState } from './audioClientState.ts';
import type { MeterGenerator } from './meterGenerator.ts';
import type { ParameterStore } from './parameterStore.ts';

export interface HandlerContext<Connection> {
  connection: Connection;
  parameters: ParameterStore;
  audio: AudioClientState<Connection>;
  /** Synthetic meters while no audio client was ever attached (off unless the server was asked for them). */
  meters: MeterGenerator | null;
  now: () => number;
  /** Tells every connection of the change (the caller too, unless the server is set not to). */
  broadcastParameterChanged(id: string, value: number): void;
  broadcastAudioStatus(status: AudioStatus): void;
  /** The selected input source: the server only holds and relays it; the audio client (the page) plays it. */
  inputSource: { selected: InputSourceKind };
  /** Tells every connection (the caller too, unless the server is set not to) which source is selected. */
  broadcastInputSource(selected: InputSourceKind): void;
}

/** What the reference page can play, in Wavecraft's terms (its file input has no Wavecraft counterpart). */
export const INPUT_SOURCES: readonly InputSourceOption[] = [
  {
    id: 'hardwareInput',
    label: 'Microphone',
    description: 'the browser input (getUserMedia); fake capture under the harness',
  },
  { id: 'testTone', label: 'Test tone', description: "the page's sine generator" },
];

type Handlers<C> = {
  [M in MethodName]: (params: MethodParams<M>, context: HandlerContext<C>) => MethodResult<M>;
};

export function createHandlers<C>(): Handlers<C> {
  return {
    getParameter: ({ id }, { parameters }) => ({ id, value: parameters.get(id) }),
    setParameter: ({ id, value }, context) => {
      context.parameters.set(id, value);
      context.broadcastParameterChanged(id, value);
      return {};
    },
    getAllParameters: (_params, { parameters }) => ({ parameters: parameters.all() }),
    getMeterFrame: (_params, { audio, meters, now }) => ({
      // No audio client: synthetic meters only when asked for (Wavecraft sends none until audio
      // runs); zeros once a client has left, so a UI does not freeze on its last frame.
      frame: audio.hasClient || audio.clientLeft || !meters ? audio.latestFrame : meters.frame(now()),
    }),
    getOscilloscopeFrame: (_params, { audio }) => ({ frame: audio.latestOscilloscopeFrame }),
    submitOscilloscopeFrame: (frame, { audio, connection }) => {
      if (!audio.acceptOscilloscopeFrame(connection, frame))
        throw new RpcError(
          ErrorCode.InvalidRequest,
          'submitOscilloscopeFrame: only the registered audio client (registerAudio) may submit frames',
        );
      return {};
    },
    getAudioStatus: (_params, { audio }) => ({ status: audio.current }),
    getInputSource: (_params, { inputSource }) => ({
      selected: inputSource.selected,
      available: INPUT_SOURCES.map((o) => ({ ...o })),
    }),
    setInputSource: ({ selected }, context) => {
      context.inputSource.selected = selected;
      context.broadcastInputSource(selected);
      return {};
    },
    requestResize: () => ({ accepted: true }),
    ping: () => ({}),
    registerAudio: (params, context) => {
      const status = context.audio.register(context.connection, params);
      context.broadcastAudioStatus(status);
      // Wavecraft's answer; the status itself reaches every client with audioStatusChanged.
      return { status: 'registered' as const };
    },
  };
}
