/**
 * The shapes the minutes importer passes around: what a layout reader sees on the page
 * (`RawDocument`, still text) and what the importer hands back (`ParsedDocument`, domain records).
 * Layout readers only cut the page into header and items; everything that gives the text meaning
 * (paragraphs, RESOLVED, people) is done once for all layouts in `build-parsed-document.ts`.
 */
import type { Meeting, Person } from '../model/model.js';

export type Layout = 'agenda-item' | 'minutes-page' | 'markdown-notes' | 'report' | 'general';

export interface ParsedDocument {
  /** Base file name, used in `Source.doc`. */
  file: string;
  layout: Layout;
  /** Null for a report. */
  meeting: Meeting | null;
  /** Future dates listed in the minutes, status 'planned'. */
  plannedMeetings: Meeting[];
  people: Person[];
  warnings: string[];
  /** The web page it was read from, when known: answers citing it link there. */
  publishedAt?: string;
}

/** One line of the file, already cleaned of markdown, with its 1-based number for messages. */
export interface RawLine {
  text: string;
  line: number;
  /** Links the original line held, where cleaning the markdown dropped the address (`[text](url)`). */
  links?: string[];
}

export interface RawItem {
  code?: string;
  title: string;
  line: number;
  /** The item's content lines (minutes, RESOLVED, lettered parts), blank lines kept as ''. */
  lines: RawLine[];
}

export interface RawDocument {
  layout: Layout;
  body?: string;
  /** ISO date of the meeting (or of the committee a report goes to). */
  date?: string;
  time?: string;
  venue?: string;
  /** Lines before the first item that may hold PRESENT / apologies lists. */
  header: RawLine[];
  items: RawItem[];
  /** Report author lines, "Anna Taylor, Scrutiny Research Officer", with the label they came under. */
  authors: { text: string; label: string }[];
  warnings: string[];
}
