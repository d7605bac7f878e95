/**
 * The question inside an incoming activity: the message text with the bot's @mention removed
 * (Teams puts `<at>Bot name</at>` in channel messages), or the question a card button carries.
 */
import { TurnContext, type Activity } from 'botbuilder';

export function questionText(activity: Activity): string {
  const fromCard = cardQuestion(activity.value);
  if (fromCard !== null) return fromCard;
  let text = activity.text ?? '';
  if (activity.recipient?.id) text = TurnContext.removeRecipientMention(activity) ?? text;
  // Some clients leave mention markup for other people, or HTML line breaks, in the text.
  return text
    .replace(/<at>(.*?)<\/at>/gi, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .trim();
}

function cardQuestion(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const question = (value as { question?: unknown }).question;
  return typeof question === 'string' ? question : null;
}
