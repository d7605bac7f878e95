/**
 * Help, greetings and the honest "I don't know": what the bot can answer, with examples the
 * member can click, generated from the same table of intents that routes questions.
 */
import { makeAnswer, type Answer } from './answer.js';

export interface Capability {
  /** e.g. "Priorities" */
  topic: string;
  /** One question that shows it, clickable in the help card. */
  example: string;
  /** False when pressing the example would change something ("action: ..."): it is shown, not pressable. */
  pressable?: boolean;
}

export function answerHelp(partnershipName: string, capabilities: readonly Capability[], greeting = false): Answer {
  const intro = greeting
    ? `Hello! I answer questions about the ${partnershipName}: its priorities, who leads them, its meetings and what it resolved, with the source of every answer.`
    : `I can help with the ${partnershipName}'s priorities, priority leads, meetings, attendance and resolutions, and find anything else in its minutes. Every answer names its source.`;
  return makeAnswer(greeting ? 'greeting' : 'help', greeting ? 'Welcome' : 'What I can help with', intro, {
    entries: capabilities.map((c) => ({
      heading: c.topic,
      text: c.example,
      ...(c.pressable === false ? {} : { question: c.example }),
    })),
  });
}

export function answerThanks(): Answer {
  return makeAnswer(
    'thanks',
    "You're welcome",
    "You're welcome. Ask me anything else about the partnership's priorities, leads, meetings or resolutions.",
  );
}

export function answerUnknown(
  partnershipName: string,
  nearest: readonly string[],
  examples: readonly string[],
): Answer {
  const unsure = nearest.length > 0;
  const summary = unsure
    ? `I'm not sure: I don't have a clear answer to that in the ${partnershipName}'s records. The closest items are below.`
    : `I don't have that in the ${partnershipName}'s records. I can only answer questions about its priorities, leads, meetings and resolutions.`;
  return makeAnswer('unknown', "I don't know that", summary, {
    suggestions: (unsure ? nearest : examples).slice(0, 3),
  });
}
