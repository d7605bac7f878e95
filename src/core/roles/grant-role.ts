/**
 * Admins grant roles from chat: "make @Anna secretariat", "make @Anna chair of Medway CSP",
 * "remove role from @Anna". The person must be @mentioned, so that the role goes to exactly the
 * member Teams identifies; without a partnership named, the role is in the conversation's own.
 * Every grant is logged and can be undone; anyone may ask "who has roles?".
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome, Mention } from '../commands/command.js';
import type { Partnership, Role, RoleGrant } from '../model/model.js';
import { directoryOf, partnershipNamed } from '../partnerships/partnership-names.js';
import { recordChange } from '../records/record-change.js';
import { may } from '../model/permissions.js';
import { singleSpaced } from '../text/normalise.js';

const IN_PARTNERSHIP = String.raw`(?: (?:of|in|for|at) (?:the )?([^]+?))?`;
const GRANT = new RegExp(
  String.raw`^(?:make|set|grant|appoint) (.+?) (?:as )?(?:the |a |an )?(chair|secretariat|secretary|officer|member)(?: role)?${IN_PARTNERSHIP} ?\.?$`,
  'i',
);
const REVOKE =
  /^(?:remove|revoke|clear|withdraw) (?:the )?(?:role (?:of|from|for) )?(.+?)(?:'s)?(?: role)?(?: (?:in|at) (?:the )?(.+?))? ?\.?$/i;

function refused(input: CommandInput): CommandOutcome {
  return {
    answer: makeAnswer(
      'refused',
      'Only an admin',
      `Sorry, ${input.actor.name}: only an admin of the bot can grant or remove roles.`,
    ),
  };
}

function mentioned(input: CommandInput, who: string): Mention | 'none' | 'several' {
  const named = input.mentions.filter((m) => who.toLowerCase().includes(m.name.toLowerCase()));
  const candidates = named.length > 0 ? named : input.mentions;
  if (candidates.length === 0) return 'none';
  return candidates.length === 1 && candidates[0] ? candidates[0] : 'several';
}

function askToMention(): CommandOutcome {
  return {
    answer: makeAnswer(
      'invalid',
      'Who do you mean?',
      'Please @mention the one person the role is for (e.g. "make @Anna Taylor secretariat"), so I know exactly who. Nothing was changed.',
    ),
  };
}

/** The partnership a role command is about: the one it names, else the conversation's. */
function targetOf(
  partnership: Partnership,
  input: CommandInput,
  named: string | undefined,
): Partnership | CommandOutcome {
  if (!named || /^(?:this |our )?(?:partnership|csp)$/i.test(named)) return partnership;
  const target = partnershipNamed(directoryOf(input, partnership), named);
  return (
    target ?? {
      answer: makeAnswer(
        'invalid',
        'Which partnership?',
        `I don't know a partnership called "${named}". Nothing was changed.`,
      ),
    }
  );
}

export function grantRole(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const match = GRANT.exec(singleSpaced(input.text));
  if (!match) return null;
  const target = targetOf(partnership, input, match[3]);
  if ('answer' in target) return target;
  if (!may(target, input.actor, 'grant-roles')) return refused(input);
  const person = mentioned(input, match[1] ?? '');
  if (typeof person === 'string') return askToMention();
  const role = (match[2]?.toLowerCase() === 'secretary' ? 'secretariat' : match[2]?.toLowerCase()) as Role;
  const previous = target.roles.find((r) => r.userId === person.id);
  if (previous?.role === role) {
    return {
      answer: makeAnswer(
        'invalid',
        'Already done',
        `${person.name} is already ${role} of the ${target.shortName}; nothing changed.`,
      ),
    };
  }
  const after: RoleGrant = {
    userId: person.id,
    name: person.name,
    role,
    grantedBy: input.actor.name,
    grantedAt: input.now.toISOString(),
  };
  const answer = makeAnswer(
    'role-granted',
    'Role granted',
    `${person.name} is now ${role} of the ${target.shortName}${previous ? ` (was ${previous.role})` : ''}.`,
    { suggestions: ['Who has roles?'] },
  );
  return recordChange(
    target,
    input,
    {
      subject: `role:${person.id}`,
      summary: `${person.name} made ${role}${previous ? ` (was ${previous.role})` : ''}`,
      before: previous,
      after,
    },
    answer,
  );
}

export function revokeRole(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const match = REVOKE.exec(singleSpaced(input.text));
  if (!match || (input.mentions.length === 0 && !/\brole\b/i.test(input.text))) return null;
  const target = targetOf(partnership, input, match[2]);
  if ('answer' in target) return target;
  if (!may(target, input.actor, 'grant-roles')) return refused(input);
  const person = mentioned(input, match[1] ?? '');
  if (typeof person === 'string') return askToMention();
  const current = target.roles.find((r) => r.userId === person.id);
  if (!current)
    return {
      answer: makeAnswer(
        'invalid',
        'No role',
        `${person.name} has no role in the ${target.shortName}; nothing changed.`,
      ),
    };
  const answer = makeAnswer(
    'role-granted',
    'Role removed',
    `${person.name} is no longer ${current.role} of the ${target.shortName}.`,
  );
  return recordChange(
    target,
    input,
    {
      subject: `role:${person.id}`,
      summary: `${person.name}'s role (${current.role}) removed`,
      before: current,
      after: undefined,
    },
    answer,
  );
}

export function answerRoles(partnership: Partnership): Answer {
  const order: Role[] = ['chair', 'secretariat', 'officer', 'member'];
  const roles = [...partnership.roles].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  if (roles.length === 0) {
    return makeAnswer(
      'roles',
      'Roles',
      `No roles are granted yet in the ${partnership.shortName}. An admin grants them with "make @name secretariat".`,
    );
  }
  return makeAnswer(
    'roles',
    `Roles in the ${partnership.shortName}`,
    `${roles.length} members have roles in the ${partnership.shortName}.`,
    {
      entries: roles.map((r) => ({
        heading: r.role.charAt(0).toUpperCase() + r.role.slice(1),
        text: `${r.name} (granted by ${r.grantedBy} on ${r.grantedAt.slice(0, 10)})`,
      })),
    },
  );
}
