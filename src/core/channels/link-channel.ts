/**
 * Linking Teams channels to the partnership: "link this channel to Kent CSP" and "unlink this
 * channel", by the chair or the secretariat, in the channel itself. Agendas and digests go to
 * every linked channel; the stored conversation reference lets the bot post there later.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Partnership } from '../model.js';
import { words } from '../text/normalise.js';
import { may, whoMay } from '../roles/permissions.js';

const LINK = /^\s*link\s+(?:this\s+)?channel(?:\s+(?:to|with)\s+(?:the\s+)?(.+?))?\s*\.?\s*$/i;
const UNLINK = /^\s*(?:unlink|disconnect)(?:\s+(?:this\s+)?channel)?(?:\s+from\s+.+?)?\s*\.?\s*$/i;
const LIST = /^\s*(?:which|what|list(?: the)?|show(?: the)?)\s+(?:channels|linked channels)(?:\s+are\s+linked)?\s*\??\s*$/i;

/** Whether a name the member typed is this partnership ("Kent CSP", "KCSP", "kent-csp"...). */
function namesPartnership(partnership: Partnership, typed: string): boolean {
  const asked = words(typed.replace(/\bcsp\b/i, 'community safety partnership')).join(' ');
  const forms = [partnership.name, partnership.shortName, partnership.id.replace(/-/g, ' ')].map((f) => words(f.replace(/\bcsp\b/i, 'community safety partnership')).join(' '));
  return forms.some((f) => f === asked || f.includes(asked));
}

function refusal(input: CommandInput, partnership: Partnership): CommandOutcome {
  return {
    answer: makeAnswer('refused', 'Only the chair or the secretariat', `Sorry, ${input.actor.name}: only ${whoMay('link-channels')} of the ${partnership.shortName} can link or unlink channels.`),
  };
}

export function linkChannel(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const link = LINK.exec(input.text);
  const unlink = link ? null : UNLINK.exec(input.text);
  if (!link && !unlink) return null;
  if (!may(partnership, input.actor, 'link-channels')) return refusal(input, partnership);
  const ref = input.conversation;
  if (!ref || ref.conversationType !== 'channel') {
    return { answer: makeAnswer('invalid', 'Not a channel', 'Write this in the team channel you want to link (with an @mention of me), not in a chat.') };
  }
  const linked = partnership.channels.some((c) => c.ref.conversationId === ref.conversationId);
  const where = ref.channelName ? `"${ref.channelName}"${ref.teamName ? ` in ${ref.teamName}` : ''}` : 'This channel';
  if (link) {
    if (link[1] && !namesPartnership(partnership, link[1])) {
      return { answer: makeAnswer('invalid', 'Which partnership?', `I don't know a partnership called "${link[1]}". This bot serves the ${partnership.name} (${partnership.shortName}).`) };
    }
    if (linked) return { answer: makeAnswer('channels', 'Already linked', `${where} is already linked to the ${partnership.shortName}.`) };
    const at = input.now.toISOString();
    return {
      answer: makeAnswer('channels', 'Channel linked', `${where} is now linked to the ${partnership.name}: agendas will be posted here.`),
      change: (target) => {
        target.channels = [...target.channels.filter((c) => c.ref.conversationId !== ref.conversationId), { ref, linkedBy: input.actor.name, linkedAt: at }];
      },
    };
  }
  if (!linked) return { answer: makeAnswer('invalid', 'Not linked', `${where} is not linked to the ${partnership.shortName}; nothing changed.`) };
  return {
    answer: makeAnswer('channels', 'Channel unlinked', `${where} is no longer linked to the ${partnership.shortName}.`),
    change: (target) => {
      target.channels = target.channels.filter((c) => c.ref.conversationId !== ref.conversationId);
    },
  };
}

export function listChannels(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  if (!LIST.test(input.text)) return null;
  return { answer: answerChannels(partnership) };
}

function answerChannels(partnership: Partnership): Answer {
  if (partnership.channels.length === 0) {
    return makeAnswer('channels', 'Linked channels', `No channel is linked to the ${partnership.shortName} yet. The chair or secretariat links one by writing "link this channel" in it.`);
  }
  return makeAnswer('channels', 'Linked channels', `${partnership.channels.length} channels are linked to the ${partnership.shortName}.`, {
    entries: partnership.channels.map((c) => ({
      heading: [c.ref.teamName, c.ref.channelName].filter(Boolean).join(' / ') || c.ref.conversationId,
      text: `linked by ${c.linkedBy} on ${c.linkedAt.slice(0, 10)}`,
    })),
  });
}
