/**
 * Which partnership a turn is answered from. A channel linked to a partnership (or in a team
 * linked to one) is that partnership's, so its members never see another's records. A personal
 * chat uses the member's partnership: the one they hold a role in or have written in, or, when
 * there are several, the one they chose ("use Medway CSP"), else the bot asks. Anywhere else the
 * default partnership answers.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { Partnership, PartnershipDirectory } from '../model/model.js';

export interface Whereabouts {
  conversationId?: string;
  conversationType?: string;
  teamId?: string;
  /** Every id the channel gives for the member. */
  userIds: readonly string[];
}

export type ResolvedPartnership =
  { partnership: Partnership; via: 'channel' | 'team' | 'member' | 'default' } | { ask: Answer };

/** The partnership whose linked channel, or linked team, this conversation is. */
export function linkedPartnership(
  directory: PartnershipDirectory,
  where: Whereabouts,
): { partnership: Partnership; via: 'channel' | 'team' } | undefined {
  const all = Object.values(directory.partnerships);
  const byChannel = all.find((p) => p.channels.some((c) => c.ref.conversationId === where.conversationId));
  if (byChannel) return { partnership: byChannel, via: 'channel' };
  if (!where.teamId) return undefined;
  const byTeam = all.find((p) => (p.teams ?? []).some((t) => t.teamId === where.teamId));
  if (byTeam) return { partnership: byTeam, via: 'team' };
  // An unlinked channel of a team whose other channels are all one partnership's belongs with them.
  const teamOwners = all.filter((p) => p.channels.some((c) => c.ref.teamId === where.teamId));
  const [owner] = teamOwners;
  return teamOwners.length === 1 && owner ? { partnership: owner, via: 'team' } : undefined;
}

/** The partnerships a member belongs to, as far as the bot knows: by role, or by writing in their channels. */
export function memberPartnerships(directory: PartnershipDirectory, userIds: readonly string[]): Partnership[] {
  const seen = new Set(userIds.flatMap((id) => directory.memberships[id]?.seenIn ?? []));
  return Object.values(directory.partnerships).filter(
    (p) => seen.has(p.id) || p.roles.some((r) => userIds.includes(r.userId)),
  );
}

export function chosenPartnership(directory: PartnershipDirectory, userIds: readonly string[]): string | undefined {
  return userIds.map((id) => directory.memberships[id]?.chosen).find((c) => c !== undefined);
}

export function askWhichPartnership(candidates: readonly Partnership[]): Answer {
  return makeAnswer(
    'clarify',
    'Which partnership?',
    `You work with ${candidates.length} partnerships: ${candidates.map((p) => p.shortName).join(', ')}. Which one shall I answer from here? Say "use" and its name.`,
    {
      suggestions: candidates.slice(0, 4).map((p) => `Use ${p.shortName}`),
    },
  );
}

/**
 * The directory as turns see it: DEFAULT_PARTNERSHIP_ID, where set, is the default, not the one
 * the store file was created with (a second district's bot answers from its own records).
 */
export function withConfiguredDefault(
  directory: PartnershipDirectory,
  defaultPartnershipId: string | undefined,
): PartnershipDirectory {
  if (
    !defaultPartnershipId ||
    defaultPartnershipId === directory.defaultPartnershipId ||
    !directory.partnerships[defaultPartnershipId]
  )
    return directory;
  return { ...directory, defaultPartnershipId };
}

export function resolvePartnership(directory: PartnershipDirectory, where: Whereabouts): ResolvedPartnership {
  const linked = linkedPartnership(directory, where);
  if (linked) return linked;
  const fallback = directory.partnerships[directory.defaultPartnershipId];
  if (where.conversationType === 'personal') {
    const candidates = memberPartnerships(directory, where.userIds);
    const chosen = chosenPartnership(directory, where.userIds);
    const picked = candidates.length === 1 ? candidates[0] : candidates.find((p) => p.id === chosen);
    if (picked) return { partnership: picked, via: 'member' };
    if (candidates.length > 1) return { ask: askWhichPartnership(candidates) };
    // Someone who chose a partnership without belonging to one (an admin) keeps their choice.
    const own = chosen ? directory.partnerships[chosen] : undefined;
    if (own) return { partnership: own, via: 'member' };
  }
  if (!fallback)
    return {
      ask: makeAnswer(
        'invalid',
        'No partnership',
        'This conversation is not linked to a partnership yet, so I have nothing to answer from.',
      ),
    };
  return { partnership: fallback, via: 'default' };
}
