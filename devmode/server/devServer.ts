/**
 * The reference dev server: JSON-RPC 2.0 over WebSocket at the root path, holding parameter
 * state, relaying the audio client's meters (synthetic ones on request when none is attached).
 * Pure IPC: no audio is processed here.
 */
import { OriginRules } from './originRule.ts';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, WebSocket } from 'ws';
import { ErrorCode, RpcError, type JsonRpcId, type JsonRpcResponse } from '../../contracts/ipc/jsonRpc.ts';
import {
  isMethodName,
  type AudioDiagnostic,
  type AudioStatus,
  type InputSourceKind,
  type MeterUpdate,
} from '../../contracts/ipc/messages.ts';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { validateNotification, validateParams, validateRequestEnvelope } from '../../contracts/ipc/validator.ts';
import { AudioClientState } from './audioClientState.ts';
import { MeterGenerator } from './meterGenerator.ts';
import { ParameterStore } from './parameterStore.ts';
import { createHandlers, type HandlerContext } from './rpcHandlers.ts';

/** WebSocket close codes the server uses. */
export const CloseCode = {
  UnsupportedData: 1003,
  MessageTooBig: 1009,
} as const;

export interface DevServerOptions {
  /** Parameter definitions the server holds state for. */
  definitions: readonly ParameterDefinition[];
  /** Interface to bind. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Port to bind; 0 picks a free one. Default 9000. */
  port?: number;
  /** Largest accepted message in bytes; larger ones close the socket with 1009. Default 1 MiB. */
  maxPayloadBytes?: number;
  /**
   * Browser origins allowed to open the WebSocket (the dev-mode page's, plus any extra).
   * Requests without an Origin header (non-browser clients) are always accepted; any other
   * origin gets HTTP 403, so a page on another site cannot drive the dev server. A loopback host
   * may take any port: `http://127.0.0.1:*` (originRule.ts). Default: none.
   */
  allowedOrigins?: readonly string[];
  /** Told of each refused origin (the CLI prints it once, with the flag that would allow it). */
  onRefusedOrigin?: (origin: string) => void;
  /** Wall clock in ms. Default Date.now. */
  now?: () => number;
  /**
   * Serve slowly modulated made-up meters while no audio client has attached (for UI work
   * without audio). Default false: as Wavecraft's dev server, no meter frame until audio runs.
   */
  syntheticMeters?: boolean;
  /**
   * Whether `parameterChanged` (and `inputSourceChanged`) also goes back to the client that called setParameter
   * (setInputSource). Default
   * true, as Wavecraft's dev server does (it broadcasts to every browser client); false sends it
   * to the others only. The harness works with either (devServer.test.ts runs both).
   */
  notifySender?: boolean;
}

export class DevServer {
  readonly parameters: ParameterStore;
  private readonly audio: AudioClientState<WebSocket>;
  private readonly meters: MeterGenerator | null;
  private readonly handlers = createHandlers<WebSocket>();
  private readonly now: () => number;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<WebSocket>();
  /** The input source selected with setInputSource, Wavecraft's default until someone says otherwise. */
  readonly inputSource: { selected: InputSourceKind } = { selected: 'hardwareInput' };
  private readonly allowedOrigins: OriginRules;

  constructor(private readonly options: DevServerOptions) {
    this.now = options.now ?? Date.now;
    this.parameters = new ParameterStore(options.definitions);
    this.meters = options.syntheticMeters ? new MeterGenerator() : null;
    this.audio = new AudioClientState(this.now);
    this.allowedOrigins = new OriginRules(options.allowedOrigins ?? []);
    this.http = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket endpoint: upgrade required\n');
    });
    this.wss = new WebSocketServer({
      server: this.http,
      path: '/',
      maxPayload: options.maxPayloadBytes ?? 1024 * 1024,
      verifyClient: (
        info: { origin: string; req: IncomingMessage },
        done: (ok: boolean, code?: number, message?: string) => void,
      ) => {
        const origin = info.req.headers.origin;
        if (origin === undefined || this.allowedOrigins.allows(origin)) done(true);
        else {
          this.options.onRefusedOrigin?.(origin);
          done(false, 403, `Origin ${origin} is not allowed`);
        }
      },
    });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Allows one more browser origin. */
  allowOrigin(origin: string): void {
    this.allowedOrigins.add(origin);
  }

  /** Starts listening; resolves with the bound port and the WebSocket URL. */
  async listen(): Promise<{ port: number; url: string }> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port ?? 9000, host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    const { port } = this.http.address() as AddressInfo;
    return { port, url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}/` };
  }

  /** Number of open client connections. */
  get connectionCount(): number {
    return this.clients.size;
  }

  /** Closes every connection and stops listening. */
  async close(): Promise<void> {
    for (const client of this.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.clients.add(socket);
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        socket.close(CloseCode.UnsupportedData, 'binary frames are not supported; send JSON text');
        return;
      }
      this.handleText(socket, rawToString(data));
    });
    socket.on('close', () => {
      this.clients.delete(socket);
      const status = this.audio.disconnect(socket);
      if (status) {
        this.broadcast(null, 'audioStatusChanged', status);
        // A UI that draws pushed meters falls to zero too.
        this.broadcast(null, 'meterUpdate', {
          timestamp_us: this.audio.latestFrame!.timestamp,
          left_peak: 0,
          left_rms: 0,
          right_peak: 0,
          right_rms: 0,
        });
      }
    });
    // A socket error (for example a frame over maxPayload) is followed by 'close'; nothing to add.
    socket.on('error', () => undefined);
  }

  private handleText(socket: WebSocket, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (error) {
      this.reply(socket, null, new RpcError(ErrorCode.ParseError, `Parse error: ${(error as Error).message}`));
      return;
    }
    const envelope = validateRequestEnvelope(message);
    const candidate = message as { id?: unknown; method?: unknown; params?: unknown };
    const idIsValid =
      typeof candidate?.id === 'string' || (typeof candidate?.id === 'number' && Number.isFinite(candidate.id));
    const id = idIsValid ? (candidate.id as JsonRpcId) : null;
    if (!envelope.ok) {
      const reason = Array.isArray(message)
        ? 'batches are not supported; send one request object'
        : envelope.errors.join('; ');
      this.reply(socket, id, new RpcError(ErrorCode.InvalidRequest, `Invalid Request: ${reason}`));
      return;
    }
    const method = candidate.method as string;
    if (!('id' in (message as object))) {
      this.handleNotification(socket, method, candidate.params);
      return;
    }
    if (!isMethodName(method)) {
      this.reply(socket, id, new RpcError(ErrorCode.MethodNotFound, `Method not found: "${method}"`));
      return;
    }
    // JSON can carry ±Infinity (1e999) but no schema type admits it: answer it as out of range.
    const nonFinite = findNonFinite(candidate.params, '/params');
    if (nonFinite) {
      this.reply(
        socket,
        id,
        new RpcError(
          ErrorCode.ValueOutOfRange,
          `Value out of range for "${method}": ${nonFinite} is not a finite number`,
        ),
      );
      return;
    }
    const paramsCheck = validateParams(method, candidate.params);
    if (!paramsCheck.ok) {
      this.reply(
        socket,
        id,
        new RpcError(ErrorCode.InvalidParams, `Invalid params for "${method}": ${paramsCheck.errors.join('; ')}`, {
          errors: paramsCheck.errors,
        }),
      );
      return;
    }
    try {
      const handler = this.handlers[method] as (params: unknown, context: HandlerContext<WebSocket>) => unknown;
      const result = handler(candidate.params, this.context(socket));
      this.send(socket, { jsonrpc: '2.0', id: id!, result });
    } catch (error) {
      this.reply(
        socket,
        id,
        error instanceof RpcError
          ? error
          : new RpcError(ErrorCode.InternalError, `Internal error in "${method}": ${String(error)}`),
      );
    }
  }

  /**
   * A new DSP build was accepted: its schema replaces the parameters (values of those that still
   * exist are kept) and every client is told with `parametersChanged`, as Wavecraft's dev server
   * does on a hot reload. A degraded status from an earlier refused build is cleared.
   */
  replaceDefinitions(definitions: readonly ParameterDefinition[]): string[] {
    const kept = this.parameters.replaceDefinitions(definitions);
    const recovered = this.audio.recover();
    if (recovered) this.broadcast(null, 'audioStatusChanged', recovered);
    this.broadcast(null, 'parametersChanged', {});
    return kept;
  }

  /** A rebuilt DSP was refused: the old one keeps running, and the audio status says why. */
  refuseBuild(diagnostic: AudioDiagnostic): void {
    this.broadcast(null, 'audioStatusChanged', this.audio.degrade(diagnostic));
  }

  private handleNotification(socket: WebSocket, method: string, params: unknown): void {
    // Notifications get no answer (JSON-RPC 2.0); anything but a valid meterUpdate from the
    // audio client is dropped.
    if (method !== 'meterUpdate' || !validateNotification(method, params).ok) return;
    if (this.audio.acceptMeters(socket, params as MeterUpdate)) this.broadcast(socket, 'meterUpdate', params);
  }

  private context(connection: WebSocket): HandlerContext<WebSocket> {
    return {
      connection,
      parameters: this.parameters,
      audio: this.audio,
      meters: this.meters,
      now: this.now,
      broadcastParameterChanged: (id, value) =>
        this.broadcast(this.options.notifySender === false ? connection : null, 'parameterChanged', { id, value }),
      broadcastAudioStatus: (status: AudioStatus) => this.broadcast(connection, 'audioStatusChanged', status),
      inputSource: this.inputSource,
      broadcastInputSource: (selected) =>
        this.broadcast(this.options.notifySender === false ? connection : null, 'inputSourceChanged', { selected }),
    };
  }

  private reply(socket: WebSocket, id: JsonRpcId | null, error: RpcError): void {
    this.send(socket, { jsonrpc: '2.0', id, error: error.toJSON() });
  }

  private broadcast(except: WebSocket | null, method: string, params: unknown): void {
    const text = JSON.stringify({ jsonrpc: '2.0', method, params });
    for (const client of this.clients) {
      if (client !== except && client.readyState === WebSocket.OPEN) client.send(text);
    }
  }

  private send(socket: WebSocket, message: JsonRpcResponse): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }
}

/** The JSON pointer of the first non-finite number inside `value`, or null. */
function findNonFinite(value: unknown, pointer: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${pointer} (${value})`;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNonFinite(item, `${pointer}/${key}`);
    if (found) return found;
  }
  return null;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
