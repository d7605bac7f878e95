/**
 * Runs a turn through the turn table (see turn-handlers.ts): the first handler that takes it
 * answers, after the turn's partnership is known and, for internal records, after membership is
 * checked. Knows nothing of any SDK: `src/bot` turns activities into turns and outcomes into activities.
 */
import { memberOfResolved, membersOnly } from '../core/partnerships/membership.js';
import type { PartnershipScope, TurnHandler } from './turn-handler.js';
import { TURN_HANDLERS } from './turn-handlers.js';
import { answered, texted, type Turn, type TurnOutcome, type TurnServices } from './turn.js';
import { rememberMember, resolveTurn } from './turn-partnership.js';

/** Whether a handler is one to try for this turn: a card press only goes to the handler listing its verb. */
function takes(handler: TurnHandler, turn: Turn): boolean {
  return !turn.card || (handler.verbs?.includes(turn.card.verb) ?? false);
}

async function handled(
  turn: Turn,
  services: TurnServices,
  handlers: readonly TurnHandler[],
): Promise<{ outcome: TurnOutcome; scope?: PartnershipScope }> {
  let scope: PartnershipScope | undefined;
  for (const handler of handlers) {
    if (!takes(handler, turn)) continue;
    if (handler.needs === 'nothing') {
      const handle = handler.match(turn, services);
      if (handle) return { outcome: await handle() };
      continue;
    }
    if (!scope) {
      const resolved = resolveTurn(services.records, turn);
      if ('ask' in resolved) return { outcome: answered('which-partnership', resolved.ask) };
      const member = memberOfResolved(services.records.directory(), resolved, turn.input.actor);
      scope = { partnership: resolved.partnership, resolved, member };
    }
    const handle = handler.match(turn, services, scope);
    if (!handle) continue;
    if (handler.needs === 'membership' && !scope.member)
      return { outcome: answered('members-only', membersOnly(scope.partnership)), scope };
    return { outcome: await handle(), scope };
  }
  return {
    outcome: texted('unknown-card-action', 'That is not something this card can do; nothing was changed.', 'invalid'),
  };
}

/** The outcome of a turn; the member is remembered (see turn-partnership.ts) when the turn did what was asked. */
export async function runTurn(
  turn: Turn,
  services: TurnServices,
  handlers: readonly TurnHandler[] = TURN_HANDLERS,
): Promise<TurnOutcome> {
  const { outcome, scope } = await handled(turn, services, handlers);
  if (outcome.remember)
    await rememberMember(services.records, turn, scope?.member ? scope.resolved : undefined).catch((error: unknown) =>
      services.logger.warn({ err: error }, 'could not remember the conversation; answered anyway'),
    );
  return outcome;
}

/** The handler that would take a turn, for tests of the table (help examples, menu entries). */
export function handlerFor(turn: Turn, scope: PartnershipScope, services: TurnServices): string | undefined {
  return TURN_HANDLERS.find((h) => {
    if (!takes(h, turn)) return false;
    return h.needs === 'nothing' ? h.match(turn, services) !== null : h.match(turn, services, scope) !== null;
  })?.name;
}
