/**
 * Reads an action from one line of chat: "action: Shafick Peerbux to circulate the refreshed CSA
 * by 30 April", "action @Sarah review the MARAC funding by end of May for domestic abuse". The
 * owner is the member @mentioned or a person on record; the due date is en-GB ("by Friday", "end
 * of May", "30/04", "next week") in London time; "for <priority>" and "from <item/meeting>" link
 * it. An owner it cannot resolve is asked about, never guessed.
 */
import * as chrono from 'chrono-node';
import { londonDate } from '../agendas/london-time.js';
import { personPhrases, topicPhrases } from '../answers/knowledge-base.js';
import { readMeetingReference } from '../answers/meeting-reference.js';
import type { Mention } from '../commands/command.js';
import type { Partnership } from '../model.js';
import { words } from '../text/normalise.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';

export const MAX_DESCRIPTION = 500;

export interface ActionDraft {
  owner: { name: string; personId?: string; userId?: string };
  description: string;
  due?: string;
  priorityId?: string;
  meeting?: { meetingId: string; itemId?: string };
}

const LINE = /^\s*action\s*[:\-–]?\s+(?!\d+\b)([\s\S]*)$|^\s*action\s*:\s*$/i;
const DUE = /\s*\b(?:by|before|due(?:\s+by)?|no later than)\s+(.+?)(?=\s+\bfor\b\s+|\s+\bfrom\b\s+|[.;]?\s*$)/i;
const PRIORITY = /\s+\bfor\s+(?:the\s+)?(.+?)(?:\s+priority)?(?=\s+\bfrom\b\s+|[.;]?\s*$)/i;
const FROM = /\s+\bfrom\s+(?:item\s+)?([A-H]\d{1,2})?\s*(?:(?:on|at|of)\s+)?(?:the\s+)?(.*?meeting|\d{1,2}\s+\w+\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})?(?=[.;]?\s*$)/i;

/** Whether a message is an attempt to log an action (so that "action:" alone gets a message). */
export function isActionLine(text: string): boolean {
  return LINE.test(text);
}

function readDue(phrase: string, now: Date): string | { problem: string } {
  const [result] = chrono.en.GB.parse(phrase, now, { forwardDate: true });
  if (!result) return { problem: `I couldn't read "${phrase}" as a due date. Try "by 30 April", "by Friday", "end of May" or "30/04".` };
  const due = londonDate(result.start.date());
  if (due < londonDate(now)) return { problem: `The due date (${phrase}) is in the past. Give a date still to come.` };
  return due;
}

export function resolveOwner(partnership: Partnership, ownerText: string, mentions: readonly Mention[]): ActionDraft['owner'] | { problem: string } {
  const mention = mentions.find((m) => words(ownerText).join(' ').includes(words(m.name).join(' '))) ?? (mentions.length === 1 ? mentions[0] : undefined);
  if (mention) return { name: mention.name, userId: mention.id };
  const matcher = new PhraseMatcher(personPhrases(partnership), () => true);
  const found = matcher.findTargets(words(ownerText));
  const [best, ...rest] = found;
  if (best && !rest.some((m) => m.score === best.score)) {
    const person = partnership.people.find((p) => p.id === best.id);
    if (person) return { name: person.name, personId: person.id };
  }
  // Members holding a role are known by the name Teams gave them when it was granted.
  const typed = words(ownerText).join(' ');
  const member = partnership.roles.find((r) => words(r.name).join(' ') === typed);
  if (member) return { name: member.name, userId: member.userId };
  return {
    problem: `I don't know who "${ownerText}" is, so I haven't logged it. @mention them, or give their name as the partnership's records or its members' roles have it.`,
  };
}

/** The action a line describes, or what is wrong with it. */
export function readActionLine(partnership: Partnership, text: string, mentions: readonly Mention[], now: Date): ActionDraft | { problem: string } {
  const body = (LINE.exec(text)?.[1] ?? '').trim();
  if (!body) return { problem: 'Tell me the action in one line, e.g. "action: Shafick Peerbux to circulate the refreshed CSA by 30 April". Nothing was logged.' };
  let rest = ` ${body}`;
  const fromMatch = FROM.exec(rest);
  let meeting: ActionDraft['meeting'];
  if (fromMatch && (fromMatch[1] || fromMatch[2])) {
    const ref = readMeetingReference(fromMatch[2] ?? 'last meeting', now);
    const held = partnership.meetings.filter((m) => m.status === 'held' && m.date).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const found = ref?.kind === 'date' ? held.find((m) => m.date === ref.date) : ref?.kind === 'month' ? held.find((m) => Number(m.date?.slice(5, 7)) === ref.month && (!ref.year || Number(m.date?.slice(0, 4)) === ref.year)) : held[0];
    if (found) {
      meeting = { meetingId: found.id, ...(fromMatch[1] ? { itemId: fromMatch[1].toUpperCase() } : {}) };
      rest = rest.replace(fromMatch[0], '');
    }
  }
  let priorityId: string | undefined;
  const forMatch = PRIORITY.exec(rest);
  if (forMatch?.[1]) {
    const [topic] = new PhraseMatcher(topicPhrases(partnership), () => true).findTargets(words(forMatch[1]));
    if (topic) {
      priorityId = topic.id;
      rest = rest.replace(forMatch[0], '');
    }
  }
  let due: string | undefined;
  const dueMatch = DUE.exec(rest);
  if (dueMatch?.[1]) {
    const read = readDue(dueMatch[1], now);
    if (typeof read !== 'string') return { problem: `${read.problem} Nothing was logged.` };
    due = read;
    rest = rest.replace(dueMatch[0], '');
  }
  if (!due) {
    // A date ending the line without "by" ("... next week", "... end of May").
    const tail = chrono.en.GB.parse(rest, now, { forwardDate: true }).find((r) => r.index + r.text.length >= rest.trimEnd().length - 1 && /^(next|this|end|tomorrow|on |in )/i.test(r.text));
    if (tail) {
      const read = readDue(tail.text, now);
      if (typeof read !== 'string') return { problem: `${read.problem} Nothing was logged.` };
      due = read;
      rest = rest.slice(0, tail.index);
    }
  }
  rest = rest.trim();
  const mentioned = mentions.find((m) => rest.toLowerCase().startsWith(m.name.toLowerCase()));
  const split = mentioned ? { owner: mentioned.name, what: rest.slice(mentioned.name.length) } : /^(.{2,60}?)\s+(?:to|will|should|must|is to)\s+(.+)$/i.exec(rest);
  const ownerText = Array.isArray(split) ? (split[1] ?? '') : (split?.owner ?? '');
  const what = (Array.isArray(split) ? (split[2] ?? '') : (split?.what ?? '')).replace(/^\s*(?:to|will|should|must)\s+/i, '').trim();
  if (!ownerText || !what) return { problem: 'I need who and what: "action: <owner> to <what> by <date>". Nothing was logged.' };
  if (what.length > MAX_DESCRIPTION) return { problem: `That action is ${what.length} characters long; keep it under ${MAX_DESCRIPTION} (put detail in a paper). Nothing was logged.` };
  const owner = resolveOwner(partnership, ownerText, mentions);
  if ('problem' in owner) return owner;
  return { owner, description: what.replace(/[.;]$/, ''), ...(due ? { due } : {}), ...(priorityId ? { priorityId } : {}), ...(meeting ? { meeting } : {}) };
}
