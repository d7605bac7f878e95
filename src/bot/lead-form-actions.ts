/**
 * The lead form in Teams: "set lead" on its own opens it (for the chair or the secretariat), and
 * its Save button arrives as a Universal Action. A problem brings the form back with the values
 * kept; a saved change replaces the form with the answer that confirms it.
 */
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { makeAnswer, type Answer } from '../core/answers/answer.js';
import type { CommandInput } from '../core/commands/command.js';
import type { Partnership } from '../core/model.js';
import { leadFromForm } from '../core/priorities/lead-form.js';
import { may, whoMay } from '../core/roles/permissions.js';
import { renderAnswerCard } from '../views/answer-card.js';
import { renderLeadFormCard } from '../views/lead-form-card.js';
import type { PartnershipRecords } from './partnership-bot.js';
import { saveCommand } from './save-command.js';

/** The form to send, or the refusal to send instead. */
export function openLeadForm(partnership: Partnership, input: CommandInput): { card: object } | { answer: Answer } {
  if (!may(partnership, input.actor, 'manage-priorities')) {
    return {
      answer: makeAnswer(
        'refused',
        'Only the chair or the secretariat',
        `Sorry, ${input.actor.name}: only ${whoMay('manage-priorities')} of the ${partnership.shortName} can change leads.`,
      ),
    };
  }
  return { card: renderLeadFormCard(partnership) };
}

export async function saveLeadForm(
  partnership: Partnership,
  data: unknown,
  input: CommandInput,
  records: PartnershipRecords,
): Promise<AdaptiveCardInvokeResponse> {
  const first = { partnershipId: partnership.id, ...leadFromForm(partnership, input, data) };
  const { answer } = await saveCommand(
    records,
    input,
    (directory, again) => {
      const current = directory.partnerships[partnership.id];
      return current ? { partnershipId: partnership.id, ...leadFromForm(current, again, data) } : null;
    },
    first,
    () => 0,
  );
  const values = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const failed = answer.kind === 'invalid' || answer.kind === 'refused';
  const card = failed
    ? renderLeadFormCard(records.partnership(partnership.id) ?? partnership, answer.summary, values)
    : renderAnswerCard(answer);
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}
