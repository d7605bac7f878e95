/**
 * The store seen through the ports the turns use (see turns/ports.ts): the partnership's records
 * and the directory, read from the store's current data and changed through its one writer.
 */
import type { ConversationRef, Partnership, PartnershipDirectory } from '../core/model/model.js';
import { withConfiguredDefault } from '../core/partnerships/resolve-partnership.js';
import type { PartnershipRecords } from '../turns/ports.js';
import type { Store } from './store.js';

export interface StoreRecords extends PartnershipRecords {
  partnershipIds(): string[];
  /** Personal chats members have had with the bot, where they are reminded and nudged. */
  personalChats(): ConversationRef[];
}

/** `defaultPartnershipId` (the configured one) answers conversations linked to none. */
export function storeRecords(store: Store, defaultPartnershipId?: string): StoreRecords {
  return {
    partnership: (id?: string) => store.partnership(id ?? defaultPartnershipId),
    directory: () => withConfiguredDefault(store.data(), defaultPartnershipId),
    update: (partnershipId: string, change: (p: Partnership, current: Readonly<Partnership>) => void) =>
      store.update(
        (data, current) => {
          const target = data.partnerships[partnershipId];
          const now = current.partnerships[partnershipId];
          if (target && now) change(target, now);
        },
        [partnershipId],
      ),
    updateDirectory: (change: (d: PartnershipDirectory) => void, touches?: () => readonly string[]) =>
      store.update((data) => change(data), touches),
    partnershipIds: () => Object.keys(store.data().partnerships),
    knowsConversation: (id: string) => store.data().conversations.some((c) => c.conversationId === id),
    rememberConversation: (ref: ConversationRef) =>
      store.update((data) => {
        data.conversations = [...data.conversations.filter((c) => c.conversationId !== ref.conversationId), ref];
      }, []),
    personalChats: () => store.data().conversations.filter((c) => c.userId),
  };
}
