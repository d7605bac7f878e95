/**
 * Minutes files sent to the bot in a personal chat: the chair, the secretariat or an admin sends
 * PDF, Word, saved web pages or text; each is downloaded (size cap, timeout), read to text, parsed
 * by the minutes importer and shown on a preview card with Import / Cancel (see
 * minutes-file-import.ts). Nothing is saved before Import; a file that cannot be read is named
 * with the reason.
 */
import { makeAnswer, type Answer } from '../core/answers/answer.js';
import { planMinutesImport } from '../core/minutes-import/import-plan.js';
import { buildInSlices, nextTurnPause } from '../core/answers/build-in-slices.js';
import { primeStoredItems } from '../core/minutes/prime-stored-items.js';
import { previewFile, type PreviewFile } from '../core/minutes-import/import-preview.js';
import { MinutesFormatError, parseMinutesDocument } from '../core/minutes/index.js';
import type { Partnership, PartnershipDirectory } from '../core/model/model.js';
import { may, whoMay, type Actor } from '../core/model/permissions.js';
import { extractMinutesText, MinutesFileRefusal } from '../minutes-files/extract-text.js';
import { DownloadError } from '../minutes-files/file-download.js';
import { renderMinutesPreviewCard } from '../views/minutes-preview-card.js';
import type { PendingImport, PendingImports } from './pending-imports.js';
import type { FileDownload } from './ports.js';
import { answered, carded, type SentFile, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

const MAX_FILES = 10;
const FORMAT_NAMES = { pdf: 'PDF', docx: 'Word', html: 'web page', text: 'text' } as const;
const COMMAND = 'minutes-files';

/** Partnerships the member may import minutes into. */
function allowedPartnerships(directory: PartnershipDirectory, actor: Actor): Partnership[] {
  return Object.values(directory.partnerships).filter((p) => may(p, actor, 'record-resolutions'));
}

/** Who may import, for a member who may not: the chair and secretariat of the partnerships they belong to. */
function refusal(directory: PartnershipDirectory, actor: Actor): Answer {
  const theirs = Object.values(directory.partnerships).filter(
    (p) => p.roles.some((r) => actor.ids.includes(r.userId)) || directory.memberships[actor.id]?.seenIn.includes(p.id),
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

async function readFile(file: SentFile, download: FileDownload): Promise<PreviewFile> {
  const extracted = await extractMinutesText(await download(file.downloadUrl), file.name);
  const parsed = parseMinutesDocument(extracted.text, file.name);
  const document = extracted.url ? { ...parsed, publishedAt: extracted.url } : parsed;
  const format =
    extracted.kind === 'pdf'
      ? `PDF, ${extracted.pages} page${extracted.pages === 1 ? '' : 's'}`
      : FORMAT_NAMES[extracted.kind];
  return { document, format, warnings: [] };
}

/** Why a file could not be read, for the member; anything else is the bot's own fault and is thrown. */
function notReadReason(error: unknown): string {
  if (error instanceof MinutesFormatError)
    return `these do not look like minutes: ${error.problem} (line ${error.line})`;
  if (error instanceof MinutesFileRefusal) return error.reason;
  if (error instanceof DownloadError) return error.message;
  throw error;
}

/** The member's own partnership (the one they chose, or hold a role in) first. */
function orderChoices(directory: PartnershipDirectory, allowed: Partnership[], actor: Actor): Partnership[] {
  const chosen = actor.ids.map((id) => directory.memberships[id]?.chosen).find(Boolean);
  const withRole = allowed.filter((p) => p.roles.some((r) => actor.ids.includes(r.userId)));
  const first =
    allowed.find((p) => p.id === chosen) ??
    withRole[0] ??
    allowed.find((p) => p.id === directory.defaultPartnershipId) ??
    allowed[0];
  return first ? [first, ...allowed.filter((p) => p !== first)] : allowed;
}

function previewCard(
  directory: PartnershipDirectory,
  entry: PendingImport,
  notRead: { file: string; reason: string }[],
  minutes: number,
): object {
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
    expiresInMinutes: minutes,
  });
}

/** Answers a message carrying files with a preview, or says why there is none. */
export async function previewMinutesFiles(
  turn: Turn,
  services: TurnServices,
  pending: PendingImports,
  download: FileDownload,
): Promise<TurnOutcome> {
  const { files } = turn;
  const { actor } = turn.input;
  const directory = services.records.directory();
  const allowed = allowedPartnerships(directory, actor);
  if (allowed.length === 0) return answered(COMMAND, refusal(directory, actor));
  if (files.length > MAX_FILES)
    return answered(
      COMMAND,
      makeAnswer(
        'invalid',
        'Too many files',
        `Send at most ${MAX_FILES} minutes files at a time. Nothing was imported.`,
      ),
    );
  // Downloading and reading may take seconds: Teams shows that the bot is at it.
  await turn.working?.();
  const read: PreviewFile[] = [];
  const notRead: { file: string; reason: string }[] = [];
  for (const file of files) {
    try {
      read.push(await readFile(file, download));
    } catch (error) {
      notRead.push({ file: file.name, reason: notReadReason(error) });
    }
  }
  if (read.length === 0)
    return answered(
      COMMAND,
      makeAnswer(
        'invalid',
        'Nothing to import',
        `I could not read ${files.length === 1 ? 'that file' : 'any of those files'} as minutes, so nothing was imported.`,
        { entries: notRead.map((n) => ({ heading: n.file, text: n.reason })) },
      ),
    );
  const choices = orderChoices(directory, allowed, actor).map((p) => p.id);
  const entry = pending.add(actor.id, read, choices);
  const proposed = directory.partnerships[choices[0] ?? ''];
  // The preview plans against every stored meeting: what it reads of them is made between turns.
  if (proposed) await buildInSlices(primeStoredItems(proposed.meetings), nextTurnPause);
  return carded(
    COMMAND,
    previewCard(directory, entry, notRead, pending.minutes),
    `Minutes to import: ${read.map((f) => f.document.file).join(', ')}. Nothing is saved until you press Import.`,
    'preview',
  );
}
