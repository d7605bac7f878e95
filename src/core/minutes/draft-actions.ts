/**
 * Proposes draft actions from what the minutes record being asked of someone: "The Vice-Chairman
 * requested a further update on Vision Zero Strategy in March 2023", "The Partnership requested
 * that the Probation Service ... consider the funding arrangements for 2022/23". A draft names
 * the owner as the minutes do, what is to be done, a due date where one is stated, and the item
 * it came from. Drafts are proposals: nothing is an agreed action until the secretariat confirms it.
 */
import type { DraftAction, Meeting, MeetingItem, Person } from '../model/model.js';
import { splitSentences } from '../text/sentences.js';
import { findDate, parseMonthYear } from './dates.js';
import { trimTrailing } from '../text/normalise.js';
import { ItemMemo } from './item-memo.js';
import { normaliseWhitespace } from './text-cleaning.js';

const ACTION_VERBS =
  'consider|provide|review|circulate|update|report|bring|give|present|share|look into|explore|confirm|arrange|prepare|write|contact|establish';
/** "requested that X (to) consider ..." -> owner X, what "consider ...". */
const REQUESTED_THAT = new RegExp(
  String.raw`\b(?:requested|asked) (?:that )?(?!an? )(.+?) (?:to |should )?((?:${ACTION_VERBS})\b[^]+)$`,
  'i',
);
/** "requested a further update on X in March 2023": the item's presenter is to give it. */
const REQUESTED_UPDATE =
  /\b(?:requested|asked for) an? ((?:further )?(?:update|report|briefing|paper)) (?:on|about) (.+?)$/i;
/** "The Partnership would be updated on progress": the presenter is to update it. */
const WOULD_BE_UPDATED = /\bPartnership would be (?:updated|kept informed|briefed) (?:on|about) (.+?)$/i;
const DUE =
  /\b(?:in|by|at|during|before)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\b/i;
const APPOSITIVE = /,\s*as\s+[^,]+,?/g;
/** A word every pattern above needs: an item without one is passed over unsplit (most items are). */
const MAY_ASK = /requested|asked|partnership[\s\u200B]+would[\s\u200B]+be/i;

interface Proposal {
  owner: string;
  ownerPersonId?: string;
  what: string;
  due?: string;
  sentence: string;
}

function readDue(text: string): { due?: string; rest: string } {
  const match = DUE.exec(text);
  if (!match?.[1]) return { rest: text };
  const due = findDate(match[1])?.iso ?? parseMonthYear(match[1]);
  return { ...(due ? { due } : {}), rest: text.replace(match[0], '').replace(/\s+/g, ' ').trim() };
}

function tidy(text: string): string {
  return trimTrailing(text.replace(APPOSITIVE, '').replace(/\s+/g, ' '), ' .;,').trim();
}

function presenterOf(item: MeetingItem, people: readonly Person[]): { owner: string; ownerPersonId?: string } {
  const person = people.find((p) => p.id === item.presenters[0]);
  return person
    ? { owner: person.name, ownerPersonId: person.id }
    : { owner: 'not recorded (the minutes do not say who)' };
}

/** What a sentence asks, read from its words alone: who is named (or the presenter), what, by when. */
interface Request {
  /** As the minutes name them; undefined: the item's presenter. */
  owner?: string;
  what: string;
  due?: string;
  sentence: string;
}

function requestIn(sentence: string): Request[] {
  // Single-spaced, so the patterns above need no \s+ beside a lazy .+?.
  const flat = normaliseWhitespace(sentence);
  const asked = (what: string, dueIn: string, owner?: string): Request[] => {
    const { due, rest } = readDue(dueIn);
    return [{ ...(owner !== undefined ? { owner } : {}), what: what + tidy(rest), ...(due ? { due } : {}), sentence }];
  };
  const update = REQUESTED_UPDATE.exec(flat);
  if (update?.[1] && update[2]) return asked(`give a ${update[1].toLowerCase()} on `, update[2]);
  const requested = REQUESTED_THAT.exec(flat);
  if (requested?.[1] && requested[2]) return asked('', requested[2], tidy(requested[1]));
  const updated = WOULD_BE_UPDATED.exec(flat);
  if (updated?.[1]) return asked('update the Partnership on ', updated[1]);
  return [];
}

/** Each item's requests, read once while its text stays the same: most items ask nothing, and are not split. */
export const itemRequests = new ItemMemo((item) =>
  item.minutes.some((paragraph) => MAY_ASK.test(paragraph))
    ? item.minutes.flatMap(splitSentences).flatMap(requestIn)
    : [],
);

function proposalOf(request: Request, item: MeetingItem, people: readonly Person[]): Proposal {
  const { owner, ...rest } = request;
  if (owner === undefined) return { ...presenterOf(item, people), ...rest };
  const person = people.find((p) => p.names.some((n) => owner.includes(n)) || owner.endsWith(p.surname));
  return { owner, ...(person ? { ownerPersonId: person.id } : {}), ...rest };
}

/**
 * Draft actions for every item of the meetings given. Ids are stable, so re-importing keeps a
 * draft's status (confirmed or discarded) instead of proposing it again.
 */
export function proposeDraftActions(
  meetings: readonly Meeting[],
  people: readonly Person[],
  existing: readonly DraftAction[] = [],
): DraftAction[] {
  const known = new Map(existing.map((d) => [d.id, d]));
  const drafts: DraftAction[] = [...existing];
  for (const meeting of meetings) {
    for (const item of meeting.items) {
      itemRequests
        .of(item)
        .map((request) => proposalOf(request, item, people))
        .forEach((proposal, n) => {
          const id = `${meeting.id}#${item.id}#${n + 1}`;
          if (known.has(id)) return;
          drafts.push({
            id,
            ...proposal,
            meetingId: meeting.id,
            itemId: item.id,
            status: 'draft',
            sources: item.sources.slice(0, 1),
          });
        });
    }
  }
  return drafts;
}
