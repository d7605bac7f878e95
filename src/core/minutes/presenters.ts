/**
 * Who presented an item: the people a paragraph says introduced, presented, gave or provided the
 * update, report or presentation ("Mr P Breckon introduced the update", "Mr Powell gave Members an
 * update", "Ms S Annan-Veitch, Ms A Tyler and Ms S Scott then gave a presentation"). Someone who
 * "gave an overview" or "gave further details" spoke but did not present.
 */

export interface PlacedMention {
  start: number;
  /** End of the name and of any role written after it. */
  end: number;
}

/** The verb phrase of presenting, read right after the name (or the last name of a list). */
const PRESENTING = new RegExp(
  [
    String.raw`^\s*(?:,\s*)?(?:then\s+|also\s+|jointly\s+|briefly\s+|formally\s+)?`,
    '(?:',
    String.raw`introduc\w*`,
    String.raw`|presented`,
    // "gave an update", "provided Members with a verbal update", "gave a presentation"; not "gave an overview of updates".
    String.raw`|(?:gave|provided|delivered|led)\s+(?:(?:the\s+)?(?:Members|members|Partnership|partnership|Committee|committee|Board|board|Group|group)\s+(?:with\s+)?)?(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:(?!of\b)[\w-]+\s+){0,2}?(?:update|report|presentation|briefing)s?\b`,
    String.raw`|updated\s+(?:the\s+)?(?:Members|members|Partnership|partnership|Committee|committee|Board|board|Group|group)`,
    ')',
  ].join(''),
);
const LIST_JOINER = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$/;
/** "The Board received a presentation from Bradley Few": the presenting words come before the name. */
const PRESENTED_BY = /\b(?:presentation|update|report|briefing)s?\s(?:was\s(?:given|received)\s)?(?:from|by)\s$/i;

/** Indexes of the mentions that presented, for one paragraph. */
export function findPresenters(text: string, mentions: readonly PlacedMention[]): number[] {
  const presenters: number[] = [];
  let group: number[] = [];
  mentions.forEach((mention, i) => {
    group.push(i);
    const next = mentions[i + 1];
    // "A, B and C then gave a presentation": the verb after the last name covers the whole list.
    if (next && LIST_JOINER.test(text.slice(mention.end, next.start))) return;
    const first = group[0] === undefined ? undefined : mentions[group[0]];
    if (
      PRESENTING.test(text.slice(mention.end)) ||
      (first && PRESENTED_BY.test(text.slice(Math.max(0, first.start - 60), first.start)))
    )
      presenters.push(...group);
    group = [];
  });
  return presenters;
}
