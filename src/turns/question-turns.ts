/**
 * Questions (everything no command recognised) and help. A member is answered from all the
 * partnership's records; anyone else from what it publishes, and told that the rest is for members.
 */
import { answerHelp, type Capability } from '../core/answers/answer-help.js';
import { capabilities } from '../core/answers/answer-question.js';
import { isInternalAnswer } from '../core/answers/internal-answers.js';
import { membersOnly } from '../core/partnerships/membership.js';
import { may } from '../core/model/permissions.js';
import type { HelpLine, PartnershipScope } from './turn-handler.js';
import { answered, texted, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

export function answerQuestion(turn: Turn, services: TurnServices, scope: PartnershipScope): TurnOutcome {
  const { partnership, member } = scope;
  const { text } = turn.input;
  if (member) {
    const answer = services.answers.answer(text, partnership.id);
    if (!answer)
      return texted(
        'question',
        'This conversation is not linked to a partnership yet, so I have nothing to answer from.',
      );
    return answered('question', answer, true);
  }
  const published = services.publishedAnswers.answer(text, partnership.id);
  if (!published || isInternalAnswer(published)) return answered('members-only', membersOnly(partnership));
  // Their personal chat is kept all the same: an owner named in an action is reminded there.
  return answered('question', published, true);
}

/** Whether a help line is for this person here. */
function allowed(line: HelpLine, scope: PartnershipScope, turn: Turn): boolean {
  if (line.who === 'anyone') return true;
  if (!scope.member) return false;
  return line.who === 'members' || may(scope.partnership, turn.input.actor, line.who);
}

/** What this person can do here: the questions anyone may ask, then what their membership and role allow. */
export function answerHelpFor(turn: Turn, scope: PartnershipScope, lines: readonly HelpLine[]): TurnOutcome {
  const mine: Capability[] = lines
    .filter((line) => allowed(line, scope, turn))
    .map(({ topic, example, pressable }) => ({ topic, example, pressable }));
  const help = answerHelp(scope.partnership.name, [...capabilities(), ...mine]);
  const outsider = scope.member
    ? help
    : { ...help, summary: `${help.summary} ${membersOnly(scope.partnership).summary}` };
  return answered('help', outsider);
}
