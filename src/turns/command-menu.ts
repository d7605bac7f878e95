/**
 * The app's command menu in Teams (the manifest's `commandLists`), generated from the turn table:
 * questions first, help last, one list for personal chats and one for teams and group chats.
 */
import type { MenuEntry, TurnHandler } from './turn-handler.js';
import { TURN_HANDLERS } from './turn-handlers.js';

export interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}

const LISTS: readonly { scopes: string[]; shows: MenuEntry['scopes'][number] }[] = [
  { scopes: ['personal'], shows: 'personal' },
  { scopes: ['team', 'groupChat'], shows: 'team' },
];

function rank(handler: TurnHandler): number {
  return handler.name === 'questions' ? 0 : handler.name === 'help' ? 2 : 1;
}

export function commandMenu(handlers: readonly TurnHandler[] = TURN_HANDLERS): CommandList[] {
  const ordered = [...handlers].sort((a, b) => rank(a) - rank(b));
  return LISTS.map(({ scopes, shows }) => ({
    scopes,
    commands: ordered.flatMap((h) =>
      (h.menu ?? []).filter((m) => m.scopes.includes(shows)).map(({ title, description }) => ({ title, description })),
    ),
  }));
}
