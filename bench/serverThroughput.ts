/**
 * Figure 4: dev server throughput, setParameter round trips per second — sequential and pipelined
 * on one connection, and pipelined on 10 connections — as a ratio to a bare `ws` echo server
 * started in the same run and driven by the same minimal client.
 */
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { DevServer, loadParameterDefinitions } from '../devmode/index.ts';
import { stats, type Stats } from './stats.ts';

type Pattern = 'sequential' | 'pipelined' | 'tenConnections';
export interface ServerThroughputResult {
  calls: number;
  devServer: Record<Pattern, Stats>;
  echo: Record<Pattern, Stats>;
  ratio: Record<Pattern, number>;
  /**
   * With 10 connections every setParameter is also relayed to the 9 other clients (the dev
   * server's job), so it writes 10 messages per round trip where the echo writes 1: the ratio of
   * messages written per second.
   */
  tenConnectionsMessagesRatio: number;
}

/** A minimal JSON-RPC caller: no validation, so both servers are driven the same way. */
class BareClient {
  private next = 1;
  private readonly pending = new Map<number, () => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const id = (JSON.parse(data.toString()) as { id?: number }).id;
      if (typeof id === 'number') {
        this.pending.get(id)?.();
        this.pending.delete(id);
      }
    });
  }
  static async open(url: string): Promise<BareClient> {
    const socket = new WebSocket(url);
    await new Promise((r, j) => socket.once('open', r).once('error', j));
    return new BareClient(socket);
  }
  call(value: number): Promise<void> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(
        `{"jsonrpc":"2.0","id":${id},"method":"setParameter","params":{"id":"output_gain_level","value":${value}}}`,
      );
    });
  }
  close(): void {
    this.socket.close();
  }
}

async function roundTripsPerSecond(url: string, pattern: Pattern, calls: number): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: pattern === 'tenConnections' ? 10 : 1 }, () => BareClient.open(url)),
  );
  const value = (i: number) => (i % 600) / 300;
  const started = process.hrtime.bigint();
  if (pattern === 'sequential') {
    for (let i = 0; i < calls; i++) await clients[0]!.call(value(i));
  } else {
    await Promise.all(
      clients.flatMap((c) => Array.from({ length: Math.round(calls / clients.length) }, (_, i) => c.call(value(i)))),
    );
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clients.forEach((c) => c.close());
  return calls / seconds;
}

export async function measureServerThroughput(calls: number, repeats: number): Promise<ServerThroughputResult> {
  const dev = new DevServer({ definitions: await loadParameterDefinitions(), port: 0 });
  const { url: devUrl } = await dev.listen();
  const echoServer = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  echoServer.on('connection', (s) => s.on('message', (data) => s.send(data, { binary: false })));
  await new Promise((r) => echoServer.once('listening', r));
  const echoUrl = `ws://127.0.0.1:${(echoServer.address() as AddressInfo).port}/`;
  const patterns: Pattern[] = ['sequential', 'pipelined', 'tenConnections'];
  const samples = { devServer: {} as Record<Pattern, number[]>, echo: {} as Record<Pattern, number[]> };
  try {
    for (const p of patterns) {
      samples.devServer[p] = [];
      samples.echo[p] = [];
      await roundTripsPerSecond(devUrl, p, Math.min(calls, 500)); // warm-up
      await roundTripsPerSecond(echoUrl, p, Math.min(calls, 500));
      for (let r = 0; r < repeats; r++) {
        samples.devServer[p].push(await roundTripsPerSecond(devUrl, p, calls));
        samples.echo[p].push(await roundTripsPerSecond(echoUrl, p, calls));
      }
    }
  } finally {
    await dev.close();
    await new Promise((r) => echoServer.close(r));
  }
  const devServer = Object.fromEntries(patterns.map((p) => [p, stats(samples.devServer[p])])) as Record<Pattern, Stats>;
  const echo = Object.fromEntries(patterns.map((p) => [p, stats(samples.echo[p])])) as Record<Pattern, Stats>;
  const ratio = Object.fromEntries(patterns.map((p) => [p, devServer[p].median / echo[p].median])) as Record<
    Pattern,
    number
  >;
  return {
    calls,
    devServer,
    echo,
    ratio,
    tenConnectionsMessagesRatio: (devServer.tenConnections.median * 10) / echo.tenConnections.median,
  };
}
