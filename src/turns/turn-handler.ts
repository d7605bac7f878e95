/** The shape of one row of the turn table (see turn-handlers.ts). */
import type { ResolvedPartnership } from '../core/partnerships/resolve-partnership.js';
import type { Partnership } from '../core/model/model.js';
import type { Permission } from '../core/model/permissions.js';
import type { Turn, TurnOutcome, TurnServices } from './turn.js';

/** The turn's partnership, once known, and whether the person is one of its members. */
export interface PartnershipScope {
  partnership: Partnership;
  resolved: ResolvedPartnership & { partnership: Partnership };
  member: boolean;
}

/** What a matching handler does with the turn. */
export type Handle = () => Promise<TurnOutcome>;

/** One line of help: who can do it, and an example of saying it. */
export interface HelpLine {
  who: 'anyone' | 'members' | Permission;
  topic: string;
  example: string;
  /** Whether pressing the example may send it as it stands (false when it would log or change something). */
  pressable: boolean;
}

/** An entry of the app's command menu in Teams (the manifest's commandLists). */
export interface MenuEntry {
  scopes: readonly ('personal' | 'team' | 'groupChat')[];
  title: string;
  description: string;
}

interface HandlerCommon {
  name: string;
  /** Card verbs this handler answers (see core/card-verbs.ts): a press goes only to the handler listing it. */
  verbs?: readonly string[];
  help?: readonly HelpLine[];
  menu?: readonly MenuEntry[];
}

/** Read before the turn's partnership is known: the directory's commands, minutes files. */
export interface DirectoryHandler extends HandlerCommon {
  needs: 'nothing';
  match(turn: Turn, services: TurnServices): Handle | null;
}

/**
 * Read in the turn's partnership. A 'membership' handler that matches for someone outside the
 * partnership is answered "for members only" instead of being handled.
 */
export interface PartnershipHandler extends HandlerCommon {
  needs: 'partnership' | 'membership';
  match(turn: Turn, services: TurnServices, scope: PartnershipScope): Handle | null;
}

export type TurnHandler = DirectoryHandler | PartnershipHandler;
