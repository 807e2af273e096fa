/**
 * npm run bench [-- --quick]: the nine figures, each next to a baseline measured in the same run,
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
import { measureHealthWatchCost } from './healthWatchCost.ts';
import { formatPhaseTable } from './testPhases.ts';
import { DEFAULT_BASELINE_REF, measureSuiteVsBaseline } from './suiteVsBaseline.ts';
import { measureTrendPage } from './trendPageLoad.ts';
import { measureSubnormalCost } from './subnormalCost.ts';
import { measureValidatorScaling } from './validatorScaling.ts';
import { measureWorkletHostCost } from './workletHostCost.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick!;
const log = (line = '') => console.log(line);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

log(`bench${quick ? ' (quick)' : ''} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);

const goals: { goal: string; met: boolean; measured: string }[] = [];
const goal = (name: string, met: boolean, measured: string) => {
  goals.push({ goal: name, met, measured });
  // --quick measures too little to judge a goal by (seconds of audio, one repeat): it says so.
  return quick ? 'not judged with --quick' : verdict(met);
};

const throughput = await measureOfflineThroughput(quick ? 5 : 60, quick ? 2 : 5);
const dsp = await measureDspCost(undefined, quick ? 3 : 9, quick ? 96_000 : 960_000);
log('\n1. Offline render, Chromium, stereo 48 kHz (× real time, median [min–max])');
for (const [name, s] of Object.entries(throughput.xRealTime))
  log(`   ${name.padEnd(12)} ${fmt(s.median, 0).padStart(6)}×  [${fmt(s.min, 0)}–${fmt(s.max, 0)}]`);
const { mockOverPassThrough, wasmOverPassThrough } = throughput.ratios;
log(
  `   mock/passThrough ${fmt(mockOverPassThrough, 2)} (goal ≥ 0.8: ${goal('offline mock/passThrough ≥ 0.8', mockOverPassThrough >= 0.8, fmt(mockOverPassThrough, 2))})`,
);
log(
  `   wasm/passThrough ${fmt(wasmOverPassThrough, 2)} (goal ≥ 0.8: ${goal('offline wasm/passThrough ≥ 0.8', wasmOverPassThrough >= 0.8, fmt(wasmOverPassThrough, 2))})`,
);
log(
  `   wasm full chain ${fmt(throughput.xRealTime.wasm.median, 0)}× (goal ≥ 500×: ${goal('offline wasm ≥ 500× real time', throughput.xRealTime.wasm.median >= 500, `${fmt(throughput.xRealTime.wasm.median, 0)}×`)})`,
);
// Where a WASM quantum's time goes: the DSP's own wc_process (measured in Node, item 2), the
// graph and worklet (the pass-through render), and the host's work around the DSP (the rest:
// meters, copies into and out of WASM memory, messages).
const quantumUs = (x: number) => (128 / 48000 / x) * 1e6;
const wasmUs = quantumUs(throughput.xRealTime.wasm.median);
const graphUs = quantumUs(throughput.xRealTime.passThrough.median);
const dspUs = (dsp.fullChainNsPerFrame128 * 128) / 1000;
const hostUs = Math.max(0, wasmUs - graphUs - dspUs);
log(
  `   a WASM quantum: ${fmt(wasmUs, 2)} µs = graph and worklet ${fmt(graphUs, 2)} (${fmt((100 * graphUs) / wasmUs, 0)}%) + DSP ${fmt(dspUs, 2)} (${fmt((100 * dspUs) / wasmUs, 0)}%) + host ${fmt(hostUs, 2)} (${fmt((100 * hostUs) / wasmUs, 0)}%)`,
);

log('\n2. DSP cost in Node (ns per stereo frame, median; JS = the mock, gain only)');
for (const [block, b] of Object.entries(dsp.blocks)) {
  log(
    `   block ${block.padStart(4)}: JS gain ${fmt(b.jsGainOnly.median, 2)}, WASM gain ${fmt(b.wasmGainOnly.median, 2)} (${fmt(b.wasmOverJsGainOnly, 2)}× JS), WASM full chain ${fmt(b.wasmFullChain.median, 2)}`,
  );
}

const host = measureWorkletHostCost(quick ? 20_000 : 200_000, quick ? 2 : 5);
log(
  `   worklet around the DSP, per 128-frame quantum: meters ${fmt(host.metersUs.median, 3)} µs (${fmt((100 * host.metersUs.median) / host.budgetUs, 3)}% of the ${fmt(host.budgetUs, 0)} µs real-time budget), oscilloscope tap ${fmt(host.oscilloscopeUs.median, 3)} µs (${fmt((100 * host.oscilloscopeUs.median) / host.budgetUs, 3)}%)`,
);

const latency = [];
// --quick (CI): one latency hint, to keep CI's time; the full bench measures both.
for (const hint of quick ? ['interactive'] : ['interactive', '0.002'])
  for (const path of ['mock', 'wasm'] as const)
    latency.push(await measureParameterLatency(path, quick ? 30 : 200, hint));
log(
  '\n3. Parameter latency, live (setParameter → frame applied), with the render callback period at the same latency hint',
);
for (const l of latency) {
  const met = l.ms.p95 <= 5 && l.lost === 0 && l.outOfOrder === 0;
  log(
    `   ${l.path} @ ${l.latencyHint.padEnd(11)}: p50 ${fmt(l.ms.p50)} ms, p95 ${fmt(l.ms.p95)} ms, max ${fmt(l.ms.max)} ms; lost ${l.lost}, out of order ${l.outOfOrder}; ` +
      `callbacks every ${fmt(l.callback.periodMs)} ms, ${l.callback.framesPerCallback} frames (p95 ≤ 5 ms, 0 lost/reordered: ${goal(`latency p95 ≤ 5 ms, ${l.path}, latencyHint ${l.latencyHint}`, met, `${fmt(l.ms.p95)} ms`)})`,
  );
}

const server = await measureServerThroughput(quick ? 1000 : 10_000, quick ? 2 : 5);
log('\n4. Dev server setParameter round trips/s (median) vs a bare ws echo server');
for (const p of ['sequential', 'pipelined', 'tenConnections'] as const) {
  log(
    `   ${p.padEnd(15)} dev ${fmt(server.devServer[p].median, 0).padStart(7)}/s, echo ${fmt(server.echo[p].median, 0).padStart(7)}/s, ratio ${fmt(server.ratio[p], 2)}`,
  );
}
log(
  `   tenConnections relays each call to 9 other clients: messages written per second, dev/echo ${fmt(server.tenConnectionsMessagesRatio, 2)} (goal ≥ 0.7: ${goal('ten connections: messages/s ≥ 0.7 × echo', server.tenConnectionsMessagesRatio >= 0.7, fmt(server.tenConnectionsMessagesRatio, 2))})`,
);

// A whole Playwright run: not in --quick (CI), where its start-up alone was 27 s of a smoke test.
const suite = quick ? null : await measureSuiteEfficiency(null, 5);
log(`\n5. Suite efficiency (scenario specs, 2 workers)${suite ? '' : ': skipped with --quick'}`);
if (suite) {
  log(
    `   wall ${fmt(suite.wallSeconds)} s for ${fmt(suite.liveAudioSeconds)} s of live audio: ${fmt(suite.ratio, 2)}×; start-up ${fmt(suite.startupSeconds)} s (goal ≤ 5 s), after it ${fmt(suite.ratioAfterStartup, 2)}× (goal ≤ 1.5×): ${goal('suite ≤ 1.5× live audio + ≤ 5 s start-up', suite.ratioAfterStartup <= 1.5 && suite.startupSeconds <= 5, `${fmt(suite.ratioAfterStartup, 2)}× + ${fmt(suite.startupSeconds)} s`)}`,
  );
  log(
    `   both cores ${suite.cpuBusy === null ? 'n/a' : `${fmt(100 * suite.cpuBusy, 0)}%`} busy during the run; a fresh browser's launch → probe ready: ${fmt(suite.launchToReadyMs.median, 0)} ms [${fmt(suite.launchToReadyMs.min, 0)}–${fmt(suite.launchToReadyMs.max, 0)}] (kept browsers and pages skip most of it)`,
  );
  log('   where a live test goes, medians over the run:');
  log(formatPhaseTable(suite.phases));
}
// The audio-health watch's CPU, on and off in turns while a page plays (--quick: 2 short rounds).
const watch = await measureHealthWatchCost(quick ? 2 : 6, quick ? 2 : 5);
log(
  `   the audio-health watch: ${fmt(watch.readsPerSecond, 1)} reads/s; a playing page and this process use ${fmt(watch.watchOff.median, 3)} cores without it, ${fmt(watch.watchOn.median, 3)} with it: ${fmt(100 * watch.extraCores, 1)}% of a core (goal well under 5% of a test's wall time: ${goal('health watch < 5% of a core', watch.extraCores < 0.05, `${fmt(100 * watch.extraCores, 1)}%`)})`,
);

const trendPage = await measureTrendPage([30, 365], 30, quick ? 1 : 5);
log('\n6. Nightly dashboard (reports/trend.html), 30 tests, generated history');
for (const t of trendPage) {
  log(
    `   ${String(t.runs).padStart(3)} runs: ${fmt(t.bytes / 1024, 0).padStart(5)} KiB, rendered in ${fmt(t.renderMs.median, 0)} ms (Node), loaded and laid out in ${fmt(t.loadMs.median, 0)} ms (Chromium) [${fmt(t.loadMs.min, 0)}–${fmt(t.loadMs.max, 0)}]`,
  );
}
log(
  `   365 runs against 30: size ${fmt(trendPage[1]!.bytes / trendPage[0]!.bytes, 1)}×, load ${fmt(trendPage[1]!.loadMs.median / trendPage[0]!.loadMs.median, 1)}×`,
);

// Two whole suites: not in --quick (CI), where it would double the run for a smoke test.
const vsBaseline = quick
  ? null
  : await measureSuiteVsBaseline(process.env['WAVECRAFT_BASELINE_REF'] ?? DEFAULT_BASELINE_REF, 1);
log(
  `\n7. The Playwright suite against today's main (${vsBaseline?.ref ?? 'skipped with --quick'}), side by side in this run`,
);
if (vsBaseline) {
  log(
    `   ${vsBaseline.specs.length} spec files both have, mock + wasm: baseline ${fmt(vsBaseline.baselineSeconds.median)} s, this tree ${fmt(vsBaseline.currentSeconds.median)} s, ratio ${fmt(vsBaseline.ratio, 2)} (goal ≤ 1.05: ${goal('suite no slower than the baseline (≤ 1.05×)', vsBaseline.ratio <= 1.05, fmt(vsBaseline.ratio, 2))}); failures: baseline ${vsBaseline.failures.baseline}, this tree ${vsBaseline.failures.current}`,
  );
}

const scaling = await measureValidatorScaling(quick ? [4] : [2, 4, 8], quick ? 1 : 3);
log(
  `\n8. The validator's time against the number of parameters (strictness ${scaling.strictness}, no browser leg; median s)`,
);
for (const b of scaling.builds)
  log(
    `   ${b.name.padEnd(22)} ${String(b.parameters).padStart(3)} parameters: ${fmt(b.seconds.median)} s [${fmt(b.seconds.min)}–${fmt(b.seconds.max)}], ${fmt(b.overReference, 2)}× the reference${b.passed ? '' : ' (FAILED validation)'}`,
  );
const twenty = scaling.builds.find((b) => b.parameters === 20);
if (twenty)
  log(
    `   20 parameters within 2× the reference: ${goal('validator: 20 parameters ≤ 2× the 10-parameter reference', twenty.overReference <= 2 && twenty.passed, `${fmt(twenty.overReference, 2)}×`)}`,
  );

const subnormal = await measureSubnormalCost(quick ? 200 : 20_000, quick ? 3 : 7);
log(
  '\n9. Subnormal floats in WASM, per sample (x·0.5 + x·0.5 over 1024 f32s; normal 0.3 vs subnormal 1e-39; median ns)',
);
for (const [where, c] of Object.entries(subnormal))
  log(
    `   ${where.padEnd(9)} normal ${fmt(c.normalNs, 2)} ns, subnormal ${fmt(c.subnormalNs, 2)} ns: ${fmt(c.ratio, 2)}× (the validator's severity for subnormal output, docs/validator.md)`,
  );

if (quick)
  log(`\ngoals: ${goals.length}, judged by the full bench only (npm run bench); --quick checks that every figure runs`);
else log(`\ngoals: ${goals.filter((g) => g.met).length} of ${goals.length} met`);
for (const g of goals) log(`   ${quick ? '' : g.met ? 'met    ' : 'MISSED '}${g.goal}: ${g.measured}`);

const report = {
  generatedAt: new Date().toISOString(),
  quick,
  goals,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  throughput,
  dspCost: dsp,
  latency,
  server,
  suite,
  healthWatch: watch,
  trendPage,
  workletHost: host,
  vsBaseline,
  validatorScaling: scaling,
  subnormalCost: subnormal,
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', `${JSON.stringify(report, null, 2)}\n`);
log('\nwrote reports/bench.json');
