/** A message asking what the bot can do. */
export const HELP_REQUEST =
  /^\s*(?:help|\?|commands|menu)\b|\bwhat (?:can|do) you (?:do|know|answer)\b|\bwhat can i (?:ask|do)\b|\bhow do i use\b|\bwho are you\b|\bwhat are you\b/i;
