/**
 * The reference stack's one entry point for the harness: start it, and where its built DSP is.
 * The harness imports nothing else from devmode/ (checked by harness/boundaries).
 */
export { PortInUseError, startReferenceStack, type ReferenceStack, type ReferenceStackOptions } from './server/referenceStack.ts';
export { originRuleProblem } from './server/originRule.ts';
export { REFERENCE_WASM_PATH } from './dsp/reference/referenceDsp.ts';
