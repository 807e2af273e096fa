/** reports/history.jsonl: one line per nightly run, appended; the trend page is drawn from it. */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface HistoryEntry {
  date: string;
  wasmPath: string;
  buildSha256: string;
  /**
   * 'passed' | 'failed' | 'inconclusive' (no failure, but the machine starved the audio of at
   * least one test) | 'invalid' (the module failed its ABI checks).
   */
  status: string;
  passed: number;
  failed: number;
  /** Tests the machine starved (absent in lines written before the third verdict). */
  inconclusive?: number;
  /**
   * Per test: outcome, verdict (passed, failed, inconclusive, skipped), why it was inconclusive,
   * worst live deviation (dB), offline SNR (dB).
   */
  tests: Record<
    string,
    {
      outcome: string;
      verdict?: string;
      inconclusiveCause?: string;
      worstDeviationDb: number | null;
      offlineSnrDb: number | null;
    }
  >;
  worstDeviationDb: number | null;
  /** DSP cost per render quantum, when the benchmarks provide it. */
  dspNsPerFrame: number | null;
  /** The validator's verdict on the build: strictness, whether it passed, and each check's status. */
  validation?: { strictness: number; passed: boolean; checks: Record<string, 'pass' | 'fail' | 'skip'> };
  error?: string;
  /** The run's Playwright HTML report, relative to the reports folder, when the nightly kept it. */
  reportPath?: string;
}

export function appendHistory(file: string, entry: HistoryEntry): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** Reads the history; a corrupt line is reported with its line number, never silently dropped. */
export function readHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as HistoryEntry;
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not valid JSON (${(error as Error).message})`);
      }
    });
}
