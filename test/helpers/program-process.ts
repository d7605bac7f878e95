/**
 * Runs the bot as a separate process, the way a deployer starts it (`node dist/start.mjs`, or
 * the sources through tsx), reads its JSON log lines until it says where it listens, and stops it
 * with SIGTERM as App Service does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** tsx's loader by absolute URL, for `node --import` from a working directory outside the repository. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ProgramProcess {
  url: string;
  /** Every log line so far, parsed (lines that are not JSON are kept as { text }). */
  logs: Record<string, unknown>[];
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface ProgramOptions {
  /** Arguments to node: the entry file, with any --import before it. */
  args: string[];
  cwd: string;
  /** The whole environment of the child (nothing of the test process's is passed unless given). */
  env: Record<string, string>;
}

export function startProgram(options: ProgramOptions): Promise<ProgramProcess> {
  const child: ChildProcess = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          entry = { text: line };
        }
        logs.push(entry);
        if (entry.msg === 'bot listening on /api/messages' && typeof entry.url === 'string') {
          resolve({
            url: entry.url,
            logs,
            stop: () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) =>
      reject(
        new Error(
          `the program exited (${code}) before listening:\n${stderr}\n${logs.map((l) => JSON.stringify(l)).join('\n')}`,
        ),
      ),
    );
  });
}

/** The environment a child needs from ours (PATH, HOME, temp dir), without this process's configuration. */
export function baseEnvironment(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'];
  return Object.fromEntries(keep.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
}
