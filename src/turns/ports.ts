/**
 * What a turn needs from outside the domain, as interfaces: the store implements the records, the
 * actions journal the actions, the Bot Framework adapter the posting. `app.ts` only wires them.
 */
import type { Answer } from '../core/answers/answer.js';
import type { ActionsView } from '../core/actions/action-commands.js';
import type { PostingResult } from '../core/agendas/circulate-agenda.js';
import type { Action, ConversationRef, Partnership, PartnershipDirectory } from '../core/model/model.js';

/** Where the bot reads and durably changes the partnership's records. */
export interface PartnershipRecords {
  partnership(id?: string): Partnership | undefined;
  /** Every partnership and what is known of members: read to choose a turn's partnership. */
  directory(): PartnershipDirectory;
  /**
   * Resolves once the change is saved: only then may the bot confirm it. The change is given the
   * partnership to change and, to read without copying, the same partnership as it stands.
   */
  update(
    partnershipId: string,
    change: (partnership: Partnership, current: Readonly<Partnership>) => void,
  ): Promise<void>;
  /** A change to the directory (a partnership created or removed, a member's choice), saved durably. */
  updateDirectory(change: (directory: PartnershipDirectory) => void, touches?: () => readonly string[]): Promise<void>;
  /** Keeps a channel the bot was told about, or a member's personal chat, so it can post there after a restart. */
  rememberConversation(ref: ConversationRef): Promise<void>;
  knowsConversation(conversationId: string): boolean;
}

/** Posts a partnership's agenda to its linked channels (see bot/agenda-poster.ts). */
export interface AgendaPosting {
  post(partnershipId: string, agendaId: string, onlyExisting?: boolean): Promise<PostingResult>;
}

/** The partnership's actions, saved durably (see store/action-journal.ts). */
export interface ActionRecords {
  view(partnershipId: string): ActionsView;
  /** A signed link to the CSV export, and how many minutes it works. */
  exportLink(partnershipId: string): { url: string; minutes: number };
  /** Logs a new action; with `once`, an action already logged (or being logged) under that key is returned instead. */
  add(partnershipId: string, make: (number: number) => Action, once?: string): Promise<Action>;
  save(partnershipId: string, number: number, next: (current: Action) => Action | null): Promise<Action | null>;
}

/** Sends personal reminders to those who have not answered an agenda (see personal-reminders.ts). */
export interface AgendaReminders {
  send(
    partnershipId: string,
    agendaId: string,
    by: { name: string; ids: readonly string[] },
  ): Promise<Answer | undefined>;
}

/** Downloads a file a member sent, within limits (see minutes-files/file-download.ts). */
export type FileDownload = (url: string) => Promise<Uint8Array>;

/** Where failures that must not stop a reply are written. */
export interface TurnLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
