/**
 * Message activities carrying one Adaptive Card. The card states the answer; its sentence goes in
 * the activity's summary (what a notification or a client without cards shows), not again as text.
 */
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Answer } from '../core/answers/answer.js';
import { renderAnswerCard } from '../views/answer-card.js';

export type CardActivity = ReturnType<typeof MessageFactory.attachment>;

export function cardActivity(card: object, text: string): CardActivity {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (text) activity.summary = text;
  // Teams reads message text as markdown: a member's words echoed anywhere must stay words.
  activity.textFormat = 'plain';
  return activity;
}

/** Cards already rendered for an answer object (answers are shared by the answer cache). */
const rendered = new WeakMap<Answer, ReturnType<typeof renderAnswerCard>>();

export function answerActivity(answer: Answer): CardActivity {
  let card = rendered.get(answer);
  if (!card) {
    card = renderAnswerCard(answer);
    rendered.set(answer, card);
  }
  return cardActivity(card, answer.summary);
}
