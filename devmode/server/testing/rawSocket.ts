/** A bare WebSocket client for tests that need to send arbitrary frames and read raw replies. */
import WebSocket from 'ws';

export class RawSocket {
  private readonly inbox: unknown[] = [];
  private waiters: ((message: unknown) => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as unknown;
      const waiter = this.waiters.shift();
      if (waiter) waiter(message);
      else this.inbox.push(message);
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
    const socket = new WebSocket(url, { headers });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new RawSocket(socket);
  }

  send(data: string | Buffer): void {
    this.socket.send(data, { binary: Buffer.isBuffer(data) });
  }

  /** The next message received (waits up to `timeoutMs`: a hang detector, long enough for a loaded machine). */
  next(timeoutMs = 30_000): Promise<unknown> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  /** Sends `text` and resolves with the reply. */
  async request(text: string): Promise<unknown> {
    this.send(text);
    return this.next();
  }

  /** Messages received but not yet read. */
  get pending(): number {
    return this.inbox.length;
  }

  close(): void {
    this.socket.close();
  }
}
