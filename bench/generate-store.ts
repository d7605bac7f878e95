/**
 * A large store made from the default data set, for the store benchmark (never committed): Kent's
 * records copied into `partnerships` partnerships (Kent and districts), each with its meetings
 * (and the draft actions the importer proposed from them) copied until it holds `meetings`.
 */
import type { StoreData } from '../src/store/schema.js';
import { loadDefaultStore } from '../src/store/default-store.js';

function shiftDate(date: string | null, days: number): string | null {
  if (!date) return date;
  const shifted = new Date(`${date}T12:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() - days);
  return shifted.toISOString().slice(0, 10);
}

export function generateStore(partnerships: number, meetings: number): StoreData {
  const data = loadDefaultStore();
  const kent = data.partnerships[data.defaultPartnershipId]!;
  const originals = kent.meetings;
  const drafts = kent.draftActions;
  const copiedMeetings: typeof kent.meetings = [];
  const copiedDrafts: typeof kent.draftActions = [];
  for (let copy = 0; copiedMeetings.length < meetings; copy++) {
    for (const meeting of originals) {
      if (copiedMeetings.length >= meetings) break;
      const id = copy === 0 ? meeting.id : `${meeting.id}-c${copy}`;
      const date = shiftDate(meeting.date, copy * 7);
      const { month: _month, ...rest } = structuredClone(meeting);
      copiedMeetings.push({
        ...rest,
        id,
        date,
        ...(date ? { month: date.slice(0, 7) } : meeting.month ? { month: meeting.month } : {}),
      });
      for (const draft of drafts.filter((d) => d.meetingId === meeting.id))
        copiedDrafts.push({
          ...structuredClone(draft),
          id: copy === 0 ? draft.id : `${draft.id}-c${copy}`,
          meetingId: id,
        });
    }
  }
  const records = { ...kent, meetings: copiedMeetings, draftActions: copiedDrafts };
  data.partnerships = { [kent.id]: records };
  for (let i = 1; i < partnerships; i++) {
    const id = `district-${String(i).padStart(2, '0')}`;
    data.partnerships[id] = {
      ...structuredClone(records),
      id,
      name: `District ${i} Community Safety Partnership`,
      shortName: `District ${i} CSP`,
    };
  }
  return data;
}
