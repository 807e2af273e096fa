/**
 * The audio sources a dev-mode page plays into the DSP, declared once: the probe's `status().source`,
 * the page's `?source=`, a scenario's `source` and the harness's page driver all take them from here.
 */
export const SOURCE_KINDS = ['none', 'tone', 'mic', 'file'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The sources a test plays (all but 'none'): a scenario's `source`. */
export const PLAYED_SOURCE_KINDS = ['mic', 'file', 'tone'] as const satisfies readonly SourceKind[];
export type PlayedSourceKind = (typeof PLAYED_SOURCE_KINDS)[number];

export function isSourceKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value);
}
