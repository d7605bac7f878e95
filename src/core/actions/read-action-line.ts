/**
 * Reads an action from one line of chat: "action: Shafick Peerbux to circulate the refreshed CSA
 * by 30 April", "action @Sarah review the MARAC funding by end of May for domestic abuse". The
 * owner is the member @mentioned or a person on record; the due date is en-GB ("by Friday", "end
 * of May", "30/04", "next week") in London time; "for <priority>" and "from <item/meeting>" link
 * it. An owner it cannot resolve is asked about, never guessed.
 */
import * as chrono from 'chrono-node';
import { personPhrases, topicPhrases } from '../answers/knowledge-base.js';
import { readMeetingReference } from '../answers/meeting-reference.js';
import type { Mention } from '../commands/command.js';
import type { Partnership } from '../model/model.js';
import { singleSpaced, words } from '../text/normalise.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { readDueDate } from './read-due-date.js';

export const MAX_DESCRIPTION = 500;

export interface ActionDraft {
  /** Shown back on the confirmation when the due date was read with a guess; not stored. */
  dueNote?: string;
  owner: { name: string; personId?: string; userId?: string };
  description: string;
  due?: string;
  priorityId?: string;
  meeting?: { meetingId: string; itemId?: string };
}

// Read from single-spaced text (see singleSpaced), so no pattern needs `\s*` beside a `.+?`.
const LINE = /^action ?[:\-–]? (?!\d+\b)(.*)$|^action ?:$/i;
const DUE = / ?\b(?:by|before|due(?: by)?|no later than) (.+?)(?= for | from |[.;]?$)/i;
const PRIORITY = / for (?:the )?(.+?)(?: priority)?(?= from |[.;]?$)/i;
/** "from item C2 of the last meeting" ending the line; tried only on short tails, so the work stays linear. */
const FROM_TAIL =
  /^from (?:item )?([A-H]\d{1,2}\b)? ?(?:(?:on|at|of) )?(?:the )?(.{0,80}?meeting|\d{1,2} \w+ \d{4}|\d{1,2}\/\d{1,2}\/\d{4})?[.;]?$/i;
const MAX_FROM_TAIL = 120;
/** No valid action line comes near this; longer ones are refused before any date or name reading. */
export const MAX_ACTION_LINE = 1000;

/** The leftmost " from ..." that ends the line, and the line without it (its final . or ; kept). */
function readFrom(rest: string): { item?: string; meeting?: string; without: string } | undefined {
  const lower = rest.toLowerCase();
  for (
    let at = lower.indexOf(' from ', Math.max(0, rest.length - MAX_FROM_TAIL - 1));
    at !== -1;
    at = lower.indexOf(' from ', at + 1)
  ) {
    const tail = rest.slice(at + 1);
    const match = FROM_TAIL.exec(tail);
    if (match)
      return {
        item: match[1],
        meeting: match[2],
        without: rest.slice(0, at) + (/[.;]$/.test(tail) ? tail.slice(-1) : ''),
      };
  }
  return undefined;
}

/** Whether a message is an attempt to log an action (so that "action:" alone gets a message). */
export function isActionLine(text: string): boolean {
  return LINE.test(singleSpaced(text));
}

/** `self`: the member logging it, who may name themself ("I", "me", or their own name) without a role. */
export function resolveOwner(
  partnership: Partnership,
  ownerText: string,
  mentions: readonly Mention[],
  self?: Mention,
): ActionDraft['owner'] | { problem: string } {
  if (
    self &&
    (/^(?:i|me|myself)$/i.test(ownerText.trim()) || words(ownerText).join(' ') === words(self.name).join(' '))
  )
    return { name: self.name, userId: self.id };
  const mention =
    mentions.find((m) => words(ownerText).join(' ').includes(words(m.name).join(' '))) ??
    (mentions.length === 1 ? mentions[0] : undefined);
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
export function readActionLine(
  partnership: Partnership,
  text: string,
  mentions: readonly Mention[],
  now: Date,
  self?: Mention,
): ActionDraft | { problem: string } {
  const body = (LINE.exec(singleSpaced(text))?.[1] ?? '').trim();
  if (!body)
    return {
      problem:
        'Tell me the action in one line, e.g. "action: Shafick Peerbux to circulate the refreshed CSA by 30 April". Nothing was logged.',
    };
  if (body.length > MAX_ACTION_LINE)
    return {
      problem: `That action line is ${body.length} characters long; keep it under ${MAX_DESCRIPTION} (put detail in a paper). Nothing was logged.`,
    };
  let rest = ` ${body}`;
  const fromMatch = readFrom(rest);
  let meeting: ActionDraft['meeting'];
  if (fromMatch && (fromMatch.item || fromMatch.meeting)) {
    const ref = readMeetingReference(fromMatch.meeting ?? 'last meeting', now);
    const held = partnership.meetings
      .filter((m) => m.status === 'held' && m.date)
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const found =
      ref?.kind === 'date'
        ? held.find((m) => m.date === ref.date)
        : ref?.kind === 'month'
          ? held.find(
              (m) =>
                Number(m.date?.slice(5, 7)) === ref.month && (!ref.year || Number(m.date?.slice(0, 4)) === ref.year),
            )
          : held[0];
    if (found) {
      meeting = { meetingId: found.id, ...(fromMatch.item ? { itemId: fromMatch.item.toUpperCase() } : {}) };
      rest = fromMatch.without;
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
  let dueNote: string | undefined;
  const dueMatch = DUE.exec(rest);
  if (dueMatch?.[1]) {
    const read = readDueDate(dueMatch[1], now, partnership);
    if ('problem' in read) return { problem: `${read.problem} Nothing was logged.` };
    ({ due, note: dueNote } = read);
    rest = rest.replace(dueMatch[0], '');
  }
  if (!due) {
    // A date ending the line without "by" ("... next week", "... end of May").
    const tail = chrono.en.GB.parse(rest, now, { forwardDate: true }).find(
      (r) => r.index + r.text.length >= rest.trimEnd().length - 1 && /^(next|this|end|tomorrow|on |in )/i.test(r.text),
    );
    if (tail) {
      const read = readDueDate(tail.text, now, partnership);
      if ('problem' in read) return { problem: `${read.problem} Nothing was logged.` };
      ({ due, note: dueNote } = read);
      rest = rest.slice(0, tail.index);
    }
  }
  rest = rest.trim();
  const mentioned = mentions.find((m) => rest.toLowerCase().startsWith(m.name.toLowerCase()));
  const split = mentioned
    ? { owner: mentioned.name, what: rest.slice(mentioned.name.length) }
    : /^(.{1,60}?) (?:to|will|should|must|is to) (.+)$/i.exec(rest);
  const ownerText = Array.isArray(split) ? (split[1] ?? '') : (split?.owner ?? '');
  const what = (Array.isArray(split) ? (split[2] ?? '') : (split?.what ?? ''))
    .replace(/^ ?(?:to|will|should|must) /i, '')
    .trim();
  if (!ownerText || !what)
    return { problem: 'I need who and what: "action: <owner> to <what> by <date>". Nothing was logged.' };
  if (what.length > MAX_DESCRIPTION)
    return {
      problem: `That action is ${what.length} characters long; keep it under ${MAX_DESCRIPTION} (put detail in a paper). Nothing was logged.`,
    };
  const owner = resolveOwner(partnership, ownerText, mentions, self);
  if ('problem' in owner) return owner;
  return {
    owner,
    description: what.replace(/[.;]$/, ''),
    ...(due ? { due } : {}),
    ...(dueNote ? { dueNote } : {}),
    ...(priorityId ? { priorityId } : {}),
    ...(meeting ? { meeting } : {}),
  };
}
