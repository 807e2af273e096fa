/**
 * The Wavecraft IPC: every method with its params and result, and every notification.
 * Field names follow Wavecraft's IPC exactly.
 */
import type { OscilloscopeFrame } from '../meters/oscilloscopeFrame.ts';
import type { ParameterInfo } from './parameters.ts';

export type { OscilloscopeFrame };

export type AudioPhase = 'disabled' | 'initializing' | 'runningFullDuplex' | 'runningInputOnly' | 'degraded' | 'failed';

/** Wavecraft's audio diagnostic codes (wavecraft-protocol AudioDiagnosticCode, camelCase). */
export type AudioDiagnosticCode =
  | 'loaderUnavailable'
  | 'vtableMissing'
  | 'processorCreateFailed'
  | 'noInputDevice'
  | 'inputPermissionDenied'
  | 'noOutputDevice'
  | 'streamStartFailed'
  | 'unknown';

export const AUDIO_DIAGNOSTIC_CODES: readonly AudioDiagnosticCode[] = [
  'loaderUnavailable',
  'vtableMissing',
  'processorCreateFailed',
  'noInputDevice',
  'inputPermissionDenied',
  'noOutputDevice',
  'streamStartFailed',
  'unknown',
];

/** Why audio is `failed` or `degraded`: a machine-readable code, a message, and what to do about it. */
export interface AudioDiagnostic {
  code: AudioDiagnosticCode;
  message: string;
  hint?: string;
}

export interface AudioStatus {
  phase: AudioPhase;
  diagnostic?: AudioDiagnostic;
  sample_rate?: number;
  buffer_size?: number;
  updated_at_ms: number;
}

/** Linear meter values (not dB). `timestamp` is in microseconds. */
export interface MeterFrame {
  peak_l: number;
  peak_r: number;
  rms_l: number;
  rms_r: number;
  timestamp: number;
}

/** Wavecraft's selectable input sources: the page's microphone (fake capture under the harness), or its test tone. */
export type InputSourceKind = 'hardwareInput' | 'testTone';

export interface InputSourceOption {
  id: InputSourceKind;
  label: string;
  description?: string;
}

export interface Methods {
  getParameter: { params: { id: string }; result: { id: string; value: number } };
  setParameter: { params: { id: string; value: number }; result: Record<string, never> };
  getAllParameters: { params: undefined; result: { parameters: ParameterInfo[] } };
  getMeterFrame: { params: undefined; result: { frame: MeterFrame | null } };
  /** The latest oscilloscope frame of the audio client's output; null until it has sent one. */
  getOscilloscopeFrame: { params: undefined; result: { frame: OscilloscopeFrame | null } };
  /** Extension: the audio client hands the dev server its latest oscilloscope frame (no notification follows). */
  submitOscilloscopeFrame: { params: OscilloscopeFrame; result: Record<string, never> };
  /** `disabled` until an audio client registers (Wavecraft's starting status); null is accepted from other servers. */
  getAudioStatus: { params: undefined; result: { status: AudioStatus | null } };
  /** The selected input source and the ones available. */
  getInputSource: { params: undefined; result: { selected: InputSourceKind; available: InputSourceOption[] } };
  /** Selects an input source; every client is then told with `inputSourceChanged`. */
  setInputSource: { params: { selected: InputSourceKind }; result: Record<string, never> };
  requestResize: { params: { width: number; height: number }; result: { accepted: boolean } };
  ping: { params: undefined; result: Record<string, never> };
  registerAudio: {
    params: {
      client_id: string;
      sample_rate: number;
      buffer_size: number;
      /** Extension: the phase the client reports; default `runningFullDuplex`. */
      phase?: AudioPhase;
      /** Extension: why the client is `failed` or `degraded`. */
      diagnostic?: AudioDiagnostic;
    };
    /** Wavecraft's answer; the status itself goes out as `audioStatusChanged`. */
    result: { status: 'registered' };
  };
}

export type MethodName = keyof Methods;
export type MethodParams<M extends MethodName> = Methods[M]['params'];
export type MethodResult<M extends MethodName> = Methods[M]['result'];

/**
 * `timestamp_us` is the audio-clock time of the first sample the update covers
 * (frame / sampleRate, in microseconds), so relayed meters line up with the probe's frames.
 */
export interface MeterUpdate {
  timestamp_us: number;
  left_peak: number;
  left_rms: number;
  right_peak: number;
  right_rms: number;
}

export interface Notifications {
  parameterChanged: { id: string; value: number };
  meterUpdate: MeterUpdate;
  audioStatusChanged: AudioStatus;
  /** The DSP was rebuilt: the parameter list changed; read it again with getAllParameters. */
  parametersChanged: Record<string, never>;
  inputSourceChanged: { selected: InputSourceKind };
}

export type NotificationName = keyof Notifications;

/**
 * Every method and notification, kept by the compiler: a key missing here (or one that is not in
 * Methods / Notifications) is a type error, so a new method cannot be forgotten (the server would
 * answer it -32601 at run time).
 */
const METHODS = {
  getParameter: true,
  setParameter: true,
  getAllParameters: true,
  getMeterFrame: true,
  getOscilloscopeFrame: true,
  submitOscilloscopeFrame: true,
  getAudioStatus: true,
  getInputSource: true,
  setInputSource: true,
  requestResize: true,
  ping: true,
  registerAudio: true,
} as const satisfies Record<MethodName, true>;

const NOTIFICATIONS = {
  parameterChanged: true,
  meterUpdate: true,
  audioStatusChanged: true,
  parametersChanged: true,
  inputSourceChanged: true,
} as const satisfies Record<NotificationName, true>;

export const METHOD_NAMES = Object.keys(METHODS) as readonly MethodName[];
export const NOTIFICATION_NAMES = Object.keys(NOTIFICATIONS) as readonly NotificationName[];

export function isMethodName(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}

export function isNotificationName(name: string): name is NotificationName {
  return (NOTIFICATION_NAMES as readonly string[]).includes(name);
}
