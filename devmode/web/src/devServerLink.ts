/**
 * The page's connection to the dev server: a JSON-RPC client that reconnects with
 * exponential backoff and tells the page each time a fresh connection is up.
 */
import { RpcClient } from '../../../contracts/ipc/rpcClient.ts';

export interface DevServerLinkOptions {
  url: string;
  /** First reconnect delay in ms, doubled per failure up to maxDelayMs. Default 250. */
  initialDelayMs?: number;
  /** Default 4000. */
  maxDelayMs?: number;
  onConnected: (client: RpcClient) => void;
  onDisconnected: (reason: string) => void;
}

export class DevServerLink {
  private client: RpcClient | null = null;
  private delayMs: number;
  private stopped = false;

  constructor(private readonly options: DevServerLinkOptions) {
    this.delayMs = options.initialDelayMs ?? 250;
  }

  /** The live client, or null while disconnected. */
  get current(): RpcClient | null {
    return this.client?.isOpen ? this.client : null;
  }

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.client?.close();
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.options.url);
    const client = new RpcClient(socket, { timeoutMs: 5000 });
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.delayMs = this.options.initialDelayMs ?? 250;
      this.client = client;
      this.options.onConnected(client);
    });
    client.onClose((reason) => {
      if (this.client === client) this.client = null;
      if (opened) this.options.onDisconnected(reason);
      if (this.stopped) return;
      const delay = this.delayMs;
      this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs ?? 4000);
      setTimeout(() => this.connect(), delay);
    });
  }
}
