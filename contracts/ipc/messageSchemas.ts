/**
 * One JSON Schema per IPC message: the envelope, each method's params and result,
 * and each notification's params. Compiled with ajv by `validator.ts`.
 */
import type { MethodName, NotificationName } from './messages.ts';

type Schema = Record<string, unknown>;

const finiteNumber: Schema = { type: 'number' };
const nonNegativeInteger: Schema = { type: 'integer', minimum: 0 };
const parameterId: Schema = { type: 'string', minLength: 1, maxLength: 256 };
const noParams: Schema = {
  anyOf: [{ type: 'object', maxProperties: 0 }, { type: 'array', maxItems: 0 }, { type: 'null' }],
};
const emptyObject: Schema = { type: 'object', additionalProperties: false, maxProperties: 0 };

/** Wavecraft's `InputSourceKind`. */
const inputSourceKind: Schema = { enum: ['hardwareInput', 'testTone'] };

export const audioPhaseSchema: Schema = {
  enum: ['disabled', 'initializing', 'runningFullDuplex', 'runningInputOnly', 'degraded', 'failed'],
};

const oscilloscopePoints: Schema = { type: 'array', minItems: 1024, maxItems: 1024, items: { type: 'number' } };

export const oscilloscopeFrameSchema: Schema = {
  type: 'object',
  required: ['points_l', 'points_r', 'sample_rate', 'timestamp', 'no_signal', 'trigger_mode'],
  additionalProperties: false,
  properties: {
    points_l: oscilloscopePoints,
    points_r: oscilloscopePoints,
    sample_rate: { type: 'number', exclusiveMinimum: 0, maximum: 768000 },
    timestamp: { type: 'integer', minimum: 0 },
    no_signal: { type: 'boolean' },
    trigger_mode: { const: 'risingZeroCrossing' },
  },
};

export const audioDiagnosticSchema: Schema = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: {
    code: {
      enum: [
        'loaderUnavailable',
        'vtableMissing',
        'processorCreateFailed',
        'noInputDevice',
        'inputPermissionDenied',
        'noOutputDevice',
        'streamStartFailed',
        'unknown',
      ],
    },
    message: { type: 'string', minLength: 1, maxLength: 65536 },
    hint: { type: 'string', minLength: 1, maxLength: 65536 },
  },
};

export const audioStatusSchema: Schema = {
  type: 'object',
  required: ['phase', 'updated_at_ms'],
  additionalProperties: false,
  properties: {
    phase: audioPhaseSchema,
    diagnostic: audioDiagnosticSchema,
    sample_rate: { type: 'number', exclusiveMinimum: 0 },
    buffer_size: nonNegativeInteger,
    updated_at_ms: finiteNumber,
  },
};

export const parameterDefinitionProperties: Record<string, Schema> = {
  id: parameterId,
  name: { type: 'string', minLength: 1 },
  type: { enum: ['float', 'bool', 'enum'] },
  default: finiteNumber,
  min: finiteNumber,
  max: finiteNumber,
  unit: { type: 'string' },
  group: { type: 'string' },
  variants: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  skew: { type: 'number', exclusiveMinimum: 0 },
};

/** A DSP's parameter definition: ParameterInfo without `value`. */
export const parameterDefinitionSchema: Schema = {
  type: 'object',
  required: ['id', 'name', 'type', 'default', 'min', 'max'],
  additionalProperties: false,
  properties: parameterDefinitionProperties,
};

export const parameterDefinitionListSchema: Schema = {
  $id: 'wavecraft/ParameterDefinitionList',
  type: 'array',
  minItems: 1,
  items: parameterDefinitionSchema,
};

export const parameterInfoSchema: Schema = {
  type: 'object',
  required: ['id', 'name', 'type', 'value', 'default', 'min', 'max'],
  additionalProperties: false,
  properties: { ...parameterDefinitionProperties, value: finiteNumber },
};

const meterFrameSchema: Schema = {
  type: 'object',
  required: ['peak_l', 'peak_r', 'rms_l', 'rms_r', 'timestamp'],
  additionalProperties: false,
  properties: {
    peak_l: { type: 'number', minimum: 0 },
    peak_r: { type: 'number', minimum: 0 },
    rms_l: { type: 'number', minimum: 0 },
    rms_r: { type: 'number', minimum: 0 },
    timestamp: finiteNumber,
  },
};

/** Envelope of any client → server message: a request (with id) or a notification. */
export const requestEnvelopeSchema: Schema = {
  $id: 'wavecraft/RequestEnvelope',
  type: 'object',
  required: ['jsonrpc', 'method'],
  properties: {
    jsonrpc: { const: '2.0' },
    id: { type: ['string', 'number'] },
    method: { type: 'string', minLength: 1 },
    params: { type: ['object', 'array'] },
  },
};

/** Envelope of any server → client message. */
export const serverMessageEnvelopeSchema: Schema = {
  $id: 'wavecraft/ServerMessageEnvelope',
  oneOf: [
    {
      type: 'object',
      required: ['jsonrpc', 'id', 'result'],
      additionalProperties: false,
      properties: { jsonrpc: { const: '2.0' }, id: { type: ['string', 'number'] }, result: {} },
    },
    {
      type: 'object',
      required: ['jsonrpc', 'id', 'error'],
      additionalProperties: false,
      properties: {
        jsonrpc: { const: '2.0' },
        id: { type: ['string', 'number', 'null'] },
        error: {
          type: 'object',
          required: ['code', 'message'],
          additionalProperties: false,
          properties: { code: { type: 'integer' }, message: { type: 'string' }, data: {} },
        },
      },
    },
    {
      type: 'object',
      required: ['jsonrpc', 'method'],
      not: { required: ['id'] },
      properties: { jsonrpc: { const: '2.0' }, method: { type: 'string' }, params: {} },
    },
  ],
};

export const methodSchemas: Record<MethodName, { params: Schema; result: Schema }> = {
  getParameter: {
    params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: parameterId } },
    result: {
      type: 'object',
      required: ['id', 'value'],
      additionalProperties: false,
      properties: { id: parameterId, value: finiteNumber },
    },
  },
  setParameter: {
    params: {
      type: 'object',
      required: ['id', 'value'],
      additionalProperties: false,
      properties: { id: parameterId, value: { type: 'number' } },
    },
    result: emptyObject,
  },
  getAllParameters: {
    params: noParams,
    result: {
      type: 'object',
      required: ['parameters'],
      additionalProperties: false,
      properties: { parameters: { type: 'array', items: parameterInfoSchema } },
    },
  },
  getMeterFrame: {
    params: noParams,
    result: {
      type: 'object',
      required: ['frame'],
      additionalProperties: false,
      properties: { frame: { anyOf: [meterFrameSchema, { type: 'null' }] } },
    },
  },
  getOscilloscopeFrame: {
    params: noParams,
    result: {
      type: 'object',
      required: ['frame'],
      additionalProperties: false,
      properties: { frame: { anyOf: [oscilloscopeFrameSchema, { type: 'null' }] } },
    },
  },
  submitOscilloscopeFrame: { params: oscilloscopeFrameSchema, result: emptyObject },
  getAudioStatus: {
    params: noParams,
    result: {
      type: 'object',
      required: ['status'],
      additionalProperties: false,
      properties: { status: { anyOf: [audioStatusSchema, { type: 'null' }] } },
    },
  },
  getInputSource: {
    params: noParams,
    result: {
      type: 'object',
      required: ['selected', 'available'],
      additionalProperties: false,
      properties: {
        selected: inputSourceKind,
        available: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'label'],
            additionalProperties: false,
            properties: { id: inputSourceKind, label: { type: 'string' }, description: { type: 'string' } },
          },
        },
      },
    },
  },
  setInputSource: {
    params: {
      type: 'object',
      required: ['selected'],
      additionalProperties: false,
      properties: { selected: inputSourceKind },
    },
    result: emptyObject,
  },
  requestResize: {
    params: {
      type: 'object',
      required: ['width', 'height'],
      additionalProperties: false,
      properties: {
        width: { type: 'integer', minimum: 1, maximum: 16384 },
        height: { type: 'integer', minimum: 1, maximum: 16384 },
      },
    },
    result: {
      type: 'object',
      required: ['accepted'],
      additionalProperties: false,
      properties: { accepted: { type: 'boolean' } },
    },
  },
  ping: { params: noParams, result: emptyObject },
  registerAudio: {
    params: {
      type: 'object',
      required: ['client_id', 'sample_rate', 'buffer_size'],
      additionalProperties: false,
      properties: {
        client_id: { type: 'string', minLength: 1, maxLength: 256 },
        sample_rate: { type: 'number', exclusiveMinimum: 0, maximum: 768000 },
        buffer_size: { type: 'integer', minimum: 0, maximum: 1048576 },
        phase: audioPhaseSchema,
        diagnostic: audioDiagnosticSchema,
      },
    },
    result: {
      type: 'object',
      required: ['status'],
      additionalProperties: false,
      properties: { status: { const: 'registered' } },
    },
  },
};

const linearLevel: Schema = { type: 'number', minimum: 0 };

export const notificationSchemas: Record<NotificationName, Schema> = {
  parameterChanged: {
    type: 'object',
    required: ['id', 'value'],
    additionalProperties: false,
    properties: { id: parameterId, value: finiteNumber },
  },
  meterUpdate: {
    type: 'object',
    required: ['timestamp_us', 'left_peak', 'left_rms', 'right_peak', 'right_rms'],
    additionalProperties: false,
    properties: {
      timestamp_us: finiteNumber,
      left_peak: linearLevel,
      left_rms: linearLevel,
      right_peak: linearLevel,
      right_rms: linearLevel,
    },
  },
  audioStatusChanged: audioStatusSchema,
  parametersChanged: emptyObject,
  inputSourceChanged: {
    type: 'object',
    required: ['selected'],
    additionalProperties: false,
    properties: { selected: inputSourceKind },
  },
};
