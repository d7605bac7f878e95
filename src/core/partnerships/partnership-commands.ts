/**
 * Commands about the partnerships themselves, read before the turn's partnership is known: an
 * admin creates one ("create partnership Medway Community Safety Partnership (Medway CSP)") or
 * downloads the whole store ("export the store"), anyone lists them ("which partnerships?"), and a
 * member of several chooses the one their personal chat answers from ("use Medway CSP").
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Partnership, PartnershipDirectory } from '../model/model.js';
import { singleSpaced } from '../text/normalise.js';
import { newPartnership, partnershipIdFor, readPartnershipName } from './new-partnership.js';
import { partnershipNamed } from './partnership-names.js';
import { chosenPartnership, memberPartnerships } from './resolve-partnership.js';

const CREATE = /^(?:create|add|new|set up) (?:a )?(?:new )?partnership ?:? (.+?) ?\.?$/i;
const LIST =
  /^(?:(?:which|what|list(?: the)?|show(?: the)?|all) partnerships(?: (?:are there|do you (?:serve|know)))?|partnerships) ?\??$/i;
const BACKUP =
  /^(?:export|back ?up|download) (?:the )?(?:whole |entire )?(?:store|data(?: ?base)?|everything|backup) ?\.?$|^backup$/i;
const USE = /^(?:use|switch to|choose|select|answer from) (?:the )?(.+?) ?\.?$/i;

function create(directory: PartnershipDirectory, input: CommandInput, typed: string): CommandOutcome {
  if (!input.actor.isAdmin) {
    return {
      answer: makeAnswer(
        'refused',
        'Only an admin',
        `Sorry, ${input.actor.name}: only an admin of the bot can create a partnership.`,
      ),
    };
  }
  const read = readPartnershipName(typed);
  if (typeof read === 'string') {
    return {
      answer: makeAnswer(
        'invalid',
        'Nothing changed',
        'Give the partnership\'s full name, and its short name in brackets: "create partnership Medway Community Safety Partnership (Medway CSP)".',
      ),
    };
  }
  const id = partnershipIdFor(read);
  const clash =
    directory.partnerships[id] ?? partnershipNamed(directory, read.name) ?? partnershipNamed(directory, read.shortName);
  if (clash)
    return {
      answer: makeAnswer(
        'invalid',
        'Already there',
        `There is already a partnership called ${clash.name} (${clash.shortName}); nothing changed.`,
      ),
    };
  const partnership = newPartnership(id, read, input.now.toISOString(), { id: input.actor.id, name: input.actor.name });
  return {
    answer: makeAnswer(
      'channels',
      'Partnership created',
      `${read.name} (${read.shortName}) is created. Next: in its channel, "link this channel to ${read.shortName}"; "make @name secretariat of ${read.shortName}"; then its secretariat starts its priorities.`,
    ),
    directoryChange: (target) => {
      target.partnerships[id] = partnership;
    },
  };
}

function list(directory: PartnershipDirectory, input: CommandInput): CommandOutcome {
  const all = Object.values(directory.partnerships);
  const mine = new Set(memberPartnerships(directory, input.actor.ids).map((p) => p.id));
  return {
    answer: makeAnswer('channels', 'Partnerships', `I serve ${all.length} partnership${all.length === 1 ? '' : 's'}.`, {
      entries: all.map((p) => ({
        heading: `${p.name} (${p.shortName})`,
        text: `${p.channels.length} linked channel${p.channels.length === 1 ? '' : 's'}${p.id === directory.defaultPartnershipId ? '; the default' : ''}${mine.has(p.id) ? '; yours' : ''}`,
      })),
    }),
  };
}

function use(directory: PartnershipDirectory, input: CommandInput, chosen: Partnership): CommandOutcome {
  if (input.conversation && input.conversation.conversationType !== 'personal') {
    return {
      answer: makeAnswer(
        'invalid',
        'Only in a personal chat',
        `Here I answer from the partnership this conversation is linked to. "Use ${chosen.shortName}" chooses for your personal chat with me; write it there.`,
      ),
    };
  }
  const mine = memberPartnerships(directory, input.actor.ids);
  if (!input.actor.isAdmin && !mine.some((p) => p.id === chosen.id)) {
    return {
      answer: makeAnswer(
        'refused',
        'Not a member',
        `You are not a member of the ${chosen.shortName} that I know of. Write to me in one of its channels first, or ask its secretariat for a role. Nothing changed.`,
      ),
    };
  }
  const answer = makeAnswer('channels', 'Partnership chosen', `I'll answer you here from the ${chosen.name}.`, {
    suggestions: ['What are the current priorities?'],
  });
  if (chosenPartnership(directory, input.actor.ids) === chosen.id) return { answer };
  const key = input.actor.id;
  return {
    answer,
    directoryChange: (target) => {
      target.memberships[key] = { seenIn: target.memberships[key]?.seenIn ?? [], chosen: chosen.id };
    },
  };
}

function backup(directory: PartnershipDirectory, input: CommandInput): CommandOutcome {
  if (!input.actor.isAdmin)
    return {
      answer: makeAnswer(
        'refused',
        'Only an admin',
        `Sorry, ${input.actor.name}: only an admin of the bot can export the whole store.`,
      ),
    };
  // Every partnership's records in one file: a link posted in a channel or group chat could be opened by everyone there.
  if (input.conversation?.conversationType !== 'personal') {
    return {
      answer: makeAnswer(
        'invalid',
        'In a personal chat only',
        "The whole-store backup holds every partnership's records, so I only give its link in your personal chat with me. Ask me there.",
      ),
    };
  }
  const count = Object.keys(directory.partnerships).length;
  const answer = (url: string, minutes: number) =>
    makeAnswer(
      'export',
      'Whole-store backup',
      `The backup of all ${count} partnership${count === 1 ? '' : 's'} and their actions (one JSON file, for "npm run restore") is ready. The link works for ${minutes} minutes.`,
      {
        link: { label: 'Download the backup', url },
      },
    );
  return {
    answer: makeAnswer('export', 'Whole-store backup', 'Preparing the backup link.'),
    effect: { kind: 'backup-link', answer },
  };
}

/** The outcome of a partnership command, or null when the message is something else. */
export function partnershipCommand(directory: PartnershipDirectory, input: CommandInput): CommandOutcome | null {
  const creating = CREATE.exec(singleSpaced(input.text));
  if (creating) return create(directory, input, creating[1] ?? '');
  if (LIST.test(singleSpaced(input.text))) return list(directory, input);
  if (BACKUP.test(singleSpaced(input.text))) return backup(directory, input);
  const using = USE.exec(singleSpaced(input.text));
  const chosen = using ? partnershipNamed(directory, using[1] ?? '') : null;
  return chosen ? use(directory, input, chosen) : null;
}
