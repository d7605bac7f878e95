/**
 * Linking Teams channels, or whole teams, to a partnership: "link this channel to Medway CSP",
 * "link this team to Kent CSP", "unlink this channel", by the chair or the secretariat of that
 * partnership (or an admin), written in the channel itself. Questions there are then answered from
 * that partnership, and its agendas and digests are posted to its linked channels. A channel
 * belongs to one partnership at a time. Every link is logged and can be undone.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { LinkedChannel, LinkedTeam, Partnership } from '../model/model.js';
import { directoryOf, partnershipNamed } from '../partnerships/partnership-names.js';
import { recordChange } from '../records/record-change.js';
import { may, whoMay } from '../model/permissions.js';
import { singleSpaced } from '../text/normalise.js';

const LINK = /^link (?:this )?(channel|team)(?: (?:to|with) (?:the )?(.+?))? ?\.?$/i;
const UNLINK = /^(?:unlink|disconnect)(?: (?:this )?(channel|team))?(?: from .+?)? ?\.?$/i;
const LIST = /^(?:which|what|list(?: the)?|show(?: the)?) (?:channels|linked channels)(?: are linked)? ?\??$/i;

function refusal(input: CommandInput, partnership: Partnership): CommandOutcome {
  return {
    answer: makeAnswer(
      'refused',
      'Only the chair or the secretariat',
      `Sorry, ${input.actor.name}: only ${whoMay('link-channels')} of the ${partnership.shortName} can link or unlink channels.`,
    ),
  };
}

function invalid(title: string, summary: string): CommandOutcome {
  return { answer: makeAnswer('invalid', title, summary) };
}

/**
 * Which other partnership this channel or team already belongs to, and how: the channel or team
 * itself is linked to it (unlink it there first), or it sits in a team that is linked to it or
 * whose channels are its (only that partnership's organisers, or an admin, may hand it over).
 */
function holder(
  input: CommandInput,
  except: Partnership,
  ref: { conversationId: string; teamId?: string },
  wholeTeam: boolean,
): { partnership: Partnership; direct: boolean } | undefined {
  const others = Object.values(directoryOf(input, except).partnerships).filter((p) => p.id !== except.id);
  const teamId = ref.teamId;
  const direct = others.find((p) =>
    wholeTeam
      ? teamId !== undefined && (p.teams ?? []).some((t) => t.teamId === teamId)
      : p.channels.some((c) => c.ref.conversationId === ref.conversationId),
  );
  if (direct) return { partnership: direct, direct: true };
  if (teamId === undefined) return undefined;
  const byTeam = others.find(
    (p) => (p.teams ?? []).some((t) => t.teamId === teamId) || p.channels.some((c) => c.ref.teamId === teamId),
  );
  return byTeam ? { partnership: byTeam, direct: false } : undefined;
}

/** Why linking here is not this member's to do, or null when it is. */
function heldElsewhere(
  input: CommandInput,
  target: Partnership,
  ref: { conversationId: string; teamId?: string },
  wholeTeam: boolean,
  where: string,
): CommandOutcome | null {
  const held = holder(input, target, ref, wholeTeam);
  if (!held) return null;
  const other = held.partnership.shortName;
  if (held.direct)
    return invalid(
      'Linked elsewhere',
      `${where} is linked to the ${other}. Unlink it from there first ("unlink this ${wholeTeam ? 'team' : 'channel'}").`,
    );
  if (may(held.partnership, input.actor, 'link-channels')) return null;
  return {
    answer: makeAnswer(
      'refused',
      'Belongs to another partnership',
      `${where} is in a team of the ${other}: only ${whoMay('link-channels')} of the ${other}, or an admin, can link it to another partnership.`,
    ),
  };
}

/** "link this channel to X": the one command that may come from outside the conversation's partnership (its permission is checked in X). */
export function isChannelLinkCommand(text: string): boolean {
  return LINK.test(text) || UNLINK.test(text);
}

export function linkChannel(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const link = LINK.exec(singleSpaced(input.text));
  const unlink = link ? null : UNLINK.exec(singleSpaced(input.text));
  if (!link && !unlink) return null;
  const named = link?.[2];
  const directory = directoryOf(input, partnership);
  const target = named ? partnershipNamed(directory, named) : partnership;
  if (!target) {
    const known = Object.values(directory.partnerships).map((p) => `${p.name} (${p.shortName})`);
    return invalid('Which partnership?', `I don't know a partnership called "${named}". I serve: ${known.join('; ')}.`);
  }
  if (!may(target, input.actor, 'link-channels')) return refusal(input, target);
  const ref = input.conversation;
  if (!ref || ref.conversationType !== 'channel')
    return invalid(
      'Not a channel',
      'Write this in the team channel you want to link (with an @mention of me), not in a chat.',
    );
  const wholeTeam = /team/i.test(link?.[1] ?? unlink?.[1] ?? '');
  if (wholeTeam) return linkTeam(target, input, Boolean(link));
  const linked = target.channels.some((c) => c.ref.conversationId === ref.conversationId);
  const where = ref.channelName ? `"${ref.channelName}"${ref.teamName ? ` in ${ref.teamName}` : ''}` : 'This channel';
  const subject = `channel:${ref.conversationId}`;
  if (link) {
    const elsewhere = heldElsewhere(input, target, ref, false, where);
    if (elsewhere) return elsewhere;
    if (linked)
      return {
        answer: makeAnswer('channels', 'Already linked', `${where} is already linked to the ${target.shortName}.`),
      };
    const after: LinkedChannel = { ref, linkedBy: input.actor.name, linkedAt: input.now.toISOString() };
    return recordChange(
      target,
      input,
      { subject, summary: `${where} linked`, before: undefined, after },
      makeAnswer(
        'channels',
        'Channel linked',
        `${where} is now linked to the ${target.name}: questions here are answered from it, and its agendas are posted here.`,
      ),
    );
  }
  if (!linked) return invalid('Not linked', `${where} is not linked to the ${target.shortName}; nothing changed.`);
  const before = target.channels.find((c) => c.ref.conversationId === ref.conversationId);
  return recordChange(
    target,
    input,
    { subject, summary: `${where} unlinked`, before, after: undefined },
    makeAnswer('channels', 'Channel unlinked', `${where} is no longer linked to the ${target.shortName}.`),
  );
}

function linkTeam(target: Partnership, input: CommandInput, linking: boolean): CommandOutcome {
  const ref = input.conversation;
  if (!ref?.teamId) return invalid('Not a team', "Write this in one of the team's channels.");
  const name = ref.teamName ? `The team "${ref.teamName}"` : 'This team';
  const current = (target.teams ?? []).find((t) => t.teamId === ref.teamId);
  const subject = `team:${ref.teamId}`;
  if (linking) {
    const elsewhere = heldElsewhere(input, target, ref, true, name);
    if (elsewhere) return elsewhere;
    if (current)
      return {
        answer: makeAnswer('channels', 'Already linked', `${name} is already linked to the ${target.shortName}.`),
      };
    const after: LinkedTeam = {
      teamId: ref.teamId,
      ...(ref.teamName ? { teamName: ref.teamName } : {}),
      linkedBy: input.actor.name,
      linkedAt: input.now.toISOString(),
    };
    return recordChange(
      target,
      input,
      { subject, summary: `${name} linked`, before: undefined, after },
      makeAnswer(
        'channels',
        'Team linked',
        `${name} is now linked to the ${target.name}: questions in any of its channels are answered from it. Link a channel too ("link this channel") for agendas to be posted there.`,
      ),
    );
  }
  if (!current) return invalid('Not linked', `${name} is not linked to the ${target.shortName}; nothing changed.`);
  return recordChange(
    target,
    input,
    { subject, summary: `${name} unlinked`, before: current, after: undefined },
    makeAnswer('channels', 'Team unlinked', `${name} is no longer linked to the ${target.shortName}.`),
  );
}

export function listChannels(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  if (!LIST.test(singleSpaced(input.text))) return null;
  return { answer: answerChannels(partnership) };
}

function answerChannels(partnership: Partnership): Answer {
  const teams = partnership.teams ?? [];
  if (partnership.channels.length === 0 && teams.length === 0) {
    return makeAnswer(
      'channels',
      'Linked channels',
      `No channel is linked to the ${partnership.shortName} yet. The chair or secretariat links one by writing "link this channel" in it.`,
    );
  }
  return makeAnswer(
    'channels',
    'Linked channels',
    `${partnership.channels.length} channels${teams.length > 0 ? ` and ${teams.length} teams` : ''} are linked to the ${partnership.shortName}.`,
    {
      entries: [
        ...partnership.channels.map((c) => ({
          heading: [c.ref.teamName, c.ref.channelName].filter(Boolean).join(' / ') || c.ref.conversationId,
          text: `linked by ${c.linkedBy} on ${c.linkedAt.slice(0, 10)}`,
        })),
        ...teams.map((t) => ({
          heading: `${t.teamName ?? t.teamId} (whole team)`,
          text: `linked by ${t.linkedBy} on ${t.linkedAt.slice(0, 10)}`,
        })),
      ],
    },
  );
}
