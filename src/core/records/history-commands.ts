/**
 * "history of road safety lead", "history of roles", "recent changes" and "undo": the trail of
 * changes made from chat, and undoing the last one. "How did the priorities change?" is a
 * question about the agreement itself, answered from its recorded refreshes, not here.
 */
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Partnership } from '../model/model.js';
import { priorityNamed } from '../answers/priority-names.js';
import { answerChangeHistory, undoLast } from './record-change.js';
import { singleSpaced } from '../text/normalise.js';

const HISTORY = /^(?:show (?:me )?(?:the )?)?(?:history|changes|change log) (?:of|to|for) (?:the )?(.+?) ?\??$/i;
const ALL =
  /^(?:show (?:me )?(?:the )?)?(?:recent changes|change log|all changes|history of (?:all )?changes|changes made in teams) ?\??$/i;
const UNDO = /^undo(?: (?:the |my )?last change)? ?\.?$/i;

/** "undo", "undo my last change". */
export function asksToUndo(text: string): boolean {
  return UNDO.test(text.trim());
}

/** The change subjects a "history of ..." asks about, or null when it is a question about something else. */
function subjectsAsked(partnership: Partnership, about: string): string[] | null {
  const priority = priorityNamed(partnership, about);
  if (/\bleads?\b/i.test(about)) return [priority ? `lead:${priority.id}` : 'lead:'];
  if (/\balias/i.test(about)) return ['alias:'];
  if (/\broles?\b/i.test(about)) return ['role:'];
  if (/\b(channels?|teams?|links?)\b/i.test(about)) return ['channel:', 'team:'];
  if (/\b(draft|refresh)\b/i.test(about)) return ['draft', 'priorities'];
  if (/^partnerships?$/i.test(about)) return ['partnership'];
  if (/\b(minutes|imports?)\b/i.test(about)) return ['minutes:'];
  if (/\b(agendas?|meetings? cancelled)\b/i.test(about)) return ['agenda:'];
  if (/\b(resolutions?|attendance)\b/i.test(about)) return ['meeting:'];
  return null;
}

export function historyCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const text = singleSpaced(input.text);
  if (UNDO.test(text)) return undoLast(partnership, input);
  if (ALL.test(text)) return { answer: answerChangeHistory(partnership, 'the records') };
  const about = HISTORY.exec(text)?.[1];
  const subjects = about ? subjectsAsked(partnership, about) : null;
  return about && subjects ? { answer: answerChangeHistory(partnership, about, subjects) } : null;
}
