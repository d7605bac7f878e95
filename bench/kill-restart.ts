/**
 * The kill test: the real bot as its own process (`node --import tsx src/index.ts`), a stream of
 * writes from concurrent conversations (actions logged by members, aliases set by an admin), and
 * SIGKILL at random moments, the bot restarted each time. A write counts as confirmed once the
 * bot's confirmation reached the Bot Connector stand-in; at the end every confirmed write must be
 * in the store and the journal, and the store must load. Used in short form by the tests and in
 * long form by `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startConnectorStandIn, type ConnectorStandIn } from '../test/helpers/connector-stand-in.js';
import { postActivity } from '../test/helpers/http.js';
import { replyText } from '../test/helpers/reply-text.js';
import { seededRandom } from '../test/helpers/seeded-random.js';
import { storedData } from '../test/helpers/stored-data.js';
import { personalMessage } from '../test/helpers/teams-activities.js';
import { TSX_LOADER } from '../test/helpers/program-process.js';
import { makeTempFolder } from '../test/helpers/temp-folder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

export interface KillTestOptions {
  writes: number;
  conversations: number;
  kills: number;
  /** A seed for the kill moments, so that a failing run can be repeated. */
  seed?: number;
}

export interface KillTestResult {
  attempted: number;
  confirmed: number;
  kills: number;
  /** Confirmed writes missing after the last restart: must be empty. */
  lost: string[];
  storeLoaded: boolean;
  seconds: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** How the bot is run: from the sources through tsx (the tests), or the built program as deployed, with extra node options. */
export interface BotProgram {
  built?: boolean;
  nodeOptions?: readonly string[];
  /** An IPC channel to the child (for a probe preloaded with --import). */
  ipc?: boolean;
}

/** The bot as its own process; `launcher` runs it under another command (e.g. prlimit with a file-size limit). */
export class BotProcess {
  private child: ChildProcess | undefined;
  // Run from the temp folder, so a developer's .env in the repository does not configure the test bot.
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly url: string,
    private readonly cwd: string,
    private readonly program: BotProgram = {},
  ) {}

  async start(launcher: readonly string[] = [], pollMs = 50): Promise<void> {
    const entry = this.program.built
      ? [path.join(ROOT, 'dist', 'start.mjs')]
      : ['--import', TSX_LOADER, path.join(ROOT, 'src', 'index.ts')];
    const command = [...launcher, process.execPath, ...(this.program.nodeOptions ?? []), ...entry];
    this.child = spawn(command[0] ?? process.execPath, command.slice(1), {
      cwd: this.cwd,
      env: this.env,
      stdio: ['ignore', 'ignore', 'pipe', ...(this.program.ipc ? (['ipc'] as const) : [])],
    });
    let stderr = '';
    this.child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-4000)));
    // Generous: on a shared machine a start can be slow; one that never comes is the failure.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the bot exited on start (${this.child.exitCode}): ${stderr}`);
      const ok = await fetch(`${this.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, pollMs));
    }
    throw new Error(`the bot did not start within 120 s: ${stderr}`);
  }

  /** Sends `message` over the IPC channel and resolves with the child's reply. */
  ask<T>(message: unknown): Promise<T> {
    const child = this.child;
    if (!child?.send) return Promise.reject(new Error('the bot was not started with an IPC channel'));
    return new Promise<T>((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message as string);
    });
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/** The environment of the bot run as its own process on a port and store file: no digest, no backups. */
export function botEnvironment(port: number, dataFile: string, admin: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_FILE: dataFile,
    LOG_LEVEL: 'error',
    DIGEST_DAY: 'off',
    BOT_ADMINS: admin,
    BACKUP_DAYS: '0',
  };
}

export async function runKillTest(options: KillTestOptions): Promise<KillTestResult> {
  const started = Date.now();
  const folder = makeTempFolder();
  const connector: ConnectorStandIn = await startConnectorStandIn();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataFile = path.join(folder.path, 'store.json');
  const env = botEnvironment(port, dataFile, ADMIN);
  const bot = new BotProcess(env, url, folder.path);
  const next = seededRandom(options.seed ?? 20261201);
  await bot.start();
  // The writers are members of the partnership (actions are for members only): the admin grants them a role first.
  for (let c = 0; c < options.conversations; c++) {
    const member = { id: `29:member-${c}`, name: `Member ${c}` };
    const grant = personalMessage(`make <at>${member.name}</at> member`, {
      aadObjectId: ADMIN,
      userId: '29:admin',
      userName: 'Ada Admin',
      conversationId: 'a:kill-grants',
    });
    const entities = [{ type: 'mention', mentioned: member, text: `<at>${member.name}</at>` }];
    await postActivity(`${url}/api/messages`, { ...grant, entities, serviceUrl: connector.url });
  }
  let running = true;
  let kills = 0;
  const confirmedActions = new Set<string>();
  const confirmedAliases = new Set<string>();
  let attempted = 0;

  const writeOnce = async (conversation: number, index: number): Promise<void> => {
    const isAlias = index % 10 === 9;
    const tag = `w${conversation}x${index}`;
    const text = isAlias ? `alias ${tag} = road safety` : `action: Shafick Peerbux to file report ${tag} by 30 April`;
    const who = isAlias
      ? { aadObjectId: ADMIN, userId: '29:admin', userName: 'Ada Admin' }
      : {
          aadObjectId: `00000000-0000-4000-8000-${String(conversation).padStart(12, '0')}`,
          userId: `29:member-${conversation}`,
          userName: `Member ${conversation}`,
        };
    const activity = {
      ...personalMessage(text, { ...who, conversationId: `a:kill-${conversation}-${who.userId}` }),
      serviceUrl: connector.url,
    };
    attempted++;
    const before = connector.requests.length;
    try {
      await postActivity(`${url}/api/messages`, activity, { signal: AbortSignal.timeout(10_000) });
    } catch {
      // The bot was killed mid-request; whatever reached the connector is what was confirmed.
    }
    const reply = replyText(
      connector.requests
        .slice(before)
        .filter((r) => r.activityId === activity.id)
        .map((r) => r.body as Record<string, unknown>),
    );
    if (isAlias && reply.includes(`"${tag}" now means`)) confirmedAliases.add(tag);
    if (!isAlias && new RegExp(`Action \\d+ logged: .*file report ${tag}\\b`).test(reply)) confirmedActions.add(tag);
  };

  const perConversation = Math.ceil(options.writes / options.conversations);
  const writers = Array.from({ length: options.conversations }, async (_, c) => {
    for (let i = 0; i < perConversation && c * perConversation + i < options.writes; i++) {
      await writeOnce(c, i);
      // A down bot refuses connections at once; wait for it rather than spinning through writes.
      while (!running) await new Promise((r) => setTimeout(r, 20));
    }
  });
  const killer = (async () => {
    const expectedMs = (options.writes / 150) * 1000;
    for (let k = 0; k < options.kills; k++) {
      await new Promise((r) => setTimeout(r, (0.3 + next()) * (expectedMs / (options.kills + 1))));
      running = false;
      await bot.kill();
      kills++;
      await bot.start();
      running = true;
    }
  })();
  await Promise.all([...writers, killer]);
  // A last kill with everything confirmed, then the store must load and hold every confirmed write.
  await bot.kill();
  kills++;
  let storeLoaded = true;
  try {
    await bot.start();
  } catch {
    storeLoaded = false;
  }
  await bot.stop();
  const journal = (() => {
    try {
      return readFileSync(`${dataFile}.actions`, 'utf8');
    } catch {
      return '';
    }
  })();
  const saved = new Set([...journal.matchAll(/file report (w\d+x\d+)/g)].map((m) => m[1]));
  // The store as saved: its snapshot with the change journal replayed.
  const store = storedData(dataFile) as { partnerships: Record<string, { aliases: Record<string, string> }> };
  const aliases = store.partnerships['kent-csp']?.aliases ?? {};
  const lost = [
    ...[...confirmedActions].filter((t) => !saved.has(t)),
    ...[...confirmedAliases].filter((t) => aliases[t] !== 'road-safety'),
  ];
  await connector.close();
  folder.remove();
  return {
    attempted,
    confirmed: confirmedActions.size + confirmedAliases.size,
    kills,
    lost,
    storeLoaded,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
