/**
 * Messages that change the partnership's records, as opposed to questions. Each command reads
 * its own wording; the first that recognises the message decides. The outcome carries the
 * reply and, when the member may make the change and it is valid, the change to apply.
 */
import type { Partnership } from '../core/model/model.js';
import { readResolutionCommand, recordResolution } from '../core/resolutions/record-resolution.js';
import { agendaCommand } from '../core/agendas/agenda-commands.js';
import { circulateCommand } from '../core/agendas/circulate-agenda.js';
import { confirmAttendance } from '../core/agendas/confirm-attendance.js';
import { linkChannel, listChannels } from '../core/channels/link-channel.js';
import { leadAndAliasCommand } from '../core/priorities/lead-and-alias-commands.js';
import { refreshCommand } from '../core/priorities/refresh-commands.js';
import { historyCommand } from '../core/records/history-commands.js';
import { answerRoles, grantRole, revokeRole } from '../core/roles/grant-role.js';
import type { Command, CommandInput, CommandOutcome } from '../core/commands/command.js';
import { singleSpaced } from '../core/text/normalise.js';
import { answerMyRole, MY_ROLE } from '../core/roles/my-role.js';
import { notAnsweredCommand } from '../core/agendas/not-answered.js';
import { remindCommand } from '../core/agendas/remind-not-answered.js';

export type { CommandInput, CommandOutcome };

const COMMANDS: Command[] = [
  {
    name: 'record-resolution',
    run: (partnership, input) => {
      const command = readResolutionCommand(input.text);
      return command ? recordResolution(partnership, command, input.actor, input.now) : null;
    },
  },
  // Before the agenda's commands: a bare "publish" while the priorities are in draft is theirs.
  { name: 'priority-refresh', run: refreshCommand },
  { name: 'agenda', run: agendaCommand },
  { name: 'circulate', run: circulateCommand },
  { name: 'confirm-attendance', run: confirmAttendance },
  { name: 'leads-and-aliases', run: leadAndAliasCommand },
  { name: 'history-and-undo', run: historyCommand },
  { name: 'link-channel', run: linkChannel },
  { name: 'list-channels', run: listChannels },
  { name: 'grant-role', run: grantRole },
  { name: 'revoke-role', run: revokeRole },
  { name: 'not-answered', run: notAnsweredCommand },
  { name: 'remind-not-answered', run: remindCommand },
  {
    name: 'my-role',
    run: (partnership, input) =>
      MY_ROLE.test(singleSpaced(input.text)) ? { answer: answerMyRole(partnership, input.actor) } : null,
  },
  {
    name: 'list-roles',
    run: (partnership, input) =>
      /^\s*(who has (a )?roles?|list (the )?roles|roles|show (the )?roles)\s*(?:\?\s*)?$/i.test(input.text)
        ? { answer: answerRoles(partnership) }
        : null,
  },
];

/** The outcome of the command in the message, or null when the message is a question. */
export function runCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  for (const command of COMMANDS) {
    const outcome = command.run(partnership, input);
    if (outcome) return { command: command.name, ...outcome };
  }
  return null;
}
