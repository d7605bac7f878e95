/**
 * Admins grant roles from chat: "make @Anna secretariat", "remove role from @Anna". The person
 * must be @mentioned, so that the role goes to exactly the member Teams identifies; anyone may
 * ask "who has roles?".
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome, Mention } from '../commands/command.js';
import type { Partnership, Role } from '../model.js';
import { may } from './permissions.js';

const GRANT = /^\s*(?:make|set|grant|appoint)\s+(.+?)\s+(?:as\s+)?(?:the\s+|a\s+|an\s+)?(chair|secretariat|secretary|officer|member)(?:\s+role)?\s*\.?\s*$/i;
const REVOKE = /^\s*(?:remove|revoke|clear|withdraw)\s+(?:the\s+)?(?:role\s+(?:of|from|for)\s+)?(.+?)(?:'s)?(?:\s+role)?\s*\.?\s*$/i;

function refused(input: CommandInput): CommandOutcome {
  return { answer: makeAnswer('refused', 'Only an admin', `Sorry, ${input.actor.name}: only an admin of the bot can grant or remove roles.`) };
}

function mentioned(input: CommandInput, who: string): Mention | 'none' | 'several' {
  const named = input.mentions.filter((m) => who.toLowerCase().includes(m.name.toLowerCase()));
  const candidates = named.length > 0 ? named : input.mentions;
  if (candidates.length === 0) return 'none';
  return candidates.length === 1 && candidates[0] ? candidates[0] : 'several';
}

function askToMention(): CommandOutcome {
  return {
    answer: makeAnswer('invalid', 'Who do you mean?', 'Please @mention the one person the role is for (e.g. "make @Anna Taylor secretariat"), so I know exactly who. Nothing was changed.'),
  };
}

export function grantRole(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const match = GRANT.exec(input.text);
  if (!match) return null;
  if (!may(partnership, input.actor, 'grant-roles')) return refused(input);
  const person = mentioned(input, match[1] ?? '');
  if (typeof person === 'string') return askToMention();
  const role = (match[2]?.toLowerCase() === 'secretary' ? 'secretariat' : match[2]?.toLowerCase()) as Role;
  const previous = partnership.roles.find((r) => r.userId === person.id)?.role;
  if (previous === role) {
    return { answer: makeAnswer('invalid', 'Already done', `${person.name} is already ${role} of the ${partnership.shortName}; nothing changed.`) };
  }
  const at = input.now.toISOString();
  return {
    answer: makeAnswer('role-granted', 'Role granted', `${person.name} is now ${role} of the ${partnership.shortName}${previous ? ` (was ${previous})` : ''}.`, {
      suggestions: ['Who has roles?'],
    }),
    change: (target) => {
      target.roles = [...target.roles.filter((r) => r.userId !== person.id), { userId: person.id, name: person.name, role, grantedBy: input.actor.name, grantedAt: at }];
    },
  };
}

export function revokeRole(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const match = REVOKE.exec(input.text);
  if (!match || input.mentions.length === 0 && !/\brole\b/i.test(input.text)) return null;
  if (!may(partnership, input.actor, 'grant-roles')) return refused(input);
  const person = mentioned(input, match[1] ?? '');
  if (typeof person === 'string') return askToMention();
  const current = partnership.roles.find((r) => r.userId === person.id);
  if (!current) return { answer: makeAnswer('invalid', 'No role', `${person.name} has no role in the ${partnership.shortName}; nothing changed.`) };
  return {
    answer: makeAnswer('role-granted', 'Role removed', `${person.name} is no longer ${current.role} of the ${partnership.shortName}.`),
    change: (target) => {
      target.roles = target.roles.filter((r) => r.userId !== person.id);
    },
  };
}

export function answerRoles(partnership: Partnership): Answer {
  const order: Role[] = ['chair', 'secretariat', 'officer', 'member'];
  const roles = [...partnership.roles].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  if (roles.length === 0) {
    return makeAnswer('roles', 'Roles', `No roles are granted yet in the ${partnership.shortName}. An admin grants them with "make @name secretariat".`);
  }
  return makeAnswer('roles', `Roles in the ${partnership.shortName}`, `${roles.length} members have roles in the ${partnership.shortName}.`, {
    entries: roles.map((r) => ({ heading: r.role.charAt(0).toUpperCase() + r.role.slice(1), text: `${r.name} (granted by ${r.grantedBy} on ${r.grantedAt.slice(0, 10)})` })),
  });
}
