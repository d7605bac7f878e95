/**
 * Expands the Adaptive Card templates in `cards/` with view data. Templates are loaded once;
 * user text only ever arrives as data, so it is shown as written and never evaluated.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { APP_ROOT } from '../app-root.js';

export const CARD_NAMES = [
  'answer',
  'agenda',
  'agenda-form',
  'actions',
  'action-form',
  'lead-form',
  'minutes-preview',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

const CARDS_FOLDER = path.join(APP_ROOT, 'cards');
const templates = new Map<CardName, ACData.Template>();

function template(name: CardName): ACData.Template {
  let loaded = templates.get(name);
  if (!loaded) {
    loaded = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_FOLDER, `${name}.json`), 'utf8')));
    templates.set(name, loaded);
  }
  return loaded;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

export function expandCard(name: CardName, data: object): AdaptiveCard {
  return template(name).expand({ $root: data }) as AdaptiveCard;
}

/**
 * Loads and expands templates once, at start: the templating engine builds its expression parser
 * on first use (60 ms or so), and each template its own expressions (10-30 ms), which would
 * otherwise fall on the first reply of each kind.
 */
export function primeCards(names: readonly CardName[] = CARD_NAMES): void {
  for (const name of names) expandCard(name, {});
}
