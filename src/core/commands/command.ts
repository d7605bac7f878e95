/** What every command receives and returns. */
import type { Answer } from '../answers/answer.js';
import type { ConversationRef, Partnership, PartnershipDirectory } from '../model/model.js';
import type { Actor } from '../model/permissions.js';

/** A person @mentioned in the message (other than the bot), as the channel identifies them. */
export interface Mention {
  id: string;
  name: string;
}

export interface CommandInput {
  text: string;
  mentions: readonly Mention[];
  actor: Actor;
  now: Date;
  /** Where the message was written, to post there later. */
  conversation?: ConversationRef;
  /** Every partnership, for commands that name another one ("link this channel to Medway CSP"). */
  directory?: PartnershipDirectory;
}

/** Something to do outside the records after the change is saved: posting cards to channels, or signing a download link. */
export type CommandEffect =
  | { kind: 'post-agenda'; agendaId: string }
  | { kind: 'backup-link'; answer: (url: string, minutes: number) => Answer }
  /** Personal reminders to those who have not answered an agenda (see agendas/remind-not-answered.ts). */
  | { kind: 'remind-personally'; agendaId: string; by: { name: string; ids: readonly string[] } };

export interface CommandOutcome {
  answer: Answer;
  /** Which command it was, for the turn's log line. */
  command?: string;
  /** Applied to the stored partnership when the command is allowed and valid. */
  change?: (partnership: Partnership) => void;
  /** The partnership `change` applies to, when it is not the conversation's own. */
  partnershipId?: string;
  /** Applied to the whole directory: a partnership created, a member's choice of partnership. */
  directoryChange?: (directory: PartnershipDirectory) => void;
  /** A partnership to delete (its creation undone); the edge first checks it holds no actions. */
  removesPartnership?: string;
  /** Done by the edge once the change is saved; the answer is then completed with its result. */
  effect?: CommandEffect;
}

export interface Command {
  name: string;
  /** The outcome, or null when the message is not this command. */
  run(partnership: Partnership, input: CommandInput): CommandOutcome | null;
}
