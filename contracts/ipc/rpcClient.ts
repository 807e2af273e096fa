/**
 * A typed JSON-RPC 2.0 client over any WebSocket-like object (the browser's WebSocket or `ws`).
 * Every call has a timeout; every pending call is rejected when the socket closes.
 */
import type { JsonRpcErrorObject, JsonRpcId } from './jsonRpc.ts';
import type { MethodName, MethodParams, MethodResult, Notifications, NotificationName } from './messages.ts';

/** The subset of the WebSocket interface the client needs; both browser and `ws` sockets fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
}

export interface RpcClientOptions {
  /** Timeout of each call in ms. Default 5000. */
  timeoutMs?: number;
  /** Called with every message before it is sent; throw to refuse it. */
  onSend?: (message: unknown) => void;
  /** Called with every parsed message received; throw to report it as a protocol violation. */
  onReceive?: (message: unknown) => void;
  /** Called with protocol violations (unparseable or invalid messages). Default: ignore. */
  onProtocolError?: (error: Error) => void;
}

/** A call answered with a JSON-RPC error. `code` is the JSON-RPC error code. */
export class RpcCallError extends Error {
  readonly code: number;
  readonly data: unknown;
  constructor(
    readonly method: string,
    error: JsonRpcErrorObject,
  ) {
    super(`[rpc] "${method}" failed with ${error.code}: ${error.message}`);
    this.name = 'RpcCallError';
    this.code = error.code;
    this.data = error.data;
  }
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

type Listener<N extends NotificationName> = (params: Notifications[N]) => void;

const OPEN = 1;

export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<JsonRpcId, Pending>();
  private readonly listeners = new Map<string, Set<(params: never) => void>>();
  private closedReason: string | null = null;
  private readonly timeoutMs: number;
  private readonly closeListeners = new Set<(reason: string) => void>();

  constructor(
    private readonly socket: SocketLike,
    private readonly options: RpcClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    socket.addEventListener('message', (event) => this.handleMessage(event.data));
    socket.addEventListener('close', (event) => {
      this.failAll(`connection closed (code ${event.code}${event.reason ? `, ${event.reason}` : ''})`);
    });
  }

  /** Whether the socket is still usable. */
  get isOpen(): boolean {
    return this.closedReason === null && this.socket.readyState === OPEN;
  }

  /** Calls `method` and resolves with its result, or rejects with RpcCallError or a timeout. */
  call<M extends MethodName>(
    method: M,
    ...args: MethodParams<M> extends undefined ? [] : [MethodParams<M>]
  ): Promise<MethodResult<M>> {
    const params = args[0];
    if (this.closedReason !== null) {
      return Promise.reject(new Error(`[rpc] cannot call "${method}": ${this.closedReason}`));
    }
    const id = this.nextId++;
    const message = params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params };
    return new Promise<MethodResult<M>>((resolve, reject) => {
      try {
        this.options.onSend?.(message);
        this.socket.send(JSON.stringify(message));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`[rpc] timeout on calling "${method}" after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      (timer as { unref?: () => void }).unref?.();
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
    });
  }

  /** Sends a notification (no answer expected). */
  notify<N extends NotificationName>(method: N, params: Notifications[N]): void {
    if (this.closedReason !== null) return;
    const message = { jsonrpc: '2.0', method, params };
    this.options.onSend?.(message);
    this.socket.send(JSON.stringify(message));
  }

  /** Subscribes to a notification; returns the unsubscribe function. */
  on<N extends NotificationName>(method: N, listener: Listener<N>): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(listener as (params: never) => void);
    return () => set!.delete(listener as (params: never) => void);
  }

  /** Called once when the connection is lost or closed, with the reason. */
  onClose(listener: (reason: string) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    this.failAll('client closed');
    this.socket.close(1000, 'client closed');
  }

  private handleMessage(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(typeof data === 'string' ? data : String(data));
      this.options.onReceive?.(message);
    } catch (error) {
      this.options.onProtocolError?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const m = message as {
      id?: JsonRpcId | null;
      method?: string;
      params?: unknown;
      result?: unknown;
      error?: JsonRpcErrorObject;
    };
    if (typeof m.method === 'string' && m.id === undefined) {
      this.listeners.get(m.method)?.forEach((listener) => listener(m.params as never));
      return;
    }
    if (m.id === undefined || m.id === null) {
      if (m.error) this.options.onProtocolError?.(new Error(`[rpc] server error without id: ${m.error.message}`));
      return;
    }
    const pending = this.pending.get(m.id);
    if (!pending) return;
    this.pending.delete(m.id);
    clearTimeout(pending.timer);
    if (m.error) pending.reject(new RpcCallError(pending.method, m.error));
    else pending.resolve(m.result);
  }

  private failAll(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`[rpc] "${pending.method}" aborted: ${reason}`));
      this.pending.delete(id);
    }
    this.closeListeners.forEach((listener) => listener(reason));
  }
}
