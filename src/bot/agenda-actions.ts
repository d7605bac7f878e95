/**
 * The agenda card's buttons reaching the bot: as an `adaptiveCard/action` invoke (Universal
 * Actions: the answer is stored and the card the member sees is replaced by their own view) or,
 * from clients without them, as an Action.Submit message. After a stored answer the posted
 * cards are brought up to date in the background so that everyone sees the counts.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { recordAttendance, responderId, type AttendanceOutcome } from '../core/agendas/record-attendance.js';
import type { Partnership } from '../core/model.js';
import type { Actor } from '../core/roles/permissions.js';
import { renderAgendaCard } from '../views/agenda-card.js';
import { organiserIds } from '../core/agendas/not-answered.js';
import type { PartnershipRecords } from './partnership-bot.js';

export interface AgendaActionDeps {
  records: PartnershipRecords;
  /** Brings the posted cards up to date after the reply; runs in the background. */
  refreshPosts?: (partnershipId: string, agendaId: string) => void;
}

/** Whether a message's value is an agenda card action sent by Action.Submit. */
export function isAgendaSubmit(value: unknown): value is { verb: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { verb?: unknown }).verb === 'string' &&
    (value as { verb: string }).verb.startsWith('agenda.')
  );
}

async function apply(partnership: Partnership, outcome: AttendanceOutcome, deps: AgendaActionDeps): Promise<void> {
  if (!outcome.change || !outcome.agenda) return;
  await deps.records.update(partnership.id, outcome.change);
  deps.refreshPosts?.(partnership.id, outcome.agenda.id);
}

function viewerOf(partnership: Partnership, actor: Actor, organiser: boolean) {
  return {
    userId: responderId(actor),
    organiser,
    expected: partnership.roles.map((r) => ({ userId: r.userId, name: r.name })),
  };
}

/** A plain message instead of a card; the SDK's type only knows card values, the protocol allows text. */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text,
  } as unknown as AdaptiveCardInvokeResponse;
}

export async function answerCardInvoke(
  partnership: Partnership,
  action: { verb: unknown; data: unknown },
  actor: Actor,
  now: Date,
  deps: AgendaActionDeps,
): Promise<AdaptiveCardInvokeResponse> {
  const outcome = recordAttendance(partnership, action, actor, now);
  await apply(partnership, outcome, deps);
  if (!outcome.agenda) return messageResponse(outcome.message);
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: renderAgendaCard(
      outcome.agenda,
      viewerOf(partnership, actor, outcome.organiser),
      outcome.message,
      organiserIds(partnership),
    ),
  };
}

export async function answerCardSubmit(
  context: TurnContext,
  partnership: Partnership,
  value: { verb: string },
  actor: Actor,
  now: Date,
  deps: AgendaActionDeps,
): Promise<void> {
  const { verb, ...data } = value as { verb: string } & Record<string, unknown>;
  const outcome = recordAttendance(partnership, { verb, data }, actor, now);
  await apply(partnership, outcome, deps);
  await context.sendActivity(outcome.message || 'Here is the agenda.');
}
