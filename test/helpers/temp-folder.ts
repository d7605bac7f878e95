/** A fresh folder under the OS temp dir per test, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempFolder(prefix = 'csp-bot-'): { path: string; remove(): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { path: folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
