/**
 * Turns the layout readers' raw items into meeting items: minutes paragraphs, resolution, links,
 * the people named in them (with their roles) and who presented. People are recorded as mention
 * handles; ids are filled in once the whole document has been read.
 */
import type { MeetingItem } from '../model/model.js';
import type { RawItem } from './parsed-document.js';
import { collectName, type PeopleCollector } from './people-collector.js';
import { findNameMentions } from './people-names.js';
import { readRoleAfter, readRoleBefore } from './people-roles.js';
import { findPresenters } from './presenters.js';
import { readApologiesParagraphs, type Attendance } from './read-attendance.js';
import { readItemBody, type ItemBody } from './read-item-body.js';
import { slugify } from './text-cleaning.js';

export interface BuiltItem {
  /** The item with `presenters` still empty. */
  item: MeetingItem;
  presenterHandles: number[];
  body: ItemBody;
  /** The item's only content is an apologies list, so a missing RESOLVED is expected. */
  attendanceOnly: boolean;
}

function uniqueItemId(wanted: string, taken: Set<string>): string {
  let id = wanted || 'item';
  for (let n = 2; taken.has(id); n++) id = `${wanted || 'item'}-${n}`;
  taken.add(id);
  return id;
}

/** Collects the people of one paragraph and returns the handles of those who presented. */
function readParagraphPeople(text: string, ref: string, collector: PeopleCollector): number[] {
  const placed = findNameMentions(text).map((mention) => {
    const role = readRoleAfter(text, mention.end);
    const handle = collectName(collector, mention, ref, role?.role ?? readRoleBefore(text, mention.start, mention.end));
    return { handle, start: mention.start, end: role?.end ?? mention.end };
  });
  return findPresenters(text, placed)
    .map((i) => placed[i]?.handle ?? -1)
    .filter((h) => h >= 0);
}

export function buildItem(
  raw: RawItem,
  file: string,
  collector: PeopleCollector,
  attendance: Attendance,
  takenIds: Set<string>,
): BuiltItem {
  const body = readItemBody(raw.lines);
  const ref = raw.code ?? raw.title;
  const presenterHandles: number[] = [];
  let apologiesParagraphs = 0;
  for (let i = 0; i < body.paragraphs.length; i++) {
    const listed = readApologiesParagraphs(body.paragraphs, i, ref, collector, attendance);
    apologiesParagraphs += listed;
    if (listed > 0) i += listed - 1;
    else presenterHandles.push(...readParagraphPeople(body.paragraphs[i]?.text ?? '', ref, collector));
  }
  const item: MeetingItem = {
    id: uniqueItemId(raw.code ?? slugify(raw.title), takenIds),
    ...(raw.code ? { code: raw.code } : {}),
    title: raw.title,
    minutes: body.paragraphs.map((p) => p.text),
    ...(body.resolution ? { resolution: body.resolution } : {}),
    presenters: [],
    links: body.links,
    sources: [{ doc: file, ref }],
  };
  return {
    item,
    presenterHandles,
    body,
    attendanceOnly: apologiesParagraphs > 0 && apologiesParagraphs === body.paragraphs.length,
  };
}

/** Warnings a reader should see: minutes without a decision, and a page that stops mid-item. */
export function warnAboutItems(built: readonly BuiltItem[]): string[] {
  const warnings: string[] = [];
  built.forEach(({ item, body, attendanceOnly }, i) => {
    const label = `item ${item.code ?? `"${item.title}"`}`;
    if (item.minutes.length > 0 && !item.resolution && !attendanceOnly) {
      warnings.push(`${label} has minutes but no RESOLVED line: kept without a resolution`);
    }
    if (i !== built.length - 1) return;
    if (item.minutes.length === 0 && !item.resolution) warnings.push(`${label} is empty: the page may be cut off`);
    else if (body.endsMidSentence)
      warnings.push(`${label} stops mid-sentence: the page may be cut off; kept what is there`);
  });
  return warnings;
}
