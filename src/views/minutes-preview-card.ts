/** The preview of minutes files before they are imported: what each holds, and Import / Cancel. */
import type { FilePreview } from '../core/minutes-import/import-preview.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';

export interface MinutesPreviewView {
  importId: string;
  files: FilePreview[];
  notRead: { file: string; reason: string }[];
  /** Partnerships the member may import into, the proposed one first. */
  choices: { id: string; name: string }[];
  expiresInMinutes: number;
}

export function renderMinutesPreviewCard(view: MinutesPreviewView): AdaptiveCard {
  const [first] = view.choices;
  const into = view.choices.length > 1 ? 'Choose the partnership below, then press Import' : `Press Import to add them to the ${first?.name ?? 'partnership'}`;
  return expandCard('minutes-preview', {
    title: view.files.length === 1 ? 'Minutes to import' : `Minutes to import (${view.files.length} files)`,
    summary: `Nothing is saved yet. ${into}, or Cancel. This preview lasts ${view.expiresInMinutes} minutes.`,
    files: view.files.map((f) => ({ ...f, warnings: f.warnings.map((text) => ({ text })) })),
    notRead: view.notRead,
    choices: view.choices.map((c) => ({ title: c.name, value: c.id })),
    partnershipId: first?.id ?? '',
    importId: view.importId,
  });
}
