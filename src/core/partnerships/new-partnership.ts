/**
 * A new, empty partnership record: no priorities, leads or meetings yet. One shape for both ways
 * of creating one (an admin in chat, or `npm run import -- --partnership ID` for a new district).
 */
import { slugify } from '../minutes/text-cleaning.js';
import type { Partnership, RecordChange } from '../model/model.js';
import { normaliseSpacing } from '../text/normalise.js';

/** "Medway Community Safety Partnership (Medway CSP)" -> name and short name; a message when it is not a name. */
export function readPartnershipName(text: string): { name: string; shortName: string } | string {
  const cleaned = normaliseSpacing(text).replace(/^["']|["']$/g, '');
  // "Full Name (Short)": read without a regex, so no input can make it backtrack.
  const open = cleaned.lastIndexOf('(');
  const bracketed = cleaned.endsWith(')') && open > 0 ? cleaned.slice(open + 1, -1).trim() : '';
  const short = bracketed.length >= 2 && bracketed.length <= 40 && !/[()]/.test(bracketed) ? bracketed : undefined;
  const name = (short ? cleaned.slice(0, open) : cleaned).trim();
  if (!/[a-z]{2}/i.test(name) || name.length > 120)
    return 'Give the partnership\'s full name, and its short name in brackets: "Medway Community Safety Partnership (Medway CSP)".';
  const shortName = short ?? name.replace(/\bCommunity Safety Partnership\b/i, 'CSP');
  return { name, shortName };
}

export function partnershipIdFor(name: { name: string; shortName: string }): string {
  return slugify(name.shortName) || slugify(name.name);
}

export function newPartnership(
  id: string,
  name: { name: string; shortName: string },
  at: string,
  by: { id: string; name: string },
): Partnership {
  const created: RecordChange = {
    id: 1,
    at,
    by,
    subject: 'partnership',
    summary: `${name.name} created`,
    after: { id, ...name },
  };
  return {
    id,
    ...name,
    priorityYears: [],
    priorityChanges: [],
    aliases: {},
    leads: [],
    people: [],
    meetings: [],
    roles: [],
    draftActions: [],
    channels: [],
    agendas: [],
    changes: [created],
  };
}
