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
import { downloadFile } from './minutes-files/file-download.js';
import { PersonalReminders } from './turns/personal-reminders.js';
import type { Config } from './config.js';
import { answerQuestion } from './core/answers/answer-question.js';
import { AnswerService } from './core/answers/answer-service.js';
import { KnowledgeWarmer } from './core/answers/knowledge-warmer.js';
import { primeDateReading } from './core/answers/meeting-reference.js';
import { MeetingIndexes } from './core/answers/meeting-indexes.js';
import type { Partnership } from './core/model/model.js';
import { createServer, listen } from './http/create-server.js';
import { RequestsInFlight } from './http/requests-in-flight.js';
import { renderAnswerCard } from './views/answer-card.js';
import { CARD_NAMES, primeCards } from './views/expand-card.js';
import { startImportHandoff } from './http/import-handoff.js';
import { runHandedImport } from './core/minutes-import/handed-import.js';
import { loadDefaultStore } from './store/default-store.js';
import { signExportLink, WHOLE_STORE } from './core/actions/export-link.js';
import { backupDocument } from './store/backup-file.js';
import { writeDailyBackup } from './store/daily-backups.js';
import { londonDate } from './core/text/london-time.js';
import type { JWTVerifyGetKey } from 'jose';
import { publishedRecords } from './core/partnerships/membership.js';
import { loadTabAssets } from './http/tab-assets.js';
import { createTabAuth } from './http/tab-auth.js';
import { ActionJournal } from './store/action-journal.js';
import { openStore, type Store } from './store/store.js';
import { exportFiles } from './store/export-files.js';
import { journalActions } from './store/journal-actions.js';
import { storeRecords } from './store/store-records.js';
import { tabPage, type TabViewer } from './turns/tab-page.js';

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
  const store = await openStore({
    file: config.dataFile,
    defaults: loadDefaultStore,
    // The journal keeps every change meanwhile, but grows until a snapshot succeeds: worth an operator's look.
    onSnapshotFailed: (error) => logger.error({ err: error }, 'writing a snapshot of the store failed'),
  });
  const journal = await ActionJournal.open(`${config.dataFile}.actions`).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  let baseUrl = '';
  const publicBaseUrl = (): string => config.publicBaseUrl ?? baseUrl;
  const signedLink = (pid: string, kind?: 'backup') => {
    const expires = new Date(clock().getTime() + config.exportLinkMinutes * 60_000);
    return {
      url: `${publicBaseUrl()}${signExportLink(config.exportSigningKey, pid, expires, kind)}`,
      minutes: config.exportLinkMinutes,
    };
  };
  const actions = journalActions(journal, (pid: string) => signedLink(pid));
  const backupLink = () => signedLink(WHOLE_STORE, 'backup');
  const exportFile = exportFiles(store, journal, config.exportSigningKey, clock);
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
  const inFlight = new RequestsInFlight();
  const warmer = new KnowledgeWarmer(
    [answers, publishedAnswers],
    (error) => logger.warn({ err: error }, 'building a knowledge base ahead failed'),
    () => inFlight.quiet(),
    (id, pause) => store.readMeetings(id, pause),
  );
  const records = storeRecords(store, config.defaultPartnershipId);
  const adapter = createAdapter(config.botAuth, logger);
  const poster = new AgendaPoster(adapter, config.botAuth.MicrosoftAppId, records, logger, options.pacing);
  const background = new BackgroundTasks(logger);
  // Members' personal chats: overdue actions and agenda reminders reach them there.
  const personalChats = records.personalChats;
  const bot = new PartnershipBot({
    answers,
    publishedAnswers,
    actions,
    records,
    poster,
    backupLink,
    background: (description, task) => background.run(description, task),
    personalReminders: new PersonalReminders({ records, poster, personalChats, logger }),
    download: (url) =>
      downloadFile(url, { maxBytes: config.minutesFiles.maxBytes, timeoutMs: config.minutesFiles.downloadTimeoutMs }),
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
  const tab = {
    assets: await loadTabAssets(),
    auth: tabAuth,
    page: (where: TabViewer) =>
      tabPage({ records, actions, localMode: config.localMode, admins: config.admins, clock }, where),
  };
  const server = createServer({
    tab,
    handleActivity: createMessageEndpoint(adapter, bot, { allowedTenants: config.allowedTenants, logger }),
    health: () => {
      // Anyone can reach /healthz: where the store lives on disk is not theirs to know.
      const { file: _file, ...status } = store.status();
      return {
        mode: config.localMode ? 'local' : 'authenticated',
        store: status,
        // Partnerships whose answers are still being made ready after a start or a change.
        knowledgeBasesBuilding: warmer.building(),
        heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
      };
    },
    exportFile,
    logger,
  });
  inFlight.track(server);
  const scheduled = {
    records,
    poster,
    clock,
    logger,
    actions,
    personalConversations: personalChats,
  };
  const dailyBackup = async () => {
    const written = await writeDailyBackup({
      dataFile: config.dataFile,
      today: londonDate(clock()),
      keep: config.backupDays,
      document: async () => {
        // Each partnership's meetings read in slices first, not all at once when the copy is written.
        for (const id of Object.keys(store.data().partnerships)) await store.readMeetings(id, () => inFlight.quiet());
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
  const reminders = new Periodic(
    async () => {
      // A backup that cannot be written (a damaged meetings file, a full disk) is logged each round
      // and stops nothing else: reminders and digests still go out.
      await dailyBackup().catch((error: unknown) => logger.error({ err: error }, 'daily backup failed'));
      await sendDueReminders(scheduled, config.reminderHours);
      if (config.digest) await sendDueDigest(scheduled, config.digest);
    },
    options.reminderIntervalMs ?? 60_000,
    logger,
  );
  // The default partnership's knowledge base is built before the port opens, so that the first
  // questions find it ready; the others follow in the background (see knowledge-warmer.ts).
  const { defaultPartnershipId } = store.data();
  const firstPartnershipId = config.defaultPartnershipId ?? defaultPartnershipId;
  warmer.warm([firstPartnershipId]);
  await warmer.idle();
  // Compiled now, not on the first answer (a card) or the first date asked about: one answer read
  // and drawn as a card (not kept in the answer cache), and the date parsers questions use.
  try {
    const sample = answers.knowledgeBase(firstPartnershipId);
    if (sample) renderAnswerCard(answerQuestion(sample, 'Who leads road safety?', clock()));
  } catch (error) {
    logger.warn({ err: error }, 'answering a sample question at start failed');
  }
  const datePrimers = primeDateReading();
  // Each partnership a saved change altered is brought up to date, from the first turn on.
  store.onSaved((ids) => warmer.warm(ids));
  const url = await listen(server, config.port, options.host ?? config.host);
  baseUrl = url;
  // Each other partnership's meetings are read and its knowledge base built now in the background,
  // and each again after a change to it is saved, so that no question waits for one.
  warmer.warm(Object.keys(store.data().partnerships));
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
  // The other cards (agendas, actions, forms) and date parsers (agendas' times, actions' due dates),
  // one at a time once members have been quiet for a moment: primed between two messages, a card
  // in the way delayed the first answers by some 60 ms.
  let closing = false;
  void (async () => {
    const cards = CARD_NAMES.filter((name) => name !== 'answer').map((card) => () => primeCards([card]));
    for (const prime of [...cards, ...datePrimers]) {
      await inFlight.quiet(150, 10_000);
      if (closing) return;
      prime();
    }
  })().catch((error: unknown) => logger.warn({ err: error }, 'priming a card or date parser failed'));
  return {
    url,
    store,
    idle: async () => {
      await reminders.tick();
      await warmer.idle();
      await background.idle();
    },
    close: async () => {
      closing = true;
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
