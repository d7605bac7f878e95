/**
 * Messages that change the partnership's records, as opposed to questions. Each command reads
 * its own wording; the first that recognises the message decides. The outcome carries the
 * reply and, when the member may make the change and it is valid, the change to apply.
 */
import type { Partnership } from '../model.js';
import { readResolutionCommand, recordResolution, type CommandOutcome } from '../resolutions/record-resolution.js';
import type { Actor } from '../roles/permissions.js';

export type { CommandOutcome };

interface Command {
  name: string;
  run(partnership: Partnership, text: string, actor: Actor, now: Date): CommandOutcome | null;
}

const COMMANDS: Command[] = [
  {
    name: 'record-resolution',
    run: (partnership, text, actor, now) => {
      const command = readResolutionCommand(text);
      return command ? recordResolution(partnership, command, actor, now) : null;
    },
  },
];

/** The outcome of the command in the message, or null when the message is a question. */
export function runCommand(partnership: Partnership, text: string, actor: Actor, now: Date): CommandOutcome | null {
  for (const command of COMMANDS) {
    const outcome = command.run(partnership, text, actor, now);
    if (outcome) return outcome;
  }
  return null;
}
