/**
 * Turns an answer into its Adaptive Card: every string is computed here and bound as data into
 * `cards/answer.json`. Long answers are cut to stay well inside Teams' 80 KB message limit.
 */
import type { Answer } from '../core/answers/answer.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';
import { sourceLabel, sourcesLine } from './source-label.js';

/** Teams refuses messages over about 80 KB; leave room for the activity around the card. */
export const MAX_CARD_BYTES = 60_000;
const MAX_ACTIONS = 4;
const MAX_ENTRY_CHARS = 1_500;
const MAX_PAGE_LINKS = 2;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Buttons to the published pages of the answer's sources, where known (at most two). */
function publishedPages(sources: Answer['sources']): { title: string; url: string }[] {
  const byUrl = new Map<string, string>();
  for (const s of sources) if (s.url && !byUrl.has(s.url)) byUrl.set(s.url, sourceLabel(s).split(',')[0] ?? '');
  return [...byUrl].slice(0, MAX_PAGE_LINKS).map(([url, label]) => ({ title: `Open: ${label}`, url }));
}

export function answerCardData(answer: Answer): object {
  const actions = answer.suggestions.slice(0, MAX_ACTIONS).map((question) => ({ label: question, question }));
  if (answer.more) actions.unshift({ label: answer.more.label, question: answer.more.question });
  return {
    title: answer.title,
    summary: answer.summary,
    entries: answer.entries.map((e) => ({
      heading: e.heading ?? '',
      text: clip(e.text, MAX_ENTRY_CHARS),
      source: e.sources && e.sources.length > 0 && answer.entries.length > 1 ? sourcesLine(e.sources, 2) : '',
      question: e.question ?? '',
    })),
    facts: answer.facts,
    source: sourcesLine(answer.sources),
    sourceLinks: publishedPages(answer.sources),
    linkLabel: answer.link?.label ?? '',
    linkUrl: answer.link?.url ?? '',
    actions: actions.slice(0, MAX_ACTIONS + 1),
  };
}

export function renderAnswerCard(answer: Answer): AdaptiveCard {
  let current = answer;
  let card = expandCard('answer', answerCardData(current));
  while (Buffer.byteLength(JSON.stringify(card)) > MAX_CARD_BYTES && current.entries.length > 1) {
    const kept = Math.floor(current.entries.length / 2);
    current = {
      ...current,
      entries: current.entries.slice(0, kept),
      summary: `${current.summary} (first ${kept} shown)`,
    };
    card = expandCard('answer', answerCardData(current));
  }
  return card;
}
