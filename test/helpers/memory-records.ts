/** The records port over a directory held in memory, for tests of the turn layer without a store. */
import type { ConversationRef, PartnershipDirectory } from '../../src/core/model/model.js';
import type { PartnershipRecords } from '../../src/turns/ports.js';

export function memoryRecords(data: PartnershipDirectory): PartnershipRecords & { remembered: ConversationRef[] } {
  const remembered: ConversationRef[] = [];
  return {
    remembered,
    partnership: (id?: string) => data.partnerships[id ?? data.defaultPartnershipId],
    directory: () => data,
    update: async (id, change) => {
      const target = data.partnerships[id];
      // As the store: the change reads the partnership as it stood, whatever it has changed.
      if (target) change(target, structuredClone(target));
    },
    updateDirectory: async (change) => change(data),
    rememberConversation: async (ref) => void remembered.push(ref),
    knowsConversation: (id) => remembered.some((r) => r.conversationId === id),
  };
}
