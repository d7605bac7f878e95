/**
 * What the answer engine returns: the fact asked for, stated once, with its sources and a few
 * follow-up suggestions. Views turn it into a card; nothing here knows about cards or Teams.
 */
import type { Source } from '../model/model.js';

/** A source as an answer cites it: the stored source, with a title people can read where one is known. */
export interface Citation extends Source {
  label?: string;
  /** The published page of the document, where known. */
  url?: string;
}

export type AnswerKind =
  | 'greeting'
  | 'help'
  | 'thanks'
  | 'priorities'
  | 'priority-check'
  | 'themes'
  | 'history'
  | 'lead'
  | 'leads'
  | 'resolutions'
  | 'meeting'
  | 'meetings'
  | 'attendance'
  | 'person'
  | 'search'
  | 'draft-actions'
  | 'resolution-recorded'
  | 'role-granted'
  | 'roles'
  | 'channels'
  | 'agenda'
  | 'actions'
  | 'export'
  | 'refused'
  | 'invalid'
  | 'clarify'
  | 'unknown';

/** One row of a list answer: a resolution, a priority, a person. */
export interface AnswerEntry {
  heading?: string;
  text: string;
  /** Where this row comes from, when the answer lists rows from different places. */
  sources?: Citation[];
  /** A question that clicking the row asks (help examples). */
  question?: string;
}

export interface Answer {
  kind: AnswerKind;
  /** Card heading, e.g. "Road Safety: lead". */
  title: string;
  /** The answer in one or two sentences; also the message's plain text. */
  summary: string;
  entries: AnswerEntry[];
  facts: { title: string; value: string }[];
  sources: Citation[];
  /** Questions the member can click next (at most a few). */
  suggestions: string[];
  /** The next page of a long list, as a question that asks for it. */
  more?: { label: string; question: string };
  /** A web page to open (the actions export). */
  link?: { label: string; url: string };
}

export function makeAnswer(kind: AnswerKind, title: string, summary: string, rest: Partial<Answer> = {}): Answer {
  return { kind, title, summary, entries: [], facts: [], sources: [], suggestions: [], ...rest };
}
