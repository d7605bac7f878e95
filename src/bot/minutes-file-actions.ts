/**
 * Minutes files sent to the bot in a personal chat: the chair, the secretariat or an admin sends
 * PDF, Word, saved web pages or text; each is downloaded (size cap, timeout), read to text,
 * parsed by the minutes importer and shown on a preview card with Import / Cancel. Import saves
 * through the running store's `records.update` (no lock, no restart), logged and undoable, once
 * however often it is pressed. Nothing is saved before Import; a file that cannot be read is
 * named with the reason.
 */
import type { AdaptiveCardInvokeResponse, Attachment, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { makeAnswer, type Answer } from '../core/answers/answer.js';
import { importAnswer, importSubject, minutesImportChange } from '../core/minutes-import/import-change.js';
import { planMinutesImport } from '../core/minutes-import/import-plan.js';
import { previewFile, type PreviewFile } from '../core/minutes-import/import-preview.js';
import { MinutesFormatError, parseMinutesDocument } from '../core/minutes/index.js';
import type { Partnership } from '../core/model.js';
import { may, whoMay, type Actor } from '../core/roles/permissions.js';
import { extractMinutesText, MinutesFileRefusal } from '../minutes-files/extract-text.js';
import { renderAnswerCard } from '../views/answer-card.js';
import { renderMinutesPreviewCard } from '../views/minutes-preview-card.js';
import { answerActivity, cardActivity } from './card-activity.js';
import { downloadFile, DownloadError, type DownloadLimits } from './file-download.js';
import type { PartnershipRecords } from './partnership-bot.js';
import { PendingImports, type PendingImport } from './pending-imports.js';
import { reportTurn } from './turn-report.js';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const IMPORT_VERB = 'minutesImport.import';
const CANCEL_VERB = 'minutesImport.cancel';
const MAX_FILES = 10;
const PREVIEW_MINUTES = 30;
const FORMAT_NAMES = { pdf: 'PDF', docx: 'Word', html: 'web page', text: 'text' } as const;

interface FileAttachment {
  name: string;
  downloadUrl: string;
}

export function isMinutesImportVerb(verb: unknown): verb is string {
  return verb === IMPORT_VERB || verb === CANCEL_VERB;
}

/** The files in a message; a name without an extension takes the `fileType` Teams gives. */
function fileAttachments(attachments: readonly Attachment[] | undefined): FileAttachment[] {
  return (attachments ?? []).flatMap((a) => {
    const content = a.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    if (a.contentType !== FILE_DOWNLOAD_INFO || typeof content?.downloadUrl !== 'string') return [];
    const name = (a.name ?? '').trim() || 'file';
    const type =
      typeof content.fileType === 'string' && /^[a-z0-9]{1,10}$/i.test(content.fileType) ? content.fileType : '';
    return [{ name: name.includes('.') || type === '' ? name : `${name}.${type}`, downloadUrl: content.downloadUrl }];
  });
}

function invokeCard(card: object): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as Record<string, unknown> };
}

export interface MinutesFileOptions {
  records: PartnershipRecords;
  limits: DownloadLimits;
  clock: () => Date;
  logger: Logger;
}

export class MinutesFileImports {
  private readonly pending: PendingImports;

  constructor(private readonly options: MinutesFileOptions) {
    this.pending = new PendingImports(PREVIEW_MINUTES * 60_000, options.clock);
  }

  /** Partnerships the member may import minutes into. */
  private allowedPartnerships(actor: Actor): Partnership[] {
    return Object.values(this.options.records.directory().partnerships).filter((p) =>
      may(p, actor, 'record-resolutions'),
    );
  }

  /** Who may import, for a member who may not: the chair and secretariat of the partnerships they belong to. */
  private refusal(actor: Actor): Answer {
    const directory = this.options.records.directory();
    const theirs = Object.values(directory.partnerships).filter(
      (p) =>
        p.roles.some((r) => actor.ids.includes(r.userId)) || directory.memberships[actor.id]?.seenIn.includes(p.id),
    );
    const holders = (
      theirs.length > 0
        ? theirs
        : [directory.partnerships[directory.defaultPartnershipId]].filter((p): p is Partnership => p !== undefined)
    ).flatMap((p) =>
      p.roles
        .filter((r) => r.role === 'chair' || r.role === 'secretariat')
        .map((r) => `${r.name} (${r.role} of the ${p.shortName})`),
    );
    const ask = holders.length > 0 ? ` Send the minutes to ${holders.join(', ')}.` : ' Ask an admin of the bot.';
    return makeAnswer(
      'refused',
      'Only the chair or the secretariat',
      `Sorry, ${actor.name}: only ${whoMay('record-resolutions')} of a partnership, or an admin, can import minutes. Nothing was imported.${ask}`,
    );
  }

  /** Answers a message carrying files; false when it carries none (the message is then a question or command). */
  async answerFiles(context: TurnContext, actor: Actor): Promise<boolean> {
    const files = fileAttachments(context.activity.attachments);
    if (files.length === 0) return false;
    const allowed = this.allowedPartnerships(actor);
    if (allowed.length === 0) {
      reportTurn(context, { command: 'minutes-files', outcome: 'refused' });
      await context.sendActivity(answerActivity(this.refusal(actor)));
      return true;
    }
    if (files.length > MAX_FILES) {
      reportTurn(context, { command: 'minutes-files', outcome: 'invalid' });
      await context.sendActivity(
        answerActivity(
          makeAnswer(
            'invalid',
            'Too many files',
            `Send at most ${MAX_FILES} minutes files at a time. Nothing was imported.`,
          ),
        ),
      );
      return true;
    }
    // Downloading and reading may take seconds: Teams shows that the bot is at it.
    await context.sendActivity({ type: 'typing' });
    const read: PreviewFile[] = [];
    const notRead: { file: string; reason: string }[] = [];
    for (const file of files) {
      try {
        read.push(await this.readFile(file));
      } catch (error) {
        if (!(
          error instanceof DownloadError ||
          error instanceof MinutesFileRefusal ||
          error instanceof MinutesFormatError
        ))
          throw error;
        const reason =
          error instanceof MinutesFormatError
            ? `these do not look like minutes: ${error.problem} (line ${error.line})`
            : error instanceof MinutesFileRefusal
              ? error.reason
              : error.message;
        notRead.push({ file: file.name, reason });
      }
    }
    if (read.length === 0) {
      reportTurn(context, { command: 'minutes-files', outcome: 'invalid' });
      const answer = makeAnswer(
        'invalid',
        'Nothing to import',
        `I could not read ${files.length === 1 ? 'that file' : 'any of those files'} as minutes, so nothing was imported.`,
        {
          entries: notRead.map((n) => ({ heading: n.file, text: n.reason })),
        },
      );
      await context.sendActivity(answerActivity(answer));
      return true;
    }
    const entry = this.pending.add(
      actor.id,
      read,
      this.orderChoices(allowed, context).map((p) => p.id),
    );
    reportTurn(context, { command: 'minutes-files', outcome: 'preview' });
    await context.sendActivity(
      cardActivity(
        this.previewCard(entry, notRead),
        `Minutes to import: ${read.map((f) => f.document.file).join(', ')}. Nothing is saved until you press Import.`,
      ),
    );
    return true;
  }

  private async readFile(file: FileAttachment): Promise<PreviewFile> {
    const bytes = await downloadFile(file.downloadUrl, this.options.limits);
    const extracted = await extractMinutesText(bytes, file.name);
    const document = parseMinutesDocument(extracted.text, file.name);
    const format =
      extracted.kind === 'pdf'
        ? `PDF, ${extracted.pages} page${extracted.pages === 1 ? '' : 's'}`
        : FORMAT_NAMES[extracted.kind];
    return { document, format, warnings: [] };
  }

  /** The member's own partnership (the one they chose, or hold a role in) first. */
  private orderChoices(allowed: Partnership[], context: TurnContext): Partnership[] {
    const directory = this.options.records.directory();
    const ids = [context.activity.from?.aadObjectId, context.activity.from?.id].filter((id): id is string =>
      Boolean(id),
    );
    const chosen = ids.map((id) => directory.memberships[id]?.chosen).find(Boolean);
    const withRole = allowed.filter((p) => p.roles.some((r) => ids.includes(r.userId)));
    const first =
      allowed.find((p) => p.id === chosen) ??
      withRole[0] ??
      allowed.find((p) => p.id === directory.defaultPartnershipId) ??
      allowed[0];
    return first ? [first, ...allowed.filter((p) => p !== first)] : allowed;
  }

  private previewCard(entry: PendingImport, notRead: { file: string; reason: string }[]): object {
    const directory = this.options.records.directory();
    const proposed = directory.partnerships[entry.partnershipIds[0] ?? ''];
    const plan = proposed
      ? planMinutesImport(
          proposed,
          entry.files.map((f) => f.document),
        )
      : undefined;
    return renderMinutesPreviewCard({
      importId: entry.id,
      files: entry.files.map((f, i) => previewFile(f, plan?.reports[i], plan?.newDrafts ?? [])),
      notRead,
      choices: entry.partnershipIds.flatMap((id) => {
        const p = directory.partnerships[id];
        return p ? [{ id, name: `${p.name} (${p.shortName})` }] : [];
      }),
      expiresInMinutes: this.pending.minutes,
    });
  }

  /** Import or Cancel pressed on a preview card. */
  async answerInvoke(
    context: TurnContext,
    verb: string,
    data: unknown,
    actor: Actor,
  ): Promise<AdaptiveCardInvokeResponse> {
    reportTurn(context, { command: verb });
    const values = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const importId = typeof values['importId'] === 'string' ? values['importId'] : '';
    const entry = this.pending.get(importId);
    const card = (answer: Answer) => invokeCard(renderAnswerCard(answer));
    if (!entry) {
      const saved = this.importedAs(importId);
      if (saved) return card(saved);
      return card(
        makeAnswer(
          'invalid',
          'Preview expired',
          `This preview is no longer kept (previews last ${this.pending.minutes} minutes, and end when the bot restarts), so nothing was imported. Send the file again for a new preview.`,
        ),
      );
    }
    if (entry.userId !== actor.id)
      return card(
        makeAnswer(
          'refused',
          'Not your preview',
          `Sorry, ${actor.name}: only the member who sent these files can import them. Nothing changed.`,
        ),
      );
    if (verb === CANCEL_VERB) {
      if (entry.state.kind === 'importing' || entry.state.kind === 'done')
        return card(
          makeAnswer(
            'invalid',
            'Already imported',
            'These minutes were already imported; say "undo" to take them back.',
          ),
        );
      entry.state = { kind: 'cancelled' };
      return card(makeAnswer('history', 'Cancelled', 'Cancelled: nothing was imported.'));
    }
    switch (entry.state.kind) {
      case 'cancelled':
        return card(
          makeAnswer(
            'invalid',
            'Cancelled',
            'This import was cancelled, so nothing was imported. Send the file again for a new preview.',
          ),
        );
      case 'done':
        return card(entry.state.answer);
      case 'importing':
        return card(await entry.state.done);
      case 'waiting': {
        const done = this.save(entry, values['partnershipId'], actor);
        entry.state = { kind: 'importing', done };
        try {
          const answer = await done;
          // A refusal or a failed write leaves the preview to be pressed again.
          entry.state = answer.kind === 'history' ? { kind: 'done', answer } : { kind: 'waiting' };
          return card(answer);
        } catch (error) {
          entry.state = { kind: 'waiting' };
          this.options.logger.error({ err: error }, 'minutes import not saved');
          return card(
            makeAnswer(
              'invalid',
              'Not saved',
              'The minutes could not be saved, so nothing was imported. Press Import again in a moment.',
            ),
          );
        }
      }
    }
  }

  private async save(entry: PendingImport, chosen: unknown, actor: Actor): Promise<Answer> {
    const partnershipId = typeof chosen === 'string' && chosen !== '' ? chosen : entry.partnershipIds[0];
    const partnership = partnershipId ? this.options.records.partnership(partnershipId) : undefined;
    if (
      !partnership ||
      !entry.partnershipIds.includes(partnership.id) ||
      !may(partnership, actor, 'record-resolutions')
    ) {
      return makeAnswer(
        'refused',
        'Not allowed',
        `Sorry, ${actor.name}: you may not import minutes into that partnership. Nothing changed.`,
      );
    }
    const { change, result } = minutesImportChange({
      importId: entry.id,
      documents: entry.files.map((f) => f.document),
      by: { id: actor.id, name: actor.name },
      now: this.options.clock(),
    });
    await this.options.records.update(partnership.id, change);
    return importAnswer(partnership, result());
  }

  /** After a restart: an import already in a change log is answered as such, not as expired. */
  private importedAs(importId: string): Answer | undefined {
    if (importId === '') return undefined;
    const subject = importSubject(importId);
    const partnership = Object.values(this.options.records.directory().partnerships).find((p) =>
      (p.changes ?? []).some((c) => c.subject === subject),
    );
    const entry = partnership?.changes?.find((c) => c.subject === subject);
    return partnership && entry ? importAnswer(partnership, { status: 'already-imported', entry }) : undefined;
  }
}
