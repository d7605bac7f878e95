/**
 * Posts the weekly actions digest to each linked channel and, in the same round, a personal
 * reminder to each owner of an overdue action the bot can reach (a member who has chatted with
 * it). Each destination is saved before the next, under the week's key, so a restart resumes an
 * interrupted round and never repeats a finished one.
 */
import {
  digestAnswer,
  latestDigestSlot,
  overdueByOwner,
  overdueReminder,
  type DigestSchedule,
} from '../core/actions/digest.js';
import type { ConversationRef } from '../core/model/model.js';
import { renderAnswerCard } from '../views/answer-card.js';
import type { ActionRecords } from '../turns/ports.js';
import type { ScheduledDeps } from './reminder-scheduler.js';

export interface DigestDeps extends ScheduledDeps {
  actions: ActionRecords;
  /** Personal chats the bot has with members. */
  personalConversations(): readonly ConversationRef[];
}

/** A digest more than this late is stale: next week's will say the same, up to date. */
const CATCH_UP_MS = 3 * 86_400_000;

export async function sendDueDigest(deps: DigestDeps, schedule: DigestSchedule): Promise<void> {
  const { records, poster, clock, logger, actions } = deps;
  const slot = latestDigestSlot(schedule, clock());
  if (clock().getTime() - slot.at.getTime() > CATCH_UP_MS) return;
  for (const partnershipId of records.partnershipIds()) {
    const partnership = records.partnership(partnershipId);
    if (!partnership || partnership.channels.length === 0) continue;
    const state =
      partnership.digest?.week === slot.week ? partnership.digest : { week: slot.week, sentTo: [] as string[] };
    if (state.done) continue;
    const all = actions.view(partnershipId).all();
    // A channel linked after this week's digest was due waits for next week's, and with no actions there is nothing to post.
    const channels =
      all.length === 0 ? [] : partnership.channels.filter((c) => new Date(c.linkedAt).getTime() <= slot.at.getTime());
    const destinations: { key: string; ref: ConversationRef; card: object }[] = channels.map((c) => ({
      key: c.ref.conversationId,
      ref: c.ref,
      card: renderAnswerCard(digestAnswer(partnership.name, all, clock())),
    }));
    const personal = deps.personalConversations();
    for (const [userId, overdue] of overdueByOwner(all, clock(), partnership)) {
      const ref = personal.find((c) => c.userId === userId);
      if (ref)
        destinations.push({ key: `user:${userId}`, ref, card: renderAnswerCard(overdueReminder(overdue, clock())) });
    }
    for (const destination of destinations.filter((d) => !state.sentTo.includes(d.key))) {
      try {
        await poster.postCard(destination.ref, destination.card);
      } catch (error) {
        logger.error({ err: error, destination: destination.key }, 'could not post the digest; will try again');
        continue;
      }
      await records.update(partnershipId, (target) => {
        const sentTo = target.digest?.week === slot.week ? target.digest.sentTo : [];
        target.digest = { week: slot.week, sentTo: [...sentTo, destination.key] };
      });
    }
    await records.update(partnershipId, (target) => {
      const sentTo = target.digest?.week === slot.week ? target.digest.sentTo : [];
      if (destinations.every((d) => sentTo.includes(d.key))) target.digest = { week: slot.week, sentTo, done: true };
    });
  }
}
