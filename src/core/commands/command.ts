/** What every command receives and returns. */
import type { Answer } from '../answers/answer.js';
import type { ConversationRef, Partnership } from '../model.js';
import type { Actor } from '../roles/permissions.js';

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
}

export interface CommandOutcome {
  answer: Answer;
  /** Applied to the stored partnership when the command is allowed and valid. */
  change?: (partnership: Partnership) => void;
}

export interface Command {
  name: string;
  /** The outcome, or null when the message is not this command. */
  run(partnership: Partnership, input: CommandInput): CommandOutcome | null;
}
