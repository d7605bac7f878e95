/**
 * Which meetings a question is about, from its frame: those a date, month or year names; the one
 * that approved the minutes of a date (or, undated, names it as its previous meeting); the one whose
 * sentence says most closely what the question's clause says ("where Cassie Newman gave the CRC
 * update", "chaired by Ann Lee"); the last one; else all, newest first.
 */
import type { Meeting } from '../model/model.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { QuestionFrame } from './question-frame.js';
import { meetingText, type ReadingIndex, type Sentence } from './reading-index.js';
import { MONTH_NAMES } from '../text/month-names.js';

/** How much of a clause one sentence says: words found, less a little for how far apart they are. */
function clauseScore(sentence: Sentence, clause: readonly string[]): number {
  const found = clause.filter((t) => sentence.order.includes(t));
  if (found.length < 2) return found.length;
  const positions = found.map((t) => sentence.order.indexOf(t)).filter((p) => p >= 0);
  const span = Math.max(...positions) - Math.min(...positions);
  return found.length - Math.min(0.9, span / 20);
}

/** The meetings a question is about, newest first; for a fact, all when its dates pick none. */
export function meetingsAsked(kb: KnowledgeBase, index: ReadingIndex, frame: QuestionFrame): Meeting[] {
  const newestFirst = kb.partnership.meetings
    .filter((m) => m.status !== 'planned')
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const { dates, approvedMinutes, clause, last } = frame.meeting;
  const picked = new Set<Meeting>();
  for (const d of dates) {
    const own = newestFirst.filter((m) => (d.length === 2 ? m.date?.slice(5, 7) === d : m.date?.startsWith(d)));
    // The meeting that approved the minutes of that date (or, undated, names it as its previous meeting).
    const approving = newestFirst.filter(
      (m) => (index.approved.get(m.id) ?? []).some((a) => a.startsWith(d)) && !m.date?.startsWith(d),
    );
    const monthOnly =
      d.length === 2
        ? newestFirst.filter(
            (m) =>
              !m.date &&
              meetingText(m)
                .toLowerCase()
                .includes(MONTH_NAMES[Number(d) - 1] ?? '\0'),
          )
        : [];
    const chosen =
      approvedMinutes && approving.length > 0
        ? approving
        : own.length > 0
          ? [...own, ...monthOnly]
          : [...approving, ...monthOnly];
    chosen.forEach((m) => picked.add(m));
  }
  if (clause.length > 0) {
    // The meeting with the one sentence that says most of the clause ("Cllr Beddow was confirmed as Chair"), its words closest together.
    const hitsIn = (m: Meeting) => Math.max(0, ...(index.byMeeting.get(m.id) ?? []).map((s) => clauseScore(s, clause)));
    const scored = newestFirst.map((m) => ({ m, hits: hitsIn(m) }));
    const best = Math.max(0, ...scored.map((s) => s.hits));
    if (best >= Math.min(1.5, clause.length)) scored.filter((s) => s.hits === best).forEach((s) => picked.add(s.m));
  }
  if (picked.size > 0) return [...picked];
  if (dates.length > 0 && frame.kind !== 'fact' && frame.kind !== 'decision' && frame.kind !== 'action') return [];
  if (last) return newestFirst.filter((m) => m.date).slice(0, 1);
  return newestFirst;
}
