/**
 * The lead form: the same change as "set lead for ...: ..." from inputs, for a chair on a phone.
 * Values arrive as untrusted card data and are checked here; the change itself is changeLead's.
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Partnership } from '../model/model.js';
import { changeLead, type LeadMode } from './lead-and-alias-commands.js';

export const OPEN_LEAD_FORM = /^\s*(?:(?:set|change|edit|update)\s+(?:a\s+|the\s+)?leads?|leads?\s+form)\s*$/i;
export const LEAD_FORM_VERB = 'leadForm.save';

const MODES: readonly LeadMode[] = ['set', 'add', 'clear'];

function text(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value.trim() : '';
}

export function leadFromForm(partnership: Partnership, input: CommandInput, raw: unknown): CommandOutcome {
  const data = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const invalid = (summary: string): CommandOutcome => ({
    answer: makeAnswer('invalid', 'Nothing changed', `${summary} Nothing changed.`),
  });
  const priority = partnership.priorityYears.at(-1)?.priorities.find((p) => p.id === text(data, 'priorityId'));
  if (!priority) return invalid("Choose one of the partnership's priorities.");
  const mode = MODES.find((m) => m === text(data, 'mode'));
  if (!mode) return invalid('Choose whether to replace the lead, add a co-lead or clear it.');
  const details = {
    name: text(data, 'name'),
    role: text(data, 'role'),
    organisation: text(data, 'organisation'),
    contact: text(data, 'contact'),
  };
  if (details.contact && !/@|^\+?[\d\s()-]{7,}$/.test(details.contact))
    return invalid('The contact should be an email address or a phone number.');
  const given = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== '')) as { name: string };
  return changeLead(partnership, input, priority, mode, mode === 'clear' ? [] : [{ ...given, name: details.name }]);
}
