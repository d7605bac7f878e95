/**
 * The actions the importer proposed from the minutes, listed as what they are: drafts awaiting
 * the secretariat, not agreed actions.
 */
import { makeAnswer, type Answer } from './answer.js';
import { formatDate, formatMonth, itemLabel, meetingLabel, uniqueSources } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';

function dueLabel(due: string | undefined): string {
  if (!due) return 'no due date stated';
  return `due ${due.length === 7 ? formatMonth(due) : formatDate(due)}`;
}

export function answerDraftActions(kb: KnowledgeBase): Answer {
  const drafts = kb.partnership.draftActions.filter((d) => d.status === 'draft');
  if (drafts.length === 0) {
    return makeAnswer(
      'draft-actions',
      'Draft actions',
      'There are no draft actions waiting: nothing proposed from the minutes is awaiting the secretariat.',
    );
  }
  return makeAnswer(
    'draft-actions',
    'Draft actions from the minutes',
    `${drafts.length} draft actions were proposed from the minutes. They are not agreed actions until the secretariat confirms them ("confirm draft D1") or discards them ("discard draft D1").`,
    {
      entries: drafts.map((d) => {
        const ref = kb.item(`${d.meetingId}#${d.itemId}`);
        return {
          heading: `D${kb.partnership.draftActions.indexOf(d) + 1}  ${d.owner}: ${d.what}`,
          text: `${dueLabel(d.due)}; from ${ref ? `${itemLabel(ref.item)}, ${meetingLabel(ref.meeting)}` : d.meetingId}: "${d.sentence}"`,
          sources: d.sources,
        };
      }),
      sources: uniqueSources(drafts.flatMap((d) => d.sources)),
    },
  );
}
