/**
 * Keeping leads and aliases current from chat, by the chair or the secretariat: "set lead for
 * road safety: Martin Adams, Kent Fire and Rescue Service, martin.adams@example.org", "add co-lead
 * for ...", "clear lead for ...", "alias county lines = serious and organised crime", "remove
 * alias ...". Every change is logged with who, when, before and after (see records/record-change.ts).
 */
import { makeAnswer } from '../answers/answer.js';
import { formatDate } from '../answers/format.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Lead, Partnership, Priority } from '../model/model.js';
import { recordChange } from '../records/record-change.js';
import { foldForMatching, singleSpaced } from '../text/normalise.js';
import { may, whoMay } from '../model/permissions.js';
import { findNamed, priorityNamed } from '../answers/priority-names.js';

const SET_LEAD =
  /^(set|change|add (?:a )?co-?lead|add (?:a )?lead) (?:the )?(?:lead )?(?:for|of|on) ([^:]+?) ?: ?(.+)$/i;
const CLEAR_LEAD = /^(?:clear|remove) (?:the )?leads? (?:for|of|on) (.+?) ?\.?$/i;
const ALIAS = /^(?:add )?alias ([^=]+?) ?= ?(.+?) ?\.?$/i;
const REMOVE_ALIAS = /^(?:remove|delete) alias (.+?) ?\.?$/i;
const ORGANISATION =
  /\b(council|police|service|services|fire|rescue|kcc|nhs|icb|board|office|unit|trust|partnership|probation|commissioner|authority)\b/i;

/** A lead as a member gives it: the name first, then what they know of role, organisation and contact. */
export interface LeadDetails {
  name: string;
  role?: string;
  organisation?: string;
  contact?: string;
}

export type LeadMode = 'set' | 'add' | 'clear';

const MAX_FIELD = 120;

/** "Martin Adams, Kent Fire and Rescue Service, martin.adams@example.org" -> the lead's details. */
function readLead(text: string): LeadDetails {
  const [name = '', ...parts] = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const contact = parts.find((p) => /@|^\+?[\d\s()-]{7,}$/.test(p));
  const organisation = parts.find((p) => p !== contact && ORGANISATION.test(p));
  const role = parts.find((p) => p !== contact && p !== organisation);
  return {
    name,
    ...(role ? { role } : {}),
    ...(organisation ? { organisation } : {}),
    ...(contact ? { contact } : {}),
  };
}

/** What is wrong with a lead's details, or null. */
function problemWith(details: LeadDetails): string | null {
  if (!/[a-z]/i.test(details.name))
    return 'Give the lead\'s name first, e.g. "Martin Adams, Kent Fire and Rescue Service, martin.adams@example.org".';
  const long = (['name', 'role', 'organisation', 'contact'] as const).find(
    (field) => (details[field]?.length ?? 0) > MAX_FIELD,
  );
  return long ? `The lead's ${long} is too long (${MAX_FIELD} characters at most).` : null;
}

function refuse(partnership: Partnership, input: CommandInput): CommandOutcome {
  return {
    answer: makeAnswer(
      'refused',
      'Only the chair or the secretariat',
      `Sorry, ${input.actor.name}: only ${whoMay('manage-priorities')} of the ${partnership.shortName} can change leads and aliases.`,
    ),
  };
}

function invalid(summary: string): CommandOutcome {
  return { answer: makeAnswer('invalid', 'Nothing changed', summary) };
}

/**
 * Sets, adds to or clears the lead of a priority, from chat or from the lead form: checked the same
 * way, logged the same way, answered the same way.
 */
export function changeLead(
  partnership: Partnership,
  input: CommandInput,
  priority: Priority,
  mode: LeadMode,
  details: readonly LeadDetails[],
): CommandOutcome {
  if (!may(partnership, input.actor, 'manage-priorities')) return refuse(partnership, input);
  const before = partnership.leads.filter((l) => l.priorityId === priority.id);
  if (mode === 'clear') {
    if (before.length === 0) return invalid(`No lead is recorded for ${priority.name}; nothing changed.`);
    return recordChange(
      partnership,
      input,
      { subject: `lead:${priority.id}`, summary: `lead for ${priority.name} cleared`, before, after: [] },
      makeAnswer(
        'priorities',
        'Lead cleared',
        `No lead is now recorded for ${priority.name} (cleared by ${input.actor.name}).`,
      ),
    );
  }
  if (details.length === 0)
    return invalid(
      'Give the lead\'s name, e.g. "set lead for road safety: Martin Adams, Kent Fire and Rescue Service". Nothing changed.',
    );
  for (const lead of details) {
    const problem = problemWith(lead);
    if (problem) return invalid(`${problem} Nothing changed.`);
  }
  const kept = mode === 'add' ? before.filter((l) => l.personId !== null || l.name) : [];
  const already = details.find((d) => kept.some((l) => foldForMatching(l.name ?? '') === foldForMatching(d.name)));
  if (already) return invalid(`${already.name} already leads ${priority.name}; nothing changed.`);
  const when = formatDate(input.now.toISOString().slice(0, 10));
  const leads: Lead[] = details.map((d) => ({
    priorityId: priority.id,
    personId: null,
    ...d,
    basis: `set by ${input.actor.name} on ${when}`,
    sources: [{ doc: 'Teams', ref: input.now.toISOString() }],
  }));
  const after = [...kept, ...leads];
  const names = after.map((l) => [l.name, l.organisation].filter(Boolean).join(', ')).join(' and ');
  return recordChange(
    partnership,
    input,
    { subject: `lead:${priority.id}`, summary: `lead for ${priority.name} set to ${names}`, before, after },
    makeAnswer(
      'priorities',
      'Lead updated',
      `${priority.name} is now led by ${names} (set by ${input.actor.name} on ${when}).`,
    ),
  );
}

export function leadAndAliasCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const text = singleSpaced(input.text);
  const setLead = SET_LEAD.exec(text);
  const clearLead = setLead ? null : CLEAR_LEAD.exec(text);
  const alias = ALIAS.exec(text);
  const removeAlias = REMOVE_ALIAS.exec(text);
  if (!setLead && !clearLead && !alias && !removeAlias) return null;
  if (!may(partnership, input.actor, 'manage-priorities')) return refuse(partnership, input);
  if (setLead || clearLead) {
    const priority = priorityNamed(partnership, setLead?.[2] ?? clearLead?.[1] ?? '');
    if (!priority)
      return invalid(
        `"${setLead?.[2] ?? clearLead?.[1]}" is not one of the partnership's priorities. Nothing changed.`,
      );
    const mode: LeadMode = clearLead ? 'clear' : /co-?lead|add/i.test(setLead?.[1] ?? '') ? 'add' : 'set';
    const details = (setLead?.[3] ?? '')
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)
      .map(readLead);
    return changeLead(partnership, input, priority, mode, details);
  }
  if (alias) {
    const name = foldForMatching(alias[1] ?? '');
    const named = findNamed(partnership, alias[2] ?? '');
    if (!name || name.length > 60)
      return invalid(
        'Give the everyday name before "=", e.g. "alias county lines = serious and organised crime". Nothing changed.',
      );
    if (!named) return invalid(`"${alias[2]}" is not one of the partnership's priorities or themes. Nothing changed.`);
    const { entry } = named;
    return recordChange(
      partnership,
      input,
      {
        subject: `alias:${name}`,
        summary: `"${name}" means ${entry.name}`,
        before: partnership.aliases[name],
        after: entry.id,
      },
      makeAnswer('priorities', 'Alias added', `"${name}" now means ${entry.name}.`),
    );
  }
  const name = foldForMatching(removeAlias?.[1] ?? '');
  if (partnership.aliases[name] === undefined) return invalid(`There is no alias "${name}". Nothing changed.`);
  return recordChange(
    partnership,
    input,
    {
      subject: `alias:${name}`,
      summary: `alias "${name}" removed`,
      before: partnership.aliases[name],
      after: undefined,
    },
    makeAnswer('priorities', 'Alias removed', `"${name}" is no longer an alias.`),
  );
}
