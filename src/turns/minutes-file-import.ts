/**
 * Import or Cancel pressed on a minutes preview card (see minutes-file-preview.ts). Import saves
 * through the running store's `records.update` (no lock, no restart), logged and undoable, once
 * however often it is pressed.
 */
import { makeAnswer, type Answer } from '../core/answers/answer.js';
import { importAnswer, importSubject, minutesImportChange } from '../core/minutes-import/import-change.js';
import { buildInSlices, nextTurnPause } from '../core/answers/build-in-slices.js';
import { primeStoredItems } from '../core/minutes/prime-stored-items.js';
import { may, type Actor } from '../core/model/permissions.js';
import { renderAnswerCard } from '../views/answer-card.js';
import type { PendingImport, PendingImports } from './pending-imports.js';
import type { PartnershipRecords } from './ports.js';
import { carded, type CardPress, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

async function save(
  records: PartnershipRecords,
  entry: PendingImport,
  chosen: unknown,
  actor: Actor,
  now: Date,
): Promise<Answer> {
  const partnershipId = typeof chosen === 'string' && chosen !== '' ? chosen : entry.partnershipIds[0];
  const partnership = partnershipId ? records.partnership(partnershipId) : undefined;
  if (!partnership || !entry.partnershipIds.includes(partnership.id) || !may(partnership, actor, 'record-resolutions'))
    return makeAnswer(
      'refused',
      'Not allowed',
      `Sorry, ${actor.name}: you may not import minutes into that partnership. Nothing changed.`,
    );
  const { change, result } = minutesImportChange({
    importId: entry.id,
    documents: entry.files.map((f) => f.document),
    by: { id: actor.id, name: actor.name },
    now,
  });
  // The save merges against every stored meeting inside the store's write: what it reads of
  // them is made first, between turns.
  await buildInSlices(primeStoredItems(partnership.meetings), nextTurnPause);
  await records.update(partnership.id, change);
  return importAnswer(partnership, result());
}

/** After a restart: an import already in a change log is answered as such, not as expired. */
function importedAs(records: PartnershipRecords, importId: string): Answer | undefined {
  if (importId === '') return undefined;
  const subject = importSubject(importId);
  const partnership = Object.values(records.directory().partnerships).find((p) =>
    (p.changes ?? []).some((c) => c.subject === subject),
  );
  const entry = partnership?.changes?.find((c) => c.subject === subject);
  return partnership && entry ? importAnswer(partnership, { status: 'already-imported', entry }) : undefined;
}

async function importOrCancel(
  press: CardPress,
  turn: Turn,
  services: TurnServices,
  pending: PendingImports,
): Promise<Answer> {
  const { actor } = turn.input;
  const importId = typeof press.data['importId'] === 'string' ? press.data['importId'] : '';
  const entry = pending.get(importId);
  if (!entry)
    return (
      importedAs(services.records, importId) ??
      makeAnswer(
        'invalid',
        'Preview expired',
        `This preview is no longer kept (previews last ${pending.minutes} minutes, and end when the bot restarts), so nothing was imported. Send the file again for a new preview.`,
      )
    );
  if (entry.userId !== actor.id)
    return makeAnswer(
      'refused',
      'Not your preview',
      `Sorry, ${actor.name}: only the member who sent these files can import them. Nothing changed.`,
    );
  if (press.verb === 'minutesImport.cancel') {
    if (entry.state.kind === 'importing' || entry.state.kind === 'done')
      return makeAnswer(
        'invalid',
        'Already imported',
        'These minutes were already imported; say "undo" to take them back.',
      );
    entry.state = { kind: 'cancelled' };
    return makeAnswer('history', 'Cancelled', 'Cancelled: nothing was imported.');
  }
  switch (entry.state.kind) {
    case 'cancelled':
      return makeAnswer(
        'invalid',
        'Cancelled',
        'This import was cancelled, so nothing was imported. Send the file again for a new preview.',
      );
    case 'done':
      return entry.state.answer;
    case 'importing':
      return entry.state.done;
    case 'waiting': {
      const done = save(services.records, entry, press.data['partnershipId'], actor, turn.input.now);
      entry.state = { kind: 'importing', done };
      try {
        const answer = await done;
        // A refusal or a failed write leaves the preview to be pressed again.
        entry.state = answer.kind === 'history' ? { kind: 'done', answer } : { kind: 'waiting' };
        return answer;
      } catch (error) {
        entry.state = { kind: 'waiting' };
        services.logger.error({ err: error }, 'minutes import not saved');
        return makeAnswer(
          'invalid',
          'Not saved',
          'The minutes could not be saved, so nothing was imported. Press Import again in a moment.',
        );
      }
    }
  }
}

/** Answers Import or Cancel with the card that replaces the preview. */
export async function pressImportButton(
  press: CardPress,
  turn: Turn,
  services: TurnServices,
  pending: PendingImports,
): Promise<TurnOutcome> {
  const answer = await importOrCancel(press, turn, services, pending);
  return carded(press.verb, renderAnswerCard(answer), answer.summary, answer.kind);
}
