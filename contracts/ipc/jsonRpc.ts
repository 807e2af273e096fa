/**
 * JSON-RPC 2.0 envelope types and the error codes of the Wavecraft IPC.
 * Shared by the dev server, the dev-mode page and the harness. Declared once (TypeBox): each
 * envelope is the JSON Schema both ends validate with (validator.ts) and, through `Static`, its type.
 */
import { Type, type Static } from '@sinclair/typebox';
import { exact } from '../schema/schemaParts.ts';

/** One `type` list rather than a union, so a wrong id gets one error ("must be string,number"). */
const JsonRpcIdSchema = Type.Unsafe<string | number>({ type: ['string', 'number'] });
export type JsonRpcId = Static<typeof JsonRpcIdSchema>;

const version = Type.Literal('2.0');
/** What a request and a notification share; `params`, where given, is by name or by position. */
const callFields = {
  jsonrpc: version,
  method: Type.String({ minLength: 1 }),
  params: Type.Optional(Type.Unsafe<unknown>({ type: ['object', 'array'] })),
};

export const JsonRpcErrorObjectSchema = Type.Object(
  { code: Type.Integer(), message: Type.String(), data: Type.Optional(Type.Unknown()) },
  exact,
);
export const JsonRpcRequestSchema = Type.Object({ ...callFields, id: JsonRpcIdSchema });
export const JsonRpcNotificationSchema = Type.Object(callFields, { not: { required: ['id'] } });
export const JsonRpcSuccessSchema = Type.Object(
  { jsonrpc: version, id: JsonRpcIdSchema, result: Type.Unknown() },
  exact,
);
export const JsonRpcFailureSchema = Type.Object(
  {
    jsonrpc: version,
    id: Type.Unsafe<string | number | null>({ type: ['string', 'number', 'null'] }),
    error: JsonRpcErrorObjectSchema,
  },
  exact,
);

/** Envelope of any client → server message: a request (with id) or a notification. */
export const RequestEnvelopeSchema = Type.Object(
  { ...callFields, id: Type.Optional(JsonRpcIdSchema) },
  { $id: 'wavecraft/RequestEnvelope' },
);

/** Envelope of any server → client message: a result, an error, or a notification. */
export const ServerMessageEnvelopeSchema = Type.Unsafe<JsonRpcResponse | JsonRpcNotification>({
  $id: 'wavecraft/ServerMessageEnvelope',
  oneOf: [
    JsonRpcSuccessSchema,
    JsonRpcFailureSchema,
    Type.Object(
      { ...callFields, method: Type.String(), params: Type.Optional(Type.Unknown()) },
      { not: { required: ['id'] } },
    ),
  ],
});

export type JsonRpcRequest = Static<typeof JsonRpcRequestSchema>;
export type JsonRpcNotification = Static<typeof JsonRpcNotificationSchema>;
export type JsonRpcErrorObject = Static<typeof JsonRpcErrorObjectSchema>;
export type JsonRpcSuccess = Static<typeof JsonRpcSuccessSchema>;
export type JsonRpcFailure = Static<typeof JsonRpcFailureSchema>;
export type JsonRpcResponse = JsonRpcSuccess | JsonRpcFailure;

/** Error codes: the JSON-RPC 2.0 set plus the Wavecraft application codes. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ParameterNotFound: -32000,
  ValueOutOfRange: -32001,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error a handler throws to answer with a specific JSON-RPC error. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }

  toJSON(): JsonRpcErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}
