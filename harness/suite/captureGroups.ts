/**
 * Which live scenarios share a browser: the fake microphone plays one capture file per browser, so
 * a worker that runs the scenarios of one file in a row launches one browser for them.
 */
import type { Scenario } from '../scenarios/scenario.ts';

/** The browser a scenario's live page needs: its capture file's (the fake microphone plays it), or the shared one. */
const captureOf = (s: Scenario) => (s.source === 'mic' ? `mic ${s.input ?? 'silence-mono.wav'}` : 'no capture');

/**
 * The scenarios in groups that share a browser: by capture file (file and tone sources share the
 * browser without capture), each group cut into at most `workers` shares so every worker still
 * gets work (a project whose scenarios all play one file, as init's do, is cut in `workers` parts).
 */
export function captureGroups(scenarios: readonly Scenario[], workers: number): Scenario[][] {
  const byCapture = new Map<string, Scenario[]>();
  for (const s of [...scenarios].sort((a, b) => a.name.localeCompare(b.name)))
    byCapture.set(captureOf(s), [...(byCapture.get(captureOf(s)) ?? []), s]);
  return [...byCapture.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .flatMap(([, group]) => {
      const size = Math.ceil(group.length / Math.max(1, workers));
      return Array.from({ length: Math.ceil(group.length / size) }, (_, i) => group.slice(i * size, (i + 1) * size));
    });
}
