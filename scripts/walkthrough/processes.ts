/**
 * The two servers of the walk-through: the bot in local mode (no Azure registration) on a fresh
 * copy of the default store in a temp folder, and the Microsoft 365 Agents Playground (the
 * devDependency's CLI, telemetry off) talking to it. Both listen on loopback ports found free;
 * each is stopped by its own process id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { playgroundConfig, type Persona } from './personas.js';

export const BOT_NAME = 'CSP Assistant';

export interface Running {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the first line of the child's output that `ready` matches; rejects if it exits first. */
function waitForLine(child: ChildProcess, ready: RegExp, what: string, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`${what} did not start in ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) done(() => resolve(match));
    };
    const onExit = (code: number | null): void =>
      fail(new Error(`${what} exited (${code}) before it was ready:\n${output}`));
    const done = (then: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      then();
    };
    const fail = (error: Error): void => done(() => reject(error));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** Keeps everything a child prints in `file`, for when a step fails. */
function logTo(child: ChildProcess, file: string): void {
  const log = createWriteStream(file);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
}

/** The bot from the sources (as `npm run dev`, without watching), on a new store in `dir`; its log in `logFile`. */
export async function startBot(root: string, dir: string, admins: Persona[], logFile: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      // A store file that does not exist yet starts as a copy of the default store (Kent CSP).
      DATA_FILE: path.join(dir, 'store.json'),
      BOT_NAME,
      BOT_ADMINS: admins.map((a) => a.aadObjectId).join(','),
      // Local mode: set to empty here so that a developer's .env cannot turn authentication on.
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      DIGEST_DAY: 'off',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  logTo(child, logFile);
  const stop = stopper(child);
  await waitForLine(child, /bot listening on \/api\/messages/, 'The bot', 120_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}/api/messages`, stop };
}

/** One Agents Playground, writing as `persona`, its files (config, devTools log) in its own folder. */
export async function startPlayground(root: string, dir: string, persona: Persona, botUrl: string): Promise<Running> {
  const home = path.join(dir, `playground-${persona.id}`);
  mkdirSync(home, { recursive: true });
  const configFile = path.join(home, '.m365agentsplayground.yml');
  writeFileSync(configFile, playgroundConfig(persona, BOT_NAME));
  const port = await freePort();
  const cli = path.join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '-e', botUrl, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: home,
      env: {
        ...process.env,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // It falls back to another port when the one asked for is taken: read the one it took.
  logTo(child, path.join(home, 'playground.log'));
  const stop = stopper(child);
  const listening = await waitForLine(child, /Listening on (\d+)/, 'The Agents Playground', 60_000).catch(
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
  return { url: `http://127.0.0.1:${listening[1]}`, stop };
}
