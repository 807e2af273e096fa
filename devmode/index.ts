/**
 * The reference stack's one entry point for the harness, the bench and the specs: start it, where
 * its built DSP is, and the parts the bench measures and the specs drive on their own (the dev
 * server, the static page server, the mock DSP, the worklet's meter and oscilloscope taps). Nothing
 * outside devmode/ imports anything else from it (the layer check, scripts/boundaries).
 */
export {
  PortInUseError,
  startReferenceStack,
  type ReferenceStack,
  type ReferenceStackOptions,
} from './server/referenceStack.ts';
export { originRuleProblem } from './server/originRule.ts';
export { REFERENCE_WASM_PATH } from './dsp/reference/referenceDsp.ts';
export { DevServer, type DevServerOptions } from './server/devServer.ts';
export { StaticPageServer } from './server/staticPageServer.ts';
export { loadParameterDefinitions } from './dsp/reference/referenceDsp.ts';
export { MockDsp } from './dsp/mock/mockDsp.ts';
export { MeterWindowAccumulator } from './web/src/worklet/meterWindows.ts';
export { OscilloscopeTap } from './web/src/worklet/oscilloscopeTap.ts';
