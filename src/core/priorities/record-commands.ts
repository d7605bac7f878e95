/**
 * Keeping leads and aliases current from chat, by the chair or the secretariat: "set lead for
 * road safety: Martin Adams, Kent Fire and Rescue Service, martin.adams@example.org", "add co-lead
 * for ...", "clear lead for ...", "alias county lines = serious and organised crime", "remove
 * alias ...". Every change is logged with who, when, before and after; "history of road safety
 * lead" shows it and "undo" reverts the last change the member may make.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import { formatDate } from '../answers/format.js';
import { topicPhrases } from '../answers/knowledge-base.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Lead, Partnership, RecordChange } from '../model.js';
import { foldForMatching, words } from '../text/normalise.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { may, whoMay } from '../roles/permissions.js';

const SET_LEAD = /^\s*(set|change|add\s+(?:a\s+)?co-?lead|add\s+(?:a\s+)?lead)\s+(?:the\s+)?(?:lead\s+)?(?:for|of|on)\s+(.+?)\s*:\s*(.+)$/i;
const CLEAR_LEAD = /^\s*(?:clear|remove)\s+(?:the\s+)?leads?\s+(?:for|of|on)\s+(.+?)\s*\.?\s*$/i;
const ALIAS = /^\s*(?:add\s+)?alias\s+(.+?)\s*=\s*(.+?)\s*\.?\s*$/i;
const REMOVE_ALIAS = /^\s*(?:remove|delete)\s+alias\s+(.+?)\s*\.?\s*$/i;
const HISTORY = /^\s*(?:show\s+(?:the\s+)?)?(?:history|changes)\s+(?:of|to|for)\s+(?:the\s+)?(.+?)\s*\??\s*$/i;
const UNDO = /^\s*undo(?:\s+(?:the\s+)?last\s+change)?\s*\.?\s*$/i;
const ORGANISATION = /\b(council|police|service|services|fire|rescue|kcc|nhs|icb|board|office|unit|trust|partnership|probation|commissioner|authority)\b/i;

function priorityNamed(partnership: Partnership, text: string): { id: string; name: string } | null {
  const [best] = new PhraseMatcher(topicPhrases(partnership), () => true).findTargets(words(text));
  const priority = best ? partnership.priorityYears.at(-1)?.priorities.find((p) => p.id === best.id) : undefined;
  return priority ? { id: priority.id, name: priority.name } : null;
}

/** "Martin Adams, Kent Fire and Rescue Service, martin.adams@example.org" -> a lead. */
function readLead(text: string, priorityId: string, basis: string, at: string): Lead | string {
  const [name = '', ...parts] = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (!/[a-z]/i.test(name) || name.length > 120) return 'Give the lead\'s name first, e.g. "Martin Adams, Kent Fire and Rescue Service, martin.adams@example.org".';
  const contact = parts.find((p) => /@|^\+?[\d\s()-]{7,}$/.test(p));
  const organisation = parts.find((p) => p !== contact && ORGANISATION.test(p));
  const role = parts.find((p) => p !== contact && p !== organisation);
  return { priorityId, personId: null, name, ...(role ? { role } : {}), ...(organisation ? { organisation } : {}), ...(contact ? { contact } : {}), basis, sources: [{ doc: 'Teams', ref: at }] };
}

function logged(partnership: Partnership, input: CommandInput, subject: string, summary: string, before: unknown, after: unknown): RecordChange {
  const id = (partnership.changes?.at(-1)?.id ?? 0) + 1;
  return { id, at: input.now.toISOString(), by: { id: input.actor.id, name: input.actor.name }, subject, summary, before, after };
}

function refuse(partnership: Partnership, input: CommandInput): CommandOutcome {
  return { answer: makeAnswer('refused', 'Only the chair or the secretariat', `Sorry, ${input.actor.name}: only ${whoMay('manage-priorities')} of the ${partnership.shortName} can change leads and aliases.`) };
}

function invalid(summary: string): CommandOutcome {
  return { answer: makeAnswer('invalid', 'Nothing changed', summary) };
}

/** Applies a logged change: the value of its subject becomes `value`. */
function apply(target: Partnership, subject: string, value: unknown): void {
  const [kind, key = ''] = subject.split(/:(.*)/s);
  if (kind === 'lead') target.leads = [...target.leads.filter((l) => l.priorityId !== key), ...((value as Lead[] | undefined) ?? [])];
  if (kind === 'alias') {
    const { [key]: _old, ...rest } = target.aliases;
    target.aliases = typeof value === 'string' ? { ...rest, [key]: value } : rest;
  }
}

function change(partnership: Partnership, input: CommandInput, subject: string, summary: string, before: unknown, after: unknown, answer: Answer): CommandOutcome {
  const entry = logged(partnership, input, subject, summary, before, after);
  return {
    answer,
    change: (target) => {
      apply(target, subject, after);
      target.changes = [...(target.changes ?? []), entry];
    },
  };
}

export function recordCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const { text, now } = input;
  const setLead = SET_LEAD.exec(text);
  const clearLead = setLead ? null : CLEAR_LEAD.exec(text);
  const alias = ALIAS.exec(text);
  const removeAlias = REMOVE_ALIAS.exec(text);
  const history = HISTORY.exec(text);
  if (history) return { answer: answerHistory(partnership, history[1] ?? '') };
  if (UNDO.test(text)) return undo(partnership, input);
  if (!setLead && !clearLead && !alias && !removeAlias) return null;
  if (!may(partnership, input.actor, 'manage-priorities')) return refuse(partnership, input);
  const when = formatDate(now.toISOString().slice(0, 10));
  if (setLead || clearLead) {
    const priority = priorityNamed(partnership, (setLead?.[2] ?? clearLead?.[1]) ?? '');
    if (!priority) return invalid(`"${setLead?.[2] ?? clearLead?.[1]}" is not one of the partnership's priorities. Nothing changed.`);
    const before = partnership.leads.filter((l) => l.priorityId === priority.id);
    if (clearLead) {
      return change(partnership, input, `lead:${priority.id}`, `lead for ${priority.name} cleared`, before, [], makeAnswer('priorities', 'Lead cleared', `No lead is now recorded for ${priority.name} (cleared by ${input.actor.name}).`));
    }
    const adding = /co-?lead|add/i.test(setLead?.[1] ?? '');
    const leads: Lead[] = [];
    for (const part of (setLead?.[3] ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
      const lead = readLead(part, priority.id, `set by ${input.actor.name} on ${when}`, now.toISOString());
      if (typeof lead === 'string') return invalid(`${lead} Nothing changed.`);
      leads.push(lead);
    }
    const kept = adding ? before.filter((l) => l.personId !== null || l.name) : [];
    const after = [...kept, ...leads];
    const names = after.map((l) => [l.name, l.organisation].filter(Boolean).join(', ')).join(' and ');
    return change(partnership, input, `lead:${priority.id}`, `lead for ${priority.name} set to ${names}`, before, after, makeAnswer('priorities', 'Lead updated', `${priority.name} is now led by ${names} (set by ${input.actor.name} on ${when}).`));
  }
  if (alias) {
    const name = foldForMatching(alias[1] ?? '');
    const priority = priorityNamed(partnership, alias[2] ?? '');
    if (!name || name.length > 60) return invalid('Give the everyday name before "=", e.g. "alias county lines = serious and organised crime". Nothing changed.');
    if (!priority) return invalid(`"${alias[2]}" is not one of the partnership's priorities. Nothing changed.`);
    return change(partnership, input, `alias:${name}`, `"${name}" means ${priority.name}`, partnership.aliases[name], priority.id, makeAnswer('priorities', 'Alias added', `"${name}" now means ${priority.name}.`));
  }
  const name = foldForMatching(removeAlias?.[1] ?? '');
  if (partnership.aliases[name] === undefined) return invalid(`There is no alias "${name}". Nothing changed.`);
  return change(partnership, input, `alias:${name}`, `alias "${name}" removed`, partnership.aliases[name], undefined, makeAnswer('priorities', 'Alias removed', `"${name}" is no longer an alias.`));
}

function answerHistory(partnership: Partnership, about: string): Answer {
  const priority = priorityNamed(partnership, about);
  const subject = priority && /\blead/i.test(about) ? `lead:${priority.id}` : /\balias/i.test(about) ? 'alias:' : priority ? `lead:${priority.id}` : '';
  const entries = (partnership.changes ?? []).filter((c) => subject && c.subject.startsWith(subject));
  if (entries.length === 0) return makeAnswer('history', 'No changes', `No change to ${about} has been made from Teams.`);
  return makeAnswer('history', `History of ${about}`, `${entries.length} change${entries.length === 1 ? '' : 's'} to ${about}:`, {
    entries: entries.map((c) => ({ heading: `${formatDate(c.at.slice(0, 10))}, ${c.by.name}`, text: `${c.summary}${c.undone ? ` (undone by ${c.undone.by})` : ''}` })),
  });
}

function undo(partnership: Partnership, input: CommandInput): CommandOutcome {
  if (!may(partnership, input.actor, 'manage-priorities')) return refuse(partnership, input);
  const last = [...(partnership.changes ?? [])].reverse().find((c) => !c.undone);
  if (!last) return invalid('There is no change to undo.');
  const at = input.now.toISOString();
  return {
    answer: makeAnswer('priorities', 'Undone', `Undone: ${last.summary} (made by ${last.by.name}). The previous value is back.`),
    change: (target) => {
      apply(target, last.subject, last.before);
      target.changes = (target.changes ?? []).map((c) => (c.id === last.id ? { ...c, undone: { at, by: input.actor.name } } : c));
    },
  };
}
