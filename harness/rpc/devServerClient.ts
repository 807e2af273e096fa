/**
 * The harness's dev-server client: the shared typed JSON-RPC client over `ws`, with every message
 * it sends and receives checked against the protocol's JSON Schemas. A violation fails the call
 * (for responses) or is collected in `protocolErrors` (for notifications) for the test to assert.
 */
import WebSocket from 'ws';
import type {
  MethodName,
  MethodParams,
  MethodResult,
  MeterUpdate,
  Notifications,
  NotificationName,
} from '../../contracts/ipc/messages.ts';
import { RpcClient } from '../../contracts/ipc/rpcClient.ts';
import {
  validateNotification,
  validateParams,
  validateRequestEnvelope,
  validateResult,
  validateServerEnvelope,
} from '../../contracts/ipc/validator.ts';

export interface ReceivedMeterUpdate extends MeterUpdate {
  receivedAtEpochMs: number;
}

export interface DevServerClientOptions {
  /**
   * Time without an answer after which a call fails, naming the method (a hang detector, not a deadline). Default
   * 20000.
   */
  timeoutMs?: number;
  /** Time without a connection after which connecting fails. Default 20000. */
  connectTimeoutMs?: number;
  /** Origin header to send; none by default (a non-browser client). */
  origin?: string;
}

export class DevServerClient {
  /** Every meterUpdate relayed to this client, in arrival order. */
  readonly meterUpdates: ReceivedMeterUpdate[] = [];
  private meterWaiters: { accept: (u: MeterUpdate) => boolean; resolve: () => void }[] = [];
  private closedReason: string | null = null;
  private readonly closeWaiters = new Set<(reason: string) => void>();

  private constructor(
    private readonly rpc: RpcClient,
    readonly url: string,
    /** Protocol violations seen so far (invalid messages from the server). */
    readonly protocolErrors: string[],
  ) {
    rpc.onClose((reason) => {
      this.closedReason = reason;
      this.closeWaiters.forEach((w) => w(reason));
    });
    rpc.on('meterUpdate', (update) => {
      this.meterUpdates.push({ ...update, receivedAtEpochMs: Date.now() });
      this.meterWaiters = this.meterWaiters.filter((w) => {
        if (!w.accept(update)) return true;
        w.resolve();
        return false;
      });
    });
  }

  /**
   * Resolves once a relayed meterUpdate at or after audio-clock time `timestampUs` has arrived
   * (so every update before it has arrived too: one connection keeps order).
   */
  waitForMeterUpdateAt(timestampUs: number, timeoutMs = 20_000): Promise<void> {
    if (this.meterUpdates.some((u) => u.timestamp_us >= timestampUs)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.meterWaiters = this.meterWaiters.filter((w) => w.resolve !== done);
        reject(
          new Error(
            `no meterUpdate relayed for audio time ${(timestampUs / 1e6).toFixed(3)} s within ${timeoutMs} ms (last: ${this.meterUpdates.at(-1)?.timestamp_us ?? 'none'} µs)`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.meterWaiters.push({ accept: (u) => u.timestamp_us >= timestampUs, resolve: done });
    });
  }

  static async connect(url: string, options: DevServerClientOptions = {}): Promise<DevServerClient> {
    const socket = new WebSocket(url, options.origin ? { origin: options.origin } : {});
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(
          new Error(`dev server at ${url} did not accept a WebSocket within ${options.connectTimeoutMs ?? 20_000} ms`),
        );
      }, options.connectTimeoutMs ?? 20_000);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot connect to the dev server at ${url}: ${error.message}`));
      });
    });
    const errors: string[] = [];
    const rpc = new RpcClient(socket as unknown as ConstructorParameters<typeof RpcClient>[0], {
      timeoutMs: options.timeoutMs ?? 20_000,
      onSend: (message) => {
        const m = message as { method: string; params?: unknown; id?: unknown };
        const problems = [...validateRequestEnvelope(message).errors];
        if (m.id !== undefined) problems.push(...validateParams(m.method, m.params).errors);
        else problems.push(...validateNotification(m.method, m.params).errors);
        if (problems.length > 0)
          throw new Error(`refusing to send an invalid "${m.method}" message: ${problems.join('; ')}`);
      },
      onReceive: (message) => {
        const envelope = validateServerEnvelope(message);
        const m = message as { method?: string; id?: unknown; params?: unknown };
        const problems = envelope.ok
          ? typeof m.method === 'string' && m.id === undefined
            ? validateNotification(m.method, m.params).errors.map((e) => `notification "${m.method}": ${e}`)
            : []
          : envelope.errors;
        if (problems.length > 0) {
          errors.push(
            `invalid message from the dev server ${JSON.stringify(message).slice(0, 200)}: ${problems.join('; ')}`,
          );
        }
      },
      onProtocolError: (error) => errors.push(error.message),
    });
    return new DevServerClient(rpc, url, errors);
  }

  get isOpen(): boolean {
    return this.rpc.isOpen;
  }

  /** Calls a method; the result is checked against the method's result schema. */
  async call<M extends MethodName>(
    method: M,
    ...args: MethodParams<M> extends undefined ? [] : [MethodParams<M>]
  ): Promise<MethodResult<M>> {
    const result = await this.rpc.call(method, ...args);
    const check = validateResult(method, result);
    if (!check.ok)
      throw new Error(`dev server answered "${method}" with an invalid result: ${check.errors.join('; ')}`);
    return result;
  }

  /**
   * Runs `work`, but fails at once — with "dev server connection lost at <where>" — if the
   * connection drops first or while it runs, instead of waiting for some later timeout.
   */
  async whileConnected<T>(where: string, work: Promise<T>): Promise<T> {
    const lost = (reason: string) => new Error(`dev server connection lost at ${where} (${reason})`);
    if (this.closedReason !== null) {
      work.catch(() => undefined);
      throw lost(this.closedReason);
    }
    let waiter!: (reason: string) => void;
    const closed = new Promise<never>((_, reject) => {
      waiter = (reason) => reject(lost(reason));
      this.closeWaiters.add(waiter);
    });
    try {
      return await Promise.race([work, closed]);
    } finally {
      this.closeWaiters.delete(waiter);
      work.catch(() => undefined);
    }
  }

  /** Sends a notification (checked against its schema before it goes). */
  notify<N extends NotificationName>(method: N, params: Notifications[N]): void {
    this.rpc.notify(method, params);
  }

  on<N extends NotificationName>(method: N, listener: (params: Notifications[N]) => void): () => void {
    return this.rpc.on(method, listener);
  }

  onClose(listener: (reason: string) => void): () => void {
    return this.rpc.onClose(listener);
  }

  /** Puts every parameter back to its default through the public API; returns the definitions. */
  async resetParameters(): Promise<MethodResult<'getAllParameters'>['parameters']> {
    const { parameters } = await this.call('getAllParameters');
    for (const p of parameters) {
      if (p.value !== p.default) await this.call('setParameter', { id: p.id, value: p.default });
    }
    return parameters.map((p) => ({ ...p, value: p.default }));
  }

  close(): void {
    this.rpc.close();
  }
}
