/**
 * Turns a meeting reference ("last", "21 March 2023", "the March meeting") into the meetings
 * on record. "Last" means the latest meeting held on or before today; "next" the first after.
 */
import type { Meeting } from '../model/model.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { MeetingReference } from './meeting-reference.js';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Meetings that actually took place (minutes exist), oldest first. */
export function heldMeetings(kb: KnowledgeBase, today: Date): Meeting[] {
  const todayIso = isoDay(today);
  return kb.datedMeetings.filter((m) => m.status === 'held' && (m.date ?? '') <= todayIso);
}

export function lastMeeting(kb: KnowledgeBase, today: Date): Meeting | undefined {
  return heldMeetings(kb, today).at(-1);
}

export function nextMeeting(kb: KnowledgeBase, today: Date): Meeting | undefined {
  const todayIso = isoDay(today);
  return kb.datedMeetings.find((m) => (m.date ?? '') > todayIso);
}

/** The meetings a reference points at, most recent first. */
export function findMeetings(kb: KnowledgeBase, ref: MeetingReference, today: Date): Meeting[] {
  switch (ref.kind) {
    case 'last': {
      const last = lastMeeting(kb, today);
      return last ? [last] : [];
    }
    case 'next': {
      const next = nextMeeting(kb, today);
      return next ? [next] : [];
    }
    case 'date':
      return kb.datedMeetings.filter((m) => m.date === ref.date);
    case 'day-month':
      return mostRecentFirst(kb.datedMeetings.filter((m) => monthOf(m) === ref.month && dayOf(m) === ref.day));
    case 'month':
      return mostRecentFirst(
        kb.partnership.meetings.filter(
          (m) => monthOf(m) === ref.month && (ref.year === undefined || yearOf(m) === ref.year),
        ),
      );
    case 'year':
      return kb.partnership.meetings.filter((m) => yearOf(m) === ref.year).sort(byDate);
  }
}

function parts(meeting: Meeting): number[] {
  return (meeting.date ?? meeting.month ?? '').split('-').map(Number);
}
function yearOf(meeting: Meeting): number | undefined {
  return parts(meeting)[0];
}
function monthOf(meeting: Meeting): number | undefined {
  return parts(meeting)[1];
}
function dayOf(meeting: Meeting): number | undefined {
  return parts(meeting)[2];
}
function byDate(a: Meeting, b: Meeting): number {
  return (a.date ?? a.month ?? '').localeCompare(b.date ?? b.month ?? '');
}
function mostRecentFirst(meetings: Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => byDate(b, a));
}
