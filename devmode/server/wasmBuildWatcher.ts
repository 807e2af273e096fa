/**
 * Hot reload of the WASM DSP build: watches the build file (polling its size and mtime, which
 * survives editors and build tools that replace the file), waits until it stops changing, and
 * checks the new bytes against the ABI. An accepted build is copied to a snapshot that the page
 * server serves as /dsp.wasm, and handed on (`onAccepted`); a refused one leaves the previous
 * snapshot in place (`onRefused`, with the check's error) — so a page that reloads later still
 * gets the last good build.
 */
import { createHash } from 'node:crypto';
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unwatchFile,
  watchFile,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { validateParameterDefinitions } from '../../contracts/ipc/validator.ts';
import { checkWasmDsp } from '../../contracts/wasm/checkWasmDsp.ts';

export interface WasmBuildWatcherOptions {
  wasmPath: string;
  /** A new good build, at `snapshot` (serve this file). */
  onAccepted(build: { snapshot: string; definitions: ParameterDefinition[]; sha256: string }): void;
  onRefused(error: unknown): void;
  /** Polling interval, ms. Default 100. */
  intervalMs?: number;
}

export class WasmBuildWatcher {
  private readonly dir = mkdtempSync(join(tmpdir(), 'wavecraft-dsp-'));
  private version = 0;
  private lastSha = '';
  private pending: NodeJS.Timeout | null = null;
  private checking: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly listener = (current: Stats, previous: Stats) => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) this.settleThenCheck(current);
  };

  /** The snapshot of the build the stack starts with. */
  readonly initialSnapshot: string;

  constructor(private readonly options: WasmBuildWatcherOptions) {
    const bytes = readFileSync(options.wasmPath);
    this.lastSha = createHash('sha256').update(bytes).digest('hex');
    this.initialSnapshot = this.snapshot(bytes);
    watchFile(options.wasmPath, { interval: options.intervalMs ?? 100 }, this.listener);
  }

  close(): void {
    this.closed = true;
    unwatchFile(this.options.wasmPath, this.listener);
    if (this.pending) clearTimeout(this.pending);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Checks once the file has kept the same size and mtime for one more interval. */
  private settleThenCheck(seen: Stats): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      let now: Stats;
      try {
        now = statSync(this.options.wasmPath);
      } catch {
        return; // gone for now (a build deleting it first); its return triggers the watcher again
      }
      if (now.mtimeMs !== seen.mtimeMs || now.size !== seen.size) return this.settleThenCheck(now);
      this.checking = this.checking.then(() => this.check());
    }, this.options.intervalMs ?? 100);
  }

  private async check(): Promise<void> {
    if (this.closed) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.options.wasmPath);
    } catch {
      return;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 === this.lastSha) return;
    try {
      // Checked under the build's own name, so a refusal names the user's file.
      const { definitions } = await checkWasmDsp(
        new Uint8Array(bytes),
        this.options.wasmPath,
        validateParameterDefinitions,
      );
      this.lastSha = sha256;
      this.options.onAccepted({ snapshot: this.snapshot(bytes), definitions, sha256 });
    } catch (error) {
      this.options.onRefused(error);
    }
  }

  private snapshot(bytes: Buffer): string {
    const file = join(this.dir, `dsp-${this.version++}.wasm`);
    writeFileSync(file, bytes);
    return file;
  }
}
