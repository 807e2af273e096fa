import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './writeFileAtomic.ts';

const helper = fileURLToPath(new URL('./testing/writeForever.ts', import.meta.url));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'golden.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['golden.json']);
  });

  it('leaves the old file or the new one, never a truncated one, when the writer is killed mid-write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-kill-'));
    const file = join(dir, 'golden.wav');
    const old = 'O'.repeat(4 * 1024 * 1024);
    writeFileSync(file, old);
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', helper, file], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + round * 37)); // kill at a different point each round
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const content = readFileSync(file, 'utf8');
      expect(content.length, `round ${round}`).toBe(4 * 1024 * 1024);
      expect(['O', 'A', 'B']).toContain(content[0]);
      expect(content, `round ${round}`).toBe(content[0]!.repeat(content.length));
    }
  });
});
