/**
 * Words that carry no topic. Two lists: ordinary English function words, and the words every
 * partnership question or minute contains ("meeting", "update", "partnership") which would
 * otherwise make any passage look relevant.
 */

const ENGLISH = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing done down during each few for from
further had has have having he her here hers him his how i if in into is it its itself just me
more most my no nor not now of off on once only or other our ours out over own same she should so
some such than that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours shall
may might must let lets tell know please show give list any many much get got want need like
there's what's who's whats whos thats it's ok okay yes yeah hi hello hey thanks thank cheers
is are was were be been today tomorrow yesterday currently current latest recent recently new
going go went year years last next ago ever make makes made making take takes took taken
say says said expect expected expects happen happens happened`;

const PARTNERSHIP = `kent kcsp csp csps partnership partnerships community meeting meetings update updates item items
member members minutes notes report we us our agenda`;

export const STOPWORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${PARTNERSHIP}`.split(/\s+/).filter(Boolean));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
