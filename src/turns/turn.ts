/**
 * A turn as the domain sees it, whatever SDK delivered it: who, where, the text or the card button
 * pressed, and what the bot answers (one outcome type, turned into activities by `src/bot`).
 */
import type { Answer } from '../core/answers/answer.js';
import type { AnswerService } from '../core/answers/answer-service.js';
import type { CommandInput } from '../core/commands/command.js';
import type { PendingImports } from './pending-imports.js';
import type {
  ActionRecords,
  AgendaPosting,
  AgendaReminders,
  FileDownload,
  PartnershipRecords,
  TurnLogger,
} from './ports.js';

/** A card button pressed: in place (a Universal Action, answered with a card) or as a message (Action.Submit). */
export interface CardPress {
  verb: string;
  data: Record<string, unknown>;
  via: 'invoke' | 'submit';
}

/** A file attached to a message. */
export interface SentFile {
  name: string;
  downloadUrl: string;
}

export interface Turn {
  /** The message's words (the bot's @mention removed), the actor, mentions, time and conversation. */
  input: CommandInput & { activityId?: string };
  card?: CardPress;
  files: readonly SentFile[];
  /** The sender's Azure AD object id and Teams id, as the channel gave them. */
  from: { aadObjectId?: string; teamsId?: string };
  /** Shows the member that the bot is at work, before something slow (a download). */
  working?: () => Promise<void>;
}

export type TurnReply =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'card'; card: Record<string, unknown>; summary: string }
  | { kind: 'text'; text: string };

export interface TurnOutcome {
  reply: TurnReply;
  /** The turn's log line: which handler and how it ended, never the member's words. */
  report: { command: string; outcome?: string };
  /** The turn did what was asked: keep the member's chat (and the channel they wrote in) for later posts. */
  remember?: boolean;
}

export interface TurnServices {
  records: PartnershipRecords;
  answers: AnswerService;
  /** Answers from what each partnership publishes, for people who are not its members. */
  publishedAnswers: AnswerService;
  actions?: ActionRecords;
  poster?: AgendaPosting;
  /** Brings an agenda's posted cards up to date after the reply. */
  refreshPosts?: (partnershipId: string, agendaId: string) => void;
  personalReminders?: AgendaReminders;
  /** A signed link to the whole-store backup, and how many minutes it works. */
  backupLink?: () => { url: string; minutes: number };
  /** Minutes files previewed and waiting for Import (with `download`, the bot accepts minutes files). */
  pendingImports?: PendingImports;
  download?: FileDownload;
  logger: TurnLogger;
}

/** An outcome replying with an answer card, reported under the answer's kind. */
export function answered(command: string, answer: Answer, remember = false): TurnOutcome {
  return {
    reply: { kind: 'answer', answer },
    report: { command, outcome: answer.kind },
    ...(remember ? { remember } : {}),
  };
}

export function carded(command: string, card: object, summary = '', outcome?: string): TurnOutcome {
  return {
    reply: { kind: 'card', card: card as Record<string, unknown>, summary },
    report: { command, ...(outcome ? { outcome } : {}) },
  };
}

export function texted(command: string, text: string, outcome?: string): TurnOutcome {
  return { reply: { kind: 'text', text }, report: { command, ...(outcome ? { outcome } : {}) } };
}
