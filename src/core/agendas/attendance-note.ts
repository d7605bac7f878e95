/**
 * Who was expected at a meeting (held a role) but never answered its agenda, as the attendance
 * record keeps them: in the meeting's note, one sentence that answers about attendance quote.
 */
import type { Meeting } from '../model.js';

const PREFIX = 'Did not answer the agenda: ';

export function notAnsweredNote(names: readonly string[]): string | undefined {
  return names.length > 0 ? `${PREFIX}${names.join(', ')}.` : undefined;
}

/** The sentence to add to an answer about the meeting's attendance, or ''. */
export function notAnsweredSentence(meeting: Meeting): string {
  return meeting.note?.startsWith(PREFIX) ? ` ${meeting.note}` : '';
}
