/** The preview of minutes files before they are imported: what each holds, and Import / Cancel. */
import type { FilePreview } from '../core/minutes-import/import-preview.js';
import { MAX_CARD_BYTES } from './answer-card.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';

export interface MinutesPreviewView {
  importId: string;
  files: FilePreview[];
  notRead: { file: string; reason: string }[];
  /** Partnerships the member may import into, the proposed one first. */
  choices: { id: string; name: string }[];
  expiresInMinutes: number;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Fewer items and shorter texts per file, for a card that would be over the Teams message size. */
function shorten(file: FilePreview, items: number, chars: number): FilePreview {
  const shown = file.items.slice(0, items).map((i) => ({ heading: clip(i.heading, chars), text: clip(i.text, chars) }));
  if (file.items.length > items) shown.push({ heading: `and ${file.items.length - items} more items`, text: '' });
  return {
    ...file,
    items: shown,
    people: clip(file.people, chars * 4),
    present: clip(file.present, chars * 4),
    apologies: clip(file.apologies, chars * 4),
    drafts: file.drafts.slice(0, items),
  };
}

function render(view: MinutesPreviewView, files: FilePreview[]): AdaptiveCard {
  const [first] = view.choices;
  const into =
    view.choices.length > 1
      ? 'Choose the partnership below, then press Import'
      : `Press Import to add them to the ${first?.name ?? 'partnership'}`;
  return expandCard('minutes-preview', {
    title: files.length === 1 ? 'Minutes to import' : `Minutes to import (${files.length} files)`,
    summary: `Nothing is saved yet. ${into}, or Cancel. This preview lasts ${view.expiresInMinutes} minutes.`,
    files: files.map((f) => ({ ...f, warnings: f.warnings.map((text) => ({ text })) })),
    notRead: view.notRead,
    choices: view.choices.map((c) => ({ title: c.name, value: c.id })),
    partnershipId: first?.id ?? '',
    importId: view.importId,
  });
}

export function renderMinutesPreviewCard(view: MinutesPreviewView): AdaptiveCard {
  let card = render(view, view.files);
  for (const [items, chars] of [
    [10, 200],
    [5, 120],
    [2, 80],
  ] as const) {
    if (Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES) break;
    card = render(
      view,
      view.files.map((f) => shorten(f, items, chars)),
    );
  }
  return card;
}
