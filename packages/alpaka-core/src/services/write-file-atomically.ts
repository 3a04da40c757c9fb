import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes text chunks to a temporary file in the target's folder, then renames it over the target: a reader
 * (or a job that fails while writing) never sees a half-written file, and a failed write leaves nothing.
 */
export async function writeFileAtomically(file: string, chunks: () => Iterable<string>): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    let batch = '';
    for (const chunk of chunks()) {
      batch += chunk;
      if (batch.length >= 1 << 20) {
        await handle.write(batch);
        batch = '';
      }
    }
    if (batch.length > 0) await handle.write(batch);
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
