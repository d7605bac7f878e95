/**
 * Saving what a command changes. A command is read once against the records the turn saw, for a
 * quick answer when it changes nothing (a question, a refusal, bad input). When it does change
 * something it is read again inside the store's one-at-a-time write, against the records as they
 * are then, and that reading's change is applied: two members adding co-leads, priorities or roles
 * at the same moment therefore never lose one another's update, and the reply describes what
 * was actually saved.
 */
import { makeAnswer, type Answer } from '../core/answers/answer.js';
import type { CommandInput, CommandOutcome } from '../core/commands/command.js';
import type { PartnershipDirectory } from '../core/model/model.js';
import type { PartnershipRecords } from './ports.js';

/** Reads the command in a message against a directory (and the turn's partnership in it). */
export type CommandReader = (directory: PartnershipDirectory, input: CommandInput) => CommandOutcome | null;

function changes(outcome: CommandOutcome): boolean {
  return Boolean(outcome.change || outcome.directoryChange || outcome.removesPartnership);
}

/** Removes a partnership whose creation is undone, and every member's note of it. */
function removePartnership(directory: PartnershipDirectory, id: string): void {
  delete directory.partnerships[id];
  for (const member of Object.values(directory.memberships)) {
    member.seenIn = member.seenIn.filter((p) => p !== id);
    if (member.chosen === id) delete member.chosen;
  }
}

/**
 * Saves the change of `first` (read from the turn's snapshot) durably and returns the outcome as
 * saved. `actionsHeld` guards undoing a partnership's creation: its actions live outside its records.
 */
export async function saveCommand(
  records: PartnershipRecords,
  input: CommandInput,
  read: CommandReader,
  first: CommandOutcome,
  actionsHeld: (partnershipId: string) => number,
): Promise<{ outcome: CommandOutcome; answer: Answer }> {
  if (!changes(first)) return { outcome: first, answer: first.answer };
  if (first.removesPartnership && actionsHeld(first.removesPartnership) > 0) {
    return {
      outcome: { answer: first.answer },
      answer: makeAnswer(
        'invalid',
        'Nothing changed',
        'That partnership already has actions logged, so its creation cannot be undone.',
      ),
    };
  }
  let saved = first;
  const touched = new Set<string>();
  await records.updateDirectory(
    (directory) => {
      saved = read(directory, { ...input, directory }) ?? first;
      if (saved.removesPartnership) removePartnership(directory, saved.removesPartnership);
      saved.directoryChange?.(directory);
      const target = saved.partnershipId ? directory.partnerships[saved.partnershipId] : undefined;
      if (saved.change && target) {
        saved.change(target);
        touched.add(target.id);
      }
      if (saved.directoryChange || saved.removesPartnership)
        Object.keys(directory.partnerships).forEach((id) => touched.add(id));
    },
    () => [...touched],
  );
  return { outcome: saved, answer: saved.answer };
}
