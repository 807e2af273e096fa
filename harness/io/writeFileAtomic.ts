import { rename, unlink, writeFile } from 'node:fs/promises';

/**
 * Writes `data` to `path` so that readers see the old file or the new one, never a partial one:
 * a temp file beside the target, then a rename (atomic on one filesystem).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
