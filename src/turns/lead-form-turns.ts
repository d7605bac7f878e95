/**
 * The lead form: "set lead" on its own opens it (for the chair or the secretariat), and its Save
 * button arrives as a card press. A problem brings the form back with the values kept; a saved
 * change replaces the form with the answer that confirms it.
 */
import { makeAnswer } from '../core/answers/answer.js';
import type { Partnership } from '../core/model/model.js';
import { leadFromForm } from '../core/priorities/lead-form.js';
import { may, whoMay } from '../core/model/permissions.js';
import { renderAnswerCard } from '../views/answer-card.js';
import { renderLeadFormCard } from '../views/lead-form-card.js';
import { saveCommand } from './save-command.js';
import { answered, carded, type CardPress, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

const COMMAND = 'lead-form';

export function openLeadForm(partnership: Partnership, turn: Turn): TurnOutcome {
  const { actor } = turn.input;
  if (!may(partnership, actor, 'manage-priorities'))
    return answered(
      COMMAND,
      makeAnswer(
        'refused',
        'Only the chair or the secretariat',
        `Sorry, ${actor.name}: only ${whoMay('manage-priorities')} of the ${partnership.shortName} can change leads.`,
      ),
    );
  return carded(COMMAND, renderLeadFormCard(partnership));
}

export async function saveLeadForm(
  partnership: Partnership,
  press: CardPress,
  turn: Turn,
  services: TurnServices,
): Promise<TurnOutcome> {
  const { data } = press;
  const input = { ...turn.input, text: '' };
  const first = { partnershipId: partnership.id, ...leadFromForm(partnership, input, data) };
  const { answer } = await saveCommand(
    services.records,
    input,
    (directory, again) => {
      const current = directory.partnerships[partnership.id];
      return current ? { partnershipId: partnership.id, ...leadFromForm(current, again, data) } : null;
    },
    first,
    () => 0,
  );
  const failed = answer.kind === 'invalid' || answer.kind === 'refused';
  const card = failed
    ? renderLeadFormCard(services.records.partnership(partnership.id) ?? partnership, answer.summary, data)
    : renderAnswerCard(answer);
  return carded(press.verb, card, answer.summary, answer.kind);
}
