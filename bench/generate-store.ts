/**
 * A large store made from the default data set, for the store benchmark (never committed): Kent's
 * records copied into `partnerships` partnerships (Kent and districts), each with its meetings
 * (and the draft actions the importer proposed from them) copied until it holds `meetings`, kept in
 * the importer's order.
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
          // The id the importer gives a draft of this meeting's item: the meeting's id, then the item's.
          id: `${id}${draft.id.slice(meeting.id.length)}`,
          meetingId: id,
        });
    }
  }
  // In the importer's order (by date, undated last), as a partnership's imported meetings are kept.
  const key = (m: (typeof copiedMeetings)[number]): string => `${m.date ?? m.month ?? '~'} ${m.id}`;
  copiedMeetings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
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
