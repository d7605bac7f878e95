/**
 * Builds the running application from a configuration: store, answer service, bot, adapter and
 * HTTP server, each handed what it needs. Used by the entry point and, unchanged, by the
 * end-to-end tests and the benchmark, which start it on a free port with a temporary store.
 */
import type { Logger } from 'pino';
import { AgendaPoster, type PacingOptions } from './bot/agenda-poster.js';
import { BackgroundTasks } from './background-tasks.js';
import { createAdapter } from './bot/create-adapter.js';
import { sendDueDigest } from './bot/digest-scheduler.js';
import { Periodic } from './bot/periodic.js';
import { sendDueReminders } from './bot/reminder-scheduler.js';
import { createMessageEndpoint } from './bot/message-endpoint.js';
import { PartnershipBot } from './bot/partnership-bot.js';
import { MinutesFileImports } from './bot/minutes-file-actions.js';
import type { Config } from './config.js';
import { AnswerService } from './core/answers/answer-service.js';
import { KnowledgeWarmer } from './core/answers/knowledge-warmer.js';
import { MeetingIndexes } from './core/answers/meeting-indexes.js';
import type { Action, ConversationRef, Partnership, PartnershipDirectory } from './core/model.js';
import { createServer, listen } from './http/create-server.js';
import { startImportHandoff } from './http/import-handoff.js';
import { runHandedImport } from './core/minutes-import/handed-import.js';
import { loadDefaultStore } from './store/default-store.js';
import { stringify } from 'csv-stringify/sync';
import { checkExportLink, signExportLink, WHOLE_STORE, type ExportKind } from './core/actions/export-link.js';
import { backupDocument, backupText } from './store/backup-file.js';
import { writeDailyBackup } from './store/daily-backups.js';
import { londonDate } from './core/agendas/london-time.js';
import { EXPORT_COLUMNS, exportRows } from './core/actions/export-rows.js';
import type { JWTVerifyGetKey } from 'jose';
import { partnershipPage } from './core/tab/partnership-page.js';
import {
  linkedPartnership,
  memberPartnerships,
  withConfiguredDefault,
} from './core/partnerships/resolve-partnership.js';
import { isPartnershipMember, membersOnly, publishedRecords } from './core/partnerships/membership.js';
import { loadTabAssets } from './http/tab-assets.js';
import { createTabAuth } from './http/tab-auth.js';
import { ActionJournal } from './store/action-journal.js';
import { openStore, type Store } from './store/store.js';

export interface RunningApp {
  url: string;
  store: Store;
  /** Resolves when work that followed replies (card refreshes) has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Azure AD's signing keys for tab SSO tokens; tests pass a local key set. */
  tabKeys?: JWTVerifyGetKey;
  clock?: () => Date;
  host?: string;
  /** How proactive posts are paced and retried (tests shorten the waits). */
  pacing?: PacingOptions;
  /** How often due reminders are looked for (default every minute). */
  reminderIntervalMs?: number;
}

export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const clock = options.clock ?? (() => new Date());
  const store = await openStore({ file: config.dataFile, defaults: loadDefaultStore });
  const journal = await ActionJournal.open(`${config.dataFile}.actions`).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // Deliveries of one activity (Teams retries) or one draft confirmation may arrive together: the
  // first logs the action, the others wait for it and get the same one.
  const logging = new Map<string, Promise<Action>>();
  const addOnce = (pid: string, make: (n: number) => Action, once?: string): Promise<Action> => {
    if (!once) return journal.add(pid, make);
    const key = `${pid}|${once}`;
    const logged = journal.loggedBy(pid, once);
    if (logged) return Promise.resolve(logged);
    const pending = logging.get(key) ?? journal.add(pid, make).finally(() => logging.delete(key));
    logging.set(key, pending);
    return pending;
  };
  const actions = {
    view: (pid: string) => ({
      all: () => journal.all(pid),
      get: (n: number) => journal.get(pid, n),
      loggedBy: (id: string) => journal.loggedBy(pid, id),
    }),
    add: (pid: string, make: (n: number) => Action, once?: string) => addOnce(pid, make, once),
    save: (pid: string, n: number, next: (a: Action) => Action | null) => journal.save(next, pid, n),
    exportLink: (pid: string) => {
      const expires = new Date(clock().getTime() + config.exportLinkMinutes * 60_000);
      return {
        url: `${publicBaseUrl()}${signExportLink(config.exportSigningKey, pid, expires)}`,
        minutes: config.exportLinkMinutes,
      };
    },
  };
  let baseUrl = '';
  const publicBaseUrl = (): string => config.publicBaseUrl ?? baseUrl;
  const backupLink = () => {
    const expires = new Date(clock().getTime() + config.exportLinkMinutes * 60_000);
    return {
      url: `${publicBaseUrl()}${signExportLink(config.exportSigningKey, WHOLE_STORE, expires, 'backup')}`,
      minutes: config.exportLinkMinutes,
    };
  };
  const exportFile = (kind: ExportKind, query: Record<string, unknown>) => {
    const check = checkExportLink(config.exportSigningKey, query, clock(), kind);
    if (!check.ok) return { status: check.status, body: check.reason, contentType: 'text/plain; charset=utf-8' };
    if (kind === 'backup') {
      const data = store.data();
      const all = Object.keys(data.partnerships).flatMap((id) => journal.all(id));
      return { status: 200, body: backupText(data, all, clock()), contentType: 'application/json; charset=utf-8' };
    }
    // A byte-order mark so that Excel reads the UTF-8 (names, en dashes) correctly.
    // escape_formulas: a description or name beginning = + - @ (or tab, CR) is text in Excel, never a formula.
    const csv = stringify(
      [EXPORT_COLUMNS, ...exportRows(journal.all(check.partnershipId), store.partnership(check.partnershipId))],
      { escape_formulas: true },
    );
    return { status: 200, body: `\uFEFF${csv}`, contentType: 'text/csv; charset=utf-8' };
  };
  if (config.defaultPartnershipId && !store.partnership(config.defaultPartnershipId)) {
    throw new Error(
      `DEFAULT_PARTNERSHIP_ID "${config.defaultPartnershipId}" is not a partnership in ${config.dataFile}`,
    );
  }
  const partnerships = {
    partnership: (id?: string) => store.partnership(id ?? config.defaultPartnershipId),
    revision: (partnershipId: string) => store.revision(partnershipId),
  };
  const meetingIndexes = new MeetingIndexes();
  const answers = new AnswerService(partnerships, clock, meetingIndexes);
  const published = new Map<string, { revision: number; records: Partnership }>();
  const publishedAnswers = new AnswerService(
    {
      partnership: (id?: string) => {
        const full = partnerships.partnership(id);
        if (!full) return undefined;
        const revision = store.revision(full.id);
        const cached = published.get(full.id);
        if (cached?.revision === revision) return cached.records;
        const records = publishedRecords(full);
        published.set(full.id, { revision, records });
        return records;
      },
      revision: partnerships.revision,
    },
    clock,
    meetingIndexes,
  );
  const warmer = new KnowledgeWarmer([answers, publishedAnswers], (error) =>
    logger.warn({ err: error }, 'building a knowledge base ahead failed'),
  );
  const records = {
    partnership: partnerships.partnership,
    update: (partnershipId: string, change: (p: Partnership) => void) =>
      store.update(
        (data) => {
          const target = data.partnerships[partnershipId];
          if (target) change(target);
        },
        [partnershipId],
      ),
    directory: () => withConfiguredDefault(store.data(), config.defaultPartnershipId),
    updateDirectory: (change: (d: PartnershipDirectory) => void, touches?: () => readonly string[]) =>
      store.update((data) => change(data), touches),
    partnershipIds: () => Object.keys(store.data().partnerships),
    knowsConversation: (id: string) => store.data().conversations.some((c) => c.conversationId === id),
    rememberConversation: (ref: ConversationRef) =>
      store.update((data) => {
        data.conversations = [...data.conversations.filter((c) => c.conversationId !== ref.conversationId), ref];
      }, []),
  };
  const adapter = createAdapter(config.botAuth, logger);
  const poster = new AgendaPoster(adapter, config.botAuth.MicrosoftAppId, records, logger, options.pacing);
  const background = new BackgroundTasks(logger);
  const bot = new PartnershipBot({
    answers,
    publishedAnswers,
    actions,
    records,
    poster,
    backupLink,
    background: (description, task) => background.run(description, task),
    minutesFiles: new MinutesFileImports({
      records,
      limits: { maxBytes: config.minutesFiles.maxBytes, timeoutMs: config.minutesFiles.downloadTimeoutMs },
      clock,
      logger,
    }),
    admins: config.admins,
    logger,
    clock,
  });
  const tabAuth = createTabAuth({
    localMode: config.localMode,
    audiences: [
      config.tabSsoAppId,
      ...(config.publicBaseUrl ? [`api://${new URL(config.publicBaseUrl).host}/${config.tabSsoAppId}`] : []),
    ],
    tenants: config.allowedTenants,
    ...(options.tabKeys ? { keys: options.tabKeys } : {}),
  });
  // A tab's token names the member by Azure AD object id; roles granted by @mention hold their Teams id, learnt beside it from their messages.
  const tabActor = (directory: PartnershipDirectory, oid: string) => {
    const teamsId = directory.memberships[oid]?.teamsUserId;
    return { id: oid, ids: teamsId ? [oid, teamsId] : [oid], name: '', isAdmin: config.admins.includes(oid) };
  };
  const tab = {
    assets: await loadTabAssets(),
    auth: tabAuth,
    page: (where: { channel?: string; team?: string; userId?: string }) => {
      const directory = store.data();
      const linked = linkedPartnership(directory, {
        userIds: [],
        ...(where.channel ? { conversationId: where.channel } : {}),
        ...(where.team ? { teamId: where.team } : {}),
      });
      const partnership = linked?.partnership ?? partnerships.partnership();
      if (!partnership) return {};
      // The same rule as in chat: the tracker for members; what the partnership publishes for anyone signed in from an allowed tenant.
      if (
        config.localMode ||
        (where.userId !== undefined && isPartnershipMember(directory, partnership, tabActor(directory, where.userId)))
      ) {
        return {
          ...partnershipPage(partnership, journal.all(partnership.id), clock()),
          exportUrl: actions.exportLink(partnership.id).url,
          localMode: config.localMode,
        };
      }
      return {
        ...partnershipPage(publishedRecords(partnership), [], clock()),
        exportUrl: '',
        localMode: false,
        membersOnly: membersOnly(partnership).summary,
      };
    },
  };
  const server = createServer({
    tab,
    handleActivity: createMessageEndpoint(adapter, bot, { allowedTenants: config.allowedTenants, logger }),
    health: () => {
      // Anyone can reach /healthz: where the store lives on disk is not theirs to know.
      const { file: _file, ...status } = store.status();
      return { mode: config.localMode ? 'local' : 'authenticated', store: status };
    },
    exportFile,
    logger,
  });
  const scheduled = {
    records,
    poster,
    clock,
    logger,
    actions,
    personalConversations: () => store.data().conversations.filter((c) => c.userId),
  };
  const dailyBackup = async () => {
    const written = await writeDailyBackup({
      dataFile: config.dataFile,
      today: londonDate(clock()),
      keep: config.backupDays,
      document: () => {
        const data = store.data();
        return backupDocument(
          data,
          Object.keys(data.partnerships).flatMap((id) => journal.all(id)),
          clock(),
        );
      },
    });
    if (written) logger.info({ file: written }, 'daily backup written');
  };
  // A backup that cannot be written (a full disk) must not keep the bot from serving.
  await dailyBackup().catch((error: unknown) => logger.error({ err: error }, 'daily backup failed'));
  const reminders = new Periodic(
    async () => {
      await dailyBackup();
      await sendDueReminders(scheduled, config.reminderHours);
      if (config.digest) await sendDueDigest(scheduled, config.digest);
    },
    options.reminderIntervalMs ?? 60_000,
    logger,
  );
  const url = await listen(server, config.port, options.host ?? config.host);
  baseUrl = url;
  const handoff = await startImportHandoff(
    config.dataFile,
    (request) => {
      const partnershipId = request.partnershipId ?? config.defaultPartnershipId ?? store.data().defaultPartnershipId;
      return runHandedImport({
        files: request.files,
        partnershipId,
        partnership: store.partnership(partnershipId),
        now: clock(),
        update: records.update,
      });
    },
    logger,
  );
  reminders.start();
  // Each partnership's knowledge base is built now in the background, the default one first, and
  // again after each change to it is saved, so that no question waits for one (see knowledge-warmer.ts).
  const { defaultPartnershipId } = store.data();
  warmer.warm([config.defaultPartnershipId ?? defaultPartnershipId, ...Object.keys(store.data().partnerships)]);
  store.onSaved((ids) => warmer.warm(ids));
  return {
    url,
    store,
    idle: async () => {
      await reminders.tick();
      await warmer.idle();
      await background.idle();
    },
    close: async () => {
      await handoff.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await reminders.stop();
      await background.idle();
      await warmer.stop();
      await journal.close();
      await store.close();
    },
  };
}
