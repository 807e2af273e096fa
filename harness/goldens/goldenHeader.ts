/** The fields every golden file starts with: its format's version, its scenario, its DSP path and its rate. */
import { Type } from '@sinclair/typebox';
import { stringEnum } from '../../contracts/schema/schemaParts.ts';
import { DSP_PATHS } from '../../contracts/wasm/dspBackend.ts';

export function goldenHeaderFields<V extends number>(version: V) {
  return {
    schemaVersion: Type.Literal(version, {
      description: "the file format's version; another fails `test` until recorded again",
    }),
    scenario: Type.String({ description: 'the scenario it was recorded from (its file name without .json)' }),
    path: stringEnum(DSP_PATHS, { description: 'the DSP path it ran on' }),
    sampleRate: Type.Number({ exclusiveMinimum: 0, description: "the page's AudioContext rate, Hz" }),
  };
}
