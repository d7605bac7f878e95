/**
 * Owners named only from the minutes ("Shafick Peerbux", "the Probation Service") are not Teams
 * users, so overdue nudges cannot reach them. The chair or the secretariat links such a name to a
 * member ("link owner Shafick Peerbux to @Shafick", or in a personal chat by a member's name), after
 * which the nudges reach that member. Each link is a change in the partnership's trail of changes
 * (`owner:<name>`), so it is shown in "recent changes" and undone by "undo" like any other.
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput } from '../commands/command.js';
import type { Action, Partnership, RecordChange } from '../model/model.js';
import { may, whoMay } from '../model/permissions.js';
import { appendChange } from '../records/change-log.js';
import { singleSpaced, words } from '../text/normalise.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { resolveOwner } from './read-action-line.js';
import { listedActions } from './withdrawn.js';

const LINK = /^link (?:the )?(?:action )?owner (.{1,120}?) (?:to|with) (.{1,120})$/i;
const SUBJECT = 'owner:';

function keyOf(name: string): string {
  return words(name).join(' ');
}

interface OwnerLink {
  subject: string;
  userId: string;
  name: string;
  personId?: string;
}

/** Built once per version of the trail (a change replaces the array): lists and digests ask for every action. */
const linksOf = new WeakMap<readonly RecordChange[], OwnerLink[]>();

/** The latest link of each name not undone. */
function currentLinks(partnership: Partnership): OwnerLink[] {
  const changes = partnership.changes ?? [];
  const known = linksOf.get(changes);
  if (known) return known;
  const links: OwnerLink[] = [];
  const seen = new Set<string>();
  for (const change of [...changes].reverse()) {
    if (!change.subject.startsWith(SUBJECT) || change.undone || seen.has(change.subject)) continue;
    seen.add(change.subject);
    const value = change.after as { userId?: unknown; name?: unknown; personId?: unknown } | undefined;
    if (typeof value?.userId !== 'string') continue;
    links.push({
      subject: change.subject,
      userId: value.userId,
      name: String(value.name ?? ''),
      ...(typeof value.personId === 'string' ? { personId: value.personId } : {}),
    });
  }
  linksOf.set(changes, links);
  return links;
}

/** The member an owner is linked to, if they are: by the name, or by the person on record the name was read as. */
export function linkedMember(
  partnership: Partnership,
  owner: Action['owner'],
): { userId: string; name: string } | undefined {
  const subject = `${SUBJECT}${keyOf(owner.name)}`;
  return currentLinks(partnership).find(
    (l) => l.subject === subject || (owner.personId !== undefined && l.personId === owner.personId),
  );
}

/** The Teams user an action's owner is reached at: their own, or the member their name is linked to. */
export function ownerUserId(partnership: Partnership | undefined, owner: Action['owner']): string | undefined {
  return owner.userId ?? (partnership ? linkedMember(partnership, owner)?.userId : undefined);
}

/** Owners of open actions whom no nudge can reach, by name. */
export function unreachableOwners(partnership: Partnership, actions: readonly Action[]): string[] {
  const live = actions.filter((a) => a.status === 'open' || a.status === 'in progress');
  return [...new Set(live.filter((a) => !ownerUserId(partnership, a.owner)).map((a) => a.owner.name))];
}

/** Said where such an owner's action is logged or listed. */
export function unreachableNote(names: readonly string[]): string {
  if (names.length === 0) return '';
  const who = names.length === 1 ? `${names[0]} is` : `${names.join(', ')} are`;
  return `${who} named from the records, not a Teams user, so overdue nudges cannot reach them: the chair or the secretariat can say "link owner ${names[0]} to @name".`;
}

/** A list of actions, saying which of its owners no nudge can reach. */
export function withOwnerNote(partnership: Partnership, outcome: ActionOutcome): ActionOutcome {
  const note = outcome.list ? unreachableNote(unreachableOwners(partnership, outcome.list.actions)) : '';
  if (!outcome.list || !note) return outcome;
  return { ...outcome, list: { ...outcome.list, summary: `${outcome.list.summary.replace(/:$/, '.')} ${note}` } };
}

function invalid(title: string, summary: string): ActionOutcome {
  return { answer: makeAnswer('invalid', title, summary) };
}

/** The member meant: the one @mentioned, or a member holding a role whose name is the one typed. */
function memberNamed(partnership: Partnership, input: CommandInput, typed: string): { id: string; name: string }[] {
  if (input.mentions.length > 0) return input.mentions.slice(0, input.mentions.length === 1 ? 1 : 2);
  const asked = keyOf(typed.replace(/^@/, ''));
  return partnership.roles.filter((r) => keyOf(r.name) === asked).map((r) => ({ id: r.userId, name: r.name }));
}

export function runOwnerLinkCommand(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
): ActionOutcome | null {
  const match = LINK.exec(singleSpaced(input.text).replace(/[.!]$/, ''));
  if (!match) return null;
  if (!may(partnership, input.actor, 'manage-actions'))
    return {
      answer: makeAnswer(
        'refused',
        'For the chair and the secretariat',
        `Sorry, ${input.actor.name}: only ${whoMay('manage-actions')} can link an owner to a Teams user.`,
      ),
    };
  const typedOwner = (match[1] ?? '').trim();
  const owned = listedActions(actions.all()).filter((a) => keyOf(a.owner.name) === keyOf(typedOwner));
  const resolved = owned[0]?.owner ?? resolveOwner(partnership, typedOwner, []);
  if ('problem' in resolved)
    return invalid(
      'Who is the owner?',
      `No action is owned by "${typedOwner}", and nobody of that name is on record. Nothing was changed.`,
    );
  if (resolved.userId)
    return invalid(
      'Already a Teams user',
      `${resolved.name} is already a Teams user: nudges reach them. Nothing was changed.`,
    );
  const members = memberNamed(partnership, input, match[2] ?? '');
  const [member] = members;
  if (!member || members.length > 1)
    return invalid(
      'Which member?',
      `Please @mention the one member to link ${resolved.name} to, or give the name of a member holding a role in the ${partnership.shortName}. Nothing was changed.`,
    );
  const subject = `${SUBJECT}${keyOf(resolved.name)}`;
  const before = linkedMember(partnership, { name: resolved.name });
  const after = { userId: member.id, name: member.name, ...(resolved.personId ? { personId: resolved.personId } : {}) };
  const open = owned.filter((a) => a.status === 'open' || a.status === 'in progress').length;
  return {
    answer: makeAnswer(
      'actions',
      'Owner linked',
      `${resolved.name} is now linked to ${member.name}: overdue nudges for ${resolved.name}'s actions (${open} open) reach ${member.name} in their personal chat with the bot.`,
      { suggestions: [`actions for ${resolved.name}`] },
    ),
    change: (target) => {
      appendChange(target, {
        at: input.now.toISOString(),
        by: { id: input.actor.id, name: input.actor.name },
        subject,
        summary: `owner ${resolved.name} linked to ${member.name}`,
        ...(before ? { before } : {}),
        after,
      });
    },
  };
}
