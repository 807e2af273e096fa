/**
 * npm run bench [-- --quick]: the six figures, each next to a baseline measured in the same run,
 * with medians and spread over repeats; prints a table and writes reports/bench.json.
 * --quick shrinks every figure to a smoke test (CI runs it to keep the benchmarks working).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { measureDspCost } from './dspCost.ts';
import { measureOfflineThroughput } from './offlineThroughput.ts';
import { measureParameterLatency } from './parameterLatency.ts';
import { measureServerThroughput } from './serverThroughput.ts';
import { fmt } from './stats.ts';
import { measureSuiteEfficiency } from './suiteEfficiency.ts';
import { measureTrendPage } from './trendPageLoad.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick!;
const log = (line = '') => console.log(line);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

log(`bench${quick ? ' (quick)' : ''} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);

const throughput = await measureOfflineThroughput(quick ? 5 : 60, quick ? 2 : 5);
log('\n1. Offline render, Chromium, stereo 48 kHz (× real time, median [min–max])');
for (const [name, s] of Object.entries(throughput.xRealTime)) log(`   ${name.padEnd(12)} ${fmt(s.median, 0).padStart(6)}×  [${fmt(s.min, 0)}–${fmt(s.max, 0)}]`);
log(`   mock/passThrough ${fmt(throughput.ratios.mockOverPassThrough, 2)} (target ≥ 0.8: ${verdict(throughput.ratios.mockOverPassThrough >= 0.8)})`);
log(`   wasm/passThrough ${fmt(throughput.ratios.wasmOverPassThrough, 2)} (target ≥ 0.8: ${verdict(throughput.ratios.wasmOverPassThrough >= 0.8)}); wasm ${fmt(throughput.xRealTime.wasm.median, 0)}× (target ≥ 300×: ${verdict(throughput.xRealTime.wasm.median >= 300)})`);

const dsp = await measureDspCost(undefined, quick ? 3 : 9, quick ? 96_000 : 960_000);
log('\n2. DSP cost in Node (ns per stereo frame, median; JS = the mock, gain only)');
for (const [block, b] of Object.entries(dsp.blocks)) {
  log(`   block ${block.padStart(4)}: JS gain ${fmt(b.jsGainOnly.median, 2)}, WASM gain ${fmt(b.wasmGainOnly.median, 2)} (${fmt(b.wasmOverJsGainOnly, 2)}× JS), WASM full chain ${fmt(b.wasmFullChain.median, 2)}`);
}

const latency = [await measureParameterLatency('mock', quick ? 30 : 200), await measureParameterLatency('wasm', quick ? 30 : 200)];
log('\n3. Parameter latency, live (setParameter → frame applied)');
for (const l of latency) {
  log(`   ${l.path}: p50 ${fmt(l.ms.p50)} ms, p95 ${fmt(l.ms.p95)} ms, max ${fmt(l.ms.max)} ms (${l.frames.p50}/${l.frames.p95}/${l.frames.max} frames); lost ${l.lost}, out of order ${l.outOfOrder} (p95 ≤ 10 ms: ${verdict(l.ms.p95 <= 10)})`);
}

const server = await measureServerThroughput(quick ? 1000 : 10_000, quick ? 2 : 5);
log('\n4. Dev server setParameter round trips/s (median) vs a bare ws echo server');
for (const p of ['sequential', 'pipelined', 'tenConnections'] as const) {
  log(`   ${p.padEnd(15)} dev ${fmt(server.devServer[p].median, 0).padStart(7)}/s, echo ${fmt(server.echo[p].median, 0).padStart(7)}/s, ratio ${fmt(server.ratio[p], 2)} (≥ 0.7: ${verdict(server.ratio[p] >= 0.7)})`);
}

const suite = await measureSuiteEfficiency(quick ? 'tone-output-gain' : null, quick ? 1 : 5);
log(`   tenConnections relays each call to 9 other clients: messages written per second, dev/echo ${fmt(server.tenConnectionsMessagesRatio, 2)}`);

log('\n5. Suite efficiency (scenario specs)');
log(`   wall ${fmt(suite.wallSeconds)} s for ${fmt(suite.liveAudioSeconds)} s of live audio: ${fmt(suite.ratio, 2)}× (target ≤ 1.5× plus fixed start-up)`);
log(`   launch → probe ready: ${fmt(suite.launchToReadyMs.median, 0)} ms per test [${fmt(suite.launchToReadyMs.min, 0)}–${fmt(suite.launchToReadyMs.max, 0)}]`);

const trendPage = await measureTrendPage([30, 365], 30, quick ? 1 : 5);
log('\n6. Nightly dashboard (reports/trend.html), 30 tests, generated history');
for (const t of trendPage) {
  log(`   ${String(t.runs).padStart(3)} runs: ${fmt(t.bytes / 1024, 0).padStart(5)} KiB, rendered in ${fmt(t.renderMs.median, 0)} ms (Node), loaded and laid out in ${fmt(t.loadMs.median, 0)} ms (Chromium) [${fmt(t.loadMs.min, 0)}–${fmt(t.loadMs.max, 0)}]`);
}
log(`   365 runs against 30: size ${fmt(trendPage[1]!.bytes / trendPage[0]!.bytes, 1)}×, load ${fmt(trendPage[1]!.loadMs.median / trendPage[0]!.loadMs.median, 1)}×`);

const report = { generatedAt: new Date().toISOString(), quick, machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, throughput, dspCost: dsp, latency, server, suite, trendPage };
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', `${JSON.stringify(report, null, 2)}\n`);
log('\nwrote reports/bench.json');
