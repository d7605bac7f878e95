/**
 * Replacing a file so that a crash or a full disk leaves either the old file or the new one, never
 * a torn one: the content goes to a temporary file that is fsync'd, renamed over the file, and the
 * folder fsync'd so that the rename itself is durable. On any failure the temporary file is removed
 * and the old file is untouched.
 */
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

let sequence = 0;

export async function replaceFile(
  file: string,
  write: (handle: FileHandle, temporary: string) => Promise<void>,
  /** False when the caller syncs the folder itself, once for several files. */
  syncFolder = true,
): Promise<void> {
  const directory = path.dirname(file);
  // A folder made now is itself an entry in its parent, made durable before anything names it.
  const made = await mkdir(directory, { recursive: true });
  if (made) await syncDirectory(path.dirname(made));
  const temporary = `${file}.${process.pid}.${sequence++}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await write(handle, temporary);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  if (syncFolder) await syncDirectory(directory);
}

/** Makes a rename durable; some platforms cannot open a directory, which is fine there. */
export async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}
