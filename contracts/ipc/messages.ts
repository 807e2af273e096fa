/**
 * The Wavecraft IPC, declared once: every method with its params and result, every notification,
 * and their parts, as TypeBox schemas. Each declaration is both the JSON Schema the validators at
 * both ends compile (validator.ts: the dev server checks what it receives, the harness's client
 * what it receives and sends) and, through `Static`, the TypeScript type the code uses; every enum
 * is one list here. Field names follow Wavecraft's IPC exactly (wavecraft-protocol ipc/methods.rs).
 * TypeBox was chosen over zod 4 by measurement: it emits JSON Schema directly, and it adds 46 KB
 * to the dev-mode page's bundle (minified) where zod with its JSON Schema export adds 454 KB.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { exact, stringEnum as oneOf } from '../schema/schemaParts.ts';

const finiteNumber = Type.Number();
const nonNegativeInteger = Type.Integer({ minimum: 0 });
export const ParameterIdSchema = Type.String({ minLength: 1, maxLength: 256 });
/** Methods without params accept absent, `{}`, `[]` or null. */
const NoParams = Type.Unsafe<undefined>({
  anyOf: [{ type: 'object', maxProperties: 0 }, { type: 'array', maxItems: 0 }, { type: 'null' }],
});
const EmptyObject = Type.Unsafe<Record<string, never>>({
  type: 'object',
  additionalProperties: false,
  maxProperties: 0,
});
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// Parameters (what a DSP declares; with a value, what the server holds).

export const PARAMETER_TYPES = ['float', 'bool', 'enum'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

const parameterDefinitionFields = {
  id: ParameterIdSchema,
  name: Type.String({ minLength: 1 }),
  type: oneOf(PARAMETER_TYPES),
  default: finiteNumber,
  min: finiteNumber,
  max: finiteNumber,
  unit: Type.Optional(Type.String()),
  group: Type.Optional(Type.String()),
  /** Variant names of an enum; the value is the variant index. */
  variants: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
  /**
   * A float's skew, as Wavecraft's `ParamRange::Skewed { factor }`: a control at position p in
   * [0, 1] stands for min + (max − min) · p^(1/skew) (skew > 1 gives the low end more travel, as a
   * cutoff wants). Absent: linear. An extension of this harness; Wavecraft's IPC does not send it.
   */
  skew: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
};

/** A DSP's parameter definition: ParameterInfo without `value`. */
export const ParameterDefinitionSchema = Type.Object(parameterDefinitionFields, exact);
export const ParameterDefinitionListSchema = Type.Array(ParameterDefinitionSchema, {
  $id: 'wavecraft/ParameterDefinitionList',
  minItems: 1,
});
export const ParameterInfoSchema = Type.Object({ ...parameterDefinitionFields, value: finiteNumber }, exact);

// Audio status.

export const AUDIO_PHASES = [
  'disabled',
  'initializing',
  'runningFullDuplex',
  'runningInputOnly',
  'degraded',
  'failed',
] as const;
export type AudioPhase = (typeof AUDIO_PHASES)[number];

/**
 * Wavecraft's audio diagnostic codes (wavecraft-protocol AudioDiagnosticCode, camelCase), each with
 * when the reference stack reports it and the hint it gives with it: one entry per code, so a new
 * code is one edit (its type, its schema, both validators and the docs' table follow).
 */
export const AUDIO_DIAGNOSTICS = {
  loaderUnavailable: {
    when: 'the module cannot be fetched or does not compile',
    hint: 'check that the page can fetch the module (its ?wasm= URL) and that the file is a WebAssembly binary',
  },
  vtableMissing: {
    when: 'the module lacks an ABI export, or its schema or version is wrong',
    hint: 'build the DSP against the Wavecraft WASM DSP ABI v1 (docs/wasm-dsp-abi.md); the message names the export or schema field',
  },
  processorCreateFailed: {
    when: '`wc_init` refuses, or the DSP traps while starting',
    hint: 'the DSP could not be created; `wavecraft-harness validate --wasm <module>` shows why',
  },
  noInputDevice: {
    when: 'the browser has no capture device',
    hint: 'connect an input device, or choose the test tone or a file (headless Chromium: --use-fake-device-for-media-stream)',
  },
  inputPermissionDenied: {
    when: 'microphone permission denied, or a headless shell that cannot ask',
    hint: 'allow microphone access for this page (headless Chromium: --use-fake-ui-for-media-stream)',
  },
  noOutputDevice: {
    when: 'no AudioContext (no output)',
    hint: 'the browser could not open audio output; check the system audio device',
  },
  streamStartFailed: {
    when: 'the input stream or file will not start',
    hint: 'the input could not start; another application may hold the device, or the file is not audio the browser decodes',
  },
  unknown: {
    when: 'the DSP traps while processing; anything else',
    hint: 'the DSP failed while running; `wavecraft-harness validate --wasm <module>` finds the input that does it',
  },
} as const satisfies Record<string, { when: string; hint: string }>;
export type AudioDiagnosticCode = keyof typeof AUDIO_DIAGNOSTICS;
export const AUDIO_DIAGNOSTIC_CODES = Object.keys(AUDIO_DIAGNOSTICS) as readonly AudioDiagnosticCode[];

/** Why audio is `failed` or `degraded`: a machine-readable code, a message, and what to do about it. */
export const AudioDiagnosticSchema = Type.Object(
  {
    code: oneOf(AUDIO_DIAGNOSTIC_CODES as readonly AudioDiagnosticCode[]),
    message: Type.String({ minLength: 1, maxLength: 65536 }),
    hint: Type.Optional(Type.String({ minLength: 1, maxLength: 65536 })),
  },
  exact,
);
export type AudioDiagnostic = Static<typeof AudioDiagnosticSchema>;

export const AudioStatusSchema = Type.Object(
  {
    phase: oneOf(AUDIO_PHASES),
    diagnostic: Type.Optional(AudioDiagnosticSchema),
    sample_rate: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    buffer_size: Type.Optional(nonNegativeInteger),
    updated_at_ms: finiteNumber,
  },
  exact,
);
export type AudioStatus = Static<typeof AudioStatusSchema>;

// Meters and the oscilloscope.

const linearLevel = Type.Number({ minimum: 0 });

/** Linear meter values (not dB). `timestamp` is in microseconds. */
export const MeterFrameSchema = Type.Object(
  { peak_l: linearLevel, peak_r: linearLevel, rms_l: linearLevel, rms_r: linearLevel, timestamp: finiteNumber },
  exact,
);
export type MeterFrame = Static<typeof MeterFrameSchema>;

/**
 * `timestamp_us` is the audio-clock time of the first sample the update covers
 * (frame / sampleRate, in microseconds), so relayed meters line up with the probe's frames.
 */
export const MeterUpdateSchema = Type.Object(
  {
    timestamp_us: finiteNumber,
    left_peak: linearLevel,
    left_rms: linearLevel,
    right_peak: linearLevel,
    right_rms: linearLevel,
  },
  exact,
);
export type MeterUpdate = Static<typeof MeterUpdateSchema>;

const oscilloscopePoints = Type.Array(Type.Number(), { minItems: 1024, maxItems: 1024 });

/** Wavecraft's oscilloscope frame: 1024 points per channel of the output (contracts/meters/oscilloscopeFrame.ts). */
export const OscilloscopeFrameSchema = Type.Object(
  {
    points_l: oscilloscopePoints,
    points_r: oscilloscopePoints,
    sample_rate: Type.Number({ exclusiveMinimum: 0, maximum: 768000 }),
    /** Audio-clock frame of the first point (monotonic). */
    timestamp: Type.Integer({ minimum: 0 }),
    no_signal: Type.Boolean(),
    trigger_mode: Type.Literal('risingZeroCrossing'),
  },
  exact,
);
export type OscilloscopeFrame = Static<typeof OscilloscopeFrameSchema>;

// Input sources.

/** Wavecraft's selectable input sources: the page's microphone (fake capture under the harness), or its test tone. */
export const INPUT_SOURCE_KINDS = ['hardwareInput', 'testTone'] as const;
export type InputSourceKind = (typeof INPUT_SOURCE_KINDS)[number];

export const InputSourceOptionSchema = Type.Object(
  { id: oneOf(INPUT_SOURCE_KINDS), label: Type.String(), description: Type.Optional(Type.String()) },
  exact,
);
export type InputSourceOption = Static<typeof InputSourceOptionSchema>;
const SelectedSource = Type.Object({ selected: oneOf(INPUT_SOURCE_KINDS) }, exact);

// Methods and notifications.

export const METHOD_SCHEMAS = {
  getParameter: {
    params: Type.Object({ id: ParameterIdSchema }, exact),
    result: Type.Object({ id: ParameterIdSchema, value: finiteNumber }, exact),
  },
  setParameter: {
    params: Type.Object({ id: ParameterIdSchema, value: Type.Number() }, exact),
    result: EmptyObject,
  },
  getAllParameters: { params: NoParams, result: Type.Object({ parameters: Type.Array(ParameterInfoSchema) }, exact) },
  getMeterFrame: { params: NoParams, result: Type.Object({ frame: nullable(MeterFrameSchema) }, exact) },
  /** The latest oscilloscope frame of the audio client's output; null until it has sent one. */
  getOscilloscopeFrame: { params: NoParams, result: Type.Object({ frame: nullable(OscilloscopeFrameSchema) }, exact) },
  /** Extension: the audio client hands the dev server its latest oscilloscope frame (no notification follows). */
  submitOscilloscopeFrame: { params: OscilloscopeFrameSchema, result: EmptyObject },
  /** `disabled` until an audio client registers (Wavecraft's starting status); null is accepted from other servers. */
  getAudioStatus: { params: NoParams, result: Type.Object({ status: nullable(AudioStatusSchema) }, exact) },
  /** The selected input source and the ones available. */
  getInputSource: {
    params: NoParams,
    result: Type.Object({ selected: oneOf(INPUT_SOURCE_KINDS), available: Type.Array(InputSourceOptionSchema) }, exact),
  },
  /** Selects an input source; every client is then told with `inputSourceChanged`. */
  setInputSource: { params: SelectedSource, result: EmptyObject },
  requestResize: {
    params: Type.Object(
      { width: Type.Integer({ minimum: 1, maximum: 16384 }), height: Type.Integer({ minimum: 1, maximum: 16384 }) },
      exact,
    ),
    result: Type.Object({ accepted: Type.Boolean() }, exact),
  },
  ping: { params: NoParams, result: EmptyObject },
  registerAudio: {
    params: Type.Object(
      {
        client_id: Type.String({ minLength: 1, maxLength: 256 }),
        sample_rate: Type.Number({ exclusiveMinimum: 0, maximum: 768000 }),
        buffer_size: Type.Integer({ minimum: 0, maximum: 1048576 }),
        /** Extension: the phase the client reports; default `runningFullDuplex`. */
        phase: Type.Optional(oneOf(AUDIO_PHASES)),
        /** Extension: why the client is `failed` or `degraded`. */
        diagnostic: Type.Optional(AudioDiagnosticSchema),
      },
      exact,
    ),
    /** Wavecraft's answer; the status itself goes out as `audioStatusChanged`. */
    result: Type.Object({ status: Type.Literal('registered') }, exact),
  },
} satisfies Record<string, { params: TSchema; result: TSchema }>;

export const NOTIFICATION_SCHEMAS = {
  parameterChanged: Type.Object({ id: ParameterIdSchema, value: finiteNumber }, exact),
  meterUpdate: MeterUpdateSchema,
  audioStatusChanged: AudioStatusSchema,
  /** The DSP was rebuilt: the parameter list changed; read it again with getAllParameters. */
  parametersChanged: EmptyObject,
  inputSourceChanged: SelectedSource,
} satisfies Record<string, TSchema>;

export type Methods = {
  [M in keyof typeof METHOD_SCHEMAS]: {
    params: Static<(typeof METHOD_SCHEMAS)[M]['params']>;
    result: Static<(typeof METHOD_SCHEMAS)[M]['result']>;
  };
};
export type MethodName = keyof Methods;
export type MethodParams<M extends MethodName> = Methods[M]['params'];
export type MethodResult<M extends MethodName> = Methods[M]['result'];

export type Notifications = { [N in keyof typeof NOTIFICATION_SCHEMAS]: Static<(typeof NOTIFICATION_SCHEMAS)[N]> };
export type NotificationName = keyof Notifications;

export const METHOD_NAMES = Object.keys(METHOD_SCHEMAS) as readonly MethodName[];
export const NOTIFICATION_NAMES = Object.keys(NOTIFICATION_SCHEMAS) as readonly NotificationName[];

export function isMethodName(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}

export function isNotificationName(name: string): name is NotificationName {
  return (NOTIFICATION_NAMES as readonly string[]).includes(name);
}

export { RequestEnvelopeSchema, ServerMessageEnvelopeSchema } from './jsonRpc.ts';
