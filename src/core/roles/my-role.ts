/** "what is my role?": the member's role in the conversation's partnership, and what it lets them do. */
import { makeAnswer, type Answer } from '../answers/answer.js';
import { formatDate } from '../answers/format.js';
import type { Partnership } from '../model/model.js';
import type { Actor } from '../model/permissions.js';

export const MY_ROLE =
  /^(?:what(?:'s| is) my role|what role do i have|which role do i have|my role|do i have a role)(?: (?:in|at) (?:the )?[^?]{1,80})? ?\??$/i;

const RIGHTS: Record<string, string> = {
  chair:
    "build and circulate agendas, record resolutions, keep priorities and leads current, link channels, and update anyone's actions",
  secretariat:
    "build and circulate agendas, record resolutions, keep priorities and leads current, link channels, and update anyone's actions",
  officer: 'log actions and update the ones you own or logged',
  member: 'log actions and update the ones you own or logged',
};

export function answerMyRole(partnership: Partnership, actor: Actor): Answer {
  const grant = partnership.roles.find((r) => actor.ids.includes(r.userId));
  if (actor.isAdmin && !grant) {
    return makeAnswer(
      'roles',
      'Your role',
      `You are an admin of the bot: you may do everything in the ${partnership.shortName}, including granting roles and creating partnerships.`,
    );
  }
  if (!grant) {
    return makeAnswer(
      'roles',
      'Your role',
      `You hold no role in the ${partnership.shortName}. You can ask about its published records; its chair or secretariat can give you a role.`,
      { suggestions: ['Who has roles?'] },
    );
  }
  return makeAnswer(
    'roles',
    'Your role',
    `You are ${grant.role} of the ${partnership.shortName} (granted by ${grant.grantedBy} on ${formatDate(grant.grantedAt.slice(0, 10))}): you may ${RIGHTS[grant.role] ?? 'ask questions'}.`,
    {
      suggestions: ['my actions', 'Who has roles?'],
    },
  );
}
