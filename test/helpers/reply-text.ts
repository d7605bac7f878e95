/**
 * Turns the activities the bot sent for one turn into the "reply text" the acceptance spec talks
 * about: every message's `text` plus the visible text of every attached Adaptive Card after
 * templating (TextBlock and RichTextBlock TextRun `text`, FactSet titles and values), wherever it sits
 * in the card tree — containers, columns, table cells, and the cards nested in Action.ShowCard.
 * Assertions then compare this against expected phrases via `normaliseForCompare`, which folds the
 * typographic differences (curly quotes, dashes, non-breaking spaces, case) that a human reader
 * would not notice but a string comparison would.
 */

const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Collects visible strings in document order. Only `text` (TextBlock, TextRun, RichTextBlock inline
 * strings) and FactSet `title`/`value` count: titles of actions, ids, urls and input placeholders are
 * not part of what the spec calls the reply text.
 */
export function cardVisibleText(card: unknown): string[] {
  const out: string[] = [];
  walk(card, out);
  return out;
}

function walk(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, out);
    return;
  }
  if (!isRecord(node)) return;
  const type = node['type'];

  if (type === 'FactSet' && Array.isArray(node['facts'])) {
    for (const fact of node['facts']) {
      if (!isRecord(fact)) continue;
      if (typeof fact['title'] === 'string') out.push(fact['title']);
      if (typeof fact['value'] === 'string') out.push(fact['value']);
    }
    return;
  }
  if (type === 'RichTextBlock' && Array.isArray(node['inlines'])) {
    // Inlines may be bare strings as well as TextRun objects.
    for (const inline of node['inlines']) {
      if (typeof inline === 'string') out.push(inline);
      else walk(inline, out);
    }
    return;
  }
  if (typeof node['text'] === 'string' && (type === 'TextBlock' || type === 'TextRun')) {
    out.push(node['text']);
  }

  // Children live under several keys depending on the element; walking them all in a fixed order
  // keeps output in reading order without a per-element table that would drift from the schema.
  for (const key of ['body', 'items', 'columns', 'rows', 'cells', 'inlines', 'card', 'actions']) {
    if (key in node) walk(node[key], out);
  }
}

/** The card payload of an attachment, tolerating content serialised as a JSON string. */
function adaptiveCardContent(attachment: unknown): unknown {
  if (!isRecord(attachment) || attachment['contentType'] !== ADAPTIVE_CARD_CONTENT_TYPE) return undefined;
  const content = attachment['content'];
  if (typeof content === 'string') {
    try {
      return JSON.parse(content) as unknown;
    } catch {
      return undefined;
    }
  }
  return content;
}

/** Every visible string the bot sent for one turn, in send order. */
export function replyParts(activities: readonly unknown[]): string[] {
  const parts: string[] = [];
  for (const activity of activities) {
    if (!isRecord(activity)) continue;
    if (activity['type'] !== undefined && activity['type'] !== 'message') continue;
    if (typeof activity['text'] === 'string' && activity['text'].length > 0) parts.push(activity['text']);
    if (Array.isArray(activity['attachments'])) {
      for (const attachment of activity['attachments']) {
        const card = adaptiveCardContent(attachment);
        if (card !== undefined) parts.push(...cardVisibleText(card));
      }
    }
  }
  return parts;
}

/** The reply text for one turn: all parts joined by newlines so phrases never merge across parts. */
export function replyText(activities: readonly unknown[]): string {
  return replyParts(activities).join('\n');
}

export function normaliseForCompare(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
