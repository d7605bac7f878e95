/** Sentences of committee prose, for quoting the one that holds a fact or an action. */

/** Splits minutes prose into sentences without breaking at "Mr.", "approx." or initials. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z£0-9'"(])/)
    .reduce<string[]>((sentences, piece) => {
      const previous = sentences.at(-1);
      if (previous && /\b(Mr|Mrs|Ms|Dr|Cllr|Supt|St|approx|No|[A-Z])\.$/.test(previous)) {
        sentences[sentences.length - 1] = `${previous} ${piece}`;
      } else {
        sentences.push(piece);
      }
      return sentences;
    }, [])
    .map((s) => s.trim())
    .filter(Boolean);
}
