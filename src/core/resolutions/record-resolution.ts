/**
 * Recording a resolution from chat: "resolved for B3 on 21 March 2023: that the update be
 * noted", or correcting one ("correct resolution for B3 on 21 March 2023: ..."). Only the chair
 * or the secretariat may; the previous text, who and when are kept in the item's history, never
 * overwritten silently. The outcome is an answer for the member and, when allowed, a change for
 * the store to apply.
 */
import { makeAnswer } from '../answers/answer.js';
import { capitalise, itemLabel, meetingLabel } from '../answers/format.js';
import { readMeetingReference } from '../answers/meeting-reference.js';
import type { Meeting, Partnership } from '../model/model.js';
import type { CommandOutcome } from '../commands/command.js';
import { loggedChange } from '../records/record-change.js';
import { may, whoMay, type Actor } from '../model/permissions.js';
import { singleSpaced } from '../text/normalise.js';

export const MAX_RESOLUTION_LENGTH = 2_000;

export interface ResolutionCommand {
  itemCode: string;
  meetingText: string;
  text: string;
}

/** The part before the first colon, single-spaced; what follows it is the resolution's text. */
const HEAD =
  /^(resolved|resolution|record resolution|correct(?:ion)?(?: (?:the|a))? resolution|amend(?: the)? resolution) (?:for |on |to )?(?:item )?([a-z]\d{1,2}) (?:on|at|of|from) (?:the )?(.+)$/i;

/** The command in a message, or null when the message is not one. */
export function readResolutionCommand(text: string): ResolutionCommand | null {
  const colon = text.indexOf(':');
  const head = colon < 0 ? null : HEAD.exec(singleSpaced(text.slice(0, colon)));
  const match = head ? [...head, text.slice(colon + 1).trimStart()] : null;
  if (!match) return null;
  return {
    itemCode: (match[2] ?? '').toUpperCase(),
    meetingText: (match[3] ?? '').replace(/\bmeeting\b/i, '').trim(),
    text: (match[4] ?? '').trim().replace(/^RESOLVED\s*:?\s*/i, ''),
  };
}

function findMeeting(partnership: Partnership, meetingText: string, today: Date): Meeting | undefined {
  const ref = readMeetingReference(meetingText, today);
  if (ref?.kind !== 'date') return undefined;
  return partnership.meetings.find((m) => m.date === ref.date && m.status === 'held');
}

function invalid(summary: string): CommandOutcome {
  return {
    answer: makeAnswer('invalid', 'Resolution not recorded', summary, {
      suggestions: ['What are the recent resolutions?'],
    }),
  };
}

export function recordResolution(
  partnership: Partnership,
  command: ResolutionCommand,
  actor: Actor,
  now: Date,
): CommandOutcome {
  if (!may(partnership, actor, 'record-resolutions')) {
    return {
      answer: makeAnswer(
        'refused',
        'Only the chair or the secretariat',
        `Sorry, ${actor.name}: only ${whoMay('record-resolutions')} of the ${partnership.shortName} can record or correct resolutions. Ask them, or an admin, to do it.`,
      ),
    };
  }
  if (command.text === '')
    return invalid(
      'The resolution text is empty. Write it after the colon, e.g. "resolved for B3 on 21 March 2023: that the update be noted".',
    );
  if (command.text.length > MAX_RESOLUTION_LENGTH)
    return invalid(
      `That resolution is ${command.text.length} characters long; the limit is ${MAX_RESOLUTION_LENGTH}. Nothing was recorded.`,
    );
  const meeting = findMeeting(partnership, command.meetingText, now);
  if (!meeting)
    return invalid(
      `I could not find a meeting held on "${command.meetingText}". Give its full date, e.g. 21 March 2023. Nothing was recorded.`,
    );
  const item = meeting.items.find((i) => i.code === command.itemCode);
  if (!item) {
    const codes = meeting.items
      .map((i) => i.code)
      .filter(Boolean)
      .join(', ');
    return invalid(
      `The meeting of ${meetingLabel(meeting)} has no item ${command.itemCode}${codes ? ` (its items are ${codes})` : ''}. Nothing was recorded.`,
    );
  }
  const previous = item.resolution?.text;
  if (previous === command.text)
    return invalid(`${itemLabel(item)} already has exactly that resolution; nothing changed.`);
  const at = now.toISOString();
  const summary = previous
    ? `${capitalise(meetingLabel(meeting))}, ${itemLabel(item)}: resolution corrected. It now reads: RESOLVED ${command.text}`
    : `${capitalise(meetingLabel(meeting))}, ${itemLabel(item)}: resolution recorded: RESOLVED ${command.text}`;
  return {
    answer: makeAnswer('resolution-recorded', previous ? 'Resolution corrected' : 'Resolution recorded', summary, {
      facts: [
        ...(previous ? [{ title: 'Previous text', value: previous }] : []),
        { title: 'Recorded by', value: `${actor.name}, ${at.slice(0, 16).replace('T', ' ')} UTC` },
      ],
      suggestions: [`What did we resolve about ${item.code} on ${meetingLabel(meeting)}?`],
    }),
    change: loggedChange(
      { actor, now },
      `meeting:${meeting.id}`,
      `${capitalise(meetingLabel(meeting))}, ${itemLabel(item)}: resolution ${previous ? 'corrected' : 'recorded'}`,
      (target) => {
        const stored = target.meetings.find((m) => m.id === meeting.id)?.items.find((i) => i.id === item.id);
        if (!stored) return;
        // The text as stored when the change is applied: another edit may have landed in between.
        const before = stored.resolution?.text;
        stored.resolutionHistory = [
          ...(stored.resolutionHistory ?? []),
          { text: command.text, ...(before ? { previous: before } : {}), by: { id: actor.id, name: actor.name }, at },
        ];
        stored.resolution = { text: command.text, parts: [] };
      },
    ),
  };
}
