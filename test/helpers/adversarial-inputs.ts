/** Inputs built to make a backtracking pattern take polynomial time, for the test and the bench. */
export const SIZES = [1_000, 10_000, 28_000];

/** The opening words of every command and question form the readers recognise. */
export const OPENINGS = [
  'create partnership',
  'use',
  'export the',
  'which partnerships',
  'link this channel to',
  'unlink this channel from',
  'which channels',
  'make',
  'remove role from',
  'who has roles',
  'set lead for',
  'add co-lead for',
  'clear lead for',
  'alias',
  'remove alias',
  'start priorities for',
  'add priority',
  'add cross-cutting theme',
  'rename priority',
  'retire priority',
  'move priority',
  'show draft priorities',
  'publish',
  'discard draft priorities',
  'agenda',
  'agenda title',
  'add item A1',
  'remove item A1',
  'move item A1',
  'show agenda',
  'circulate the agenda',
  'cancel the meeting',
  'confirm attendance',
  'history of',
  'show recent changes',
  'undo',
  'action:',
  'action Sam to',
  'action 12',
  'mark action 1 as',
  'export actions',
  'show my actions',
  'confirm draft D1',
  'resolved A1 on the',
  'new action form',
  'build agenda form',
  'who leads on',
  'is',
  'what are the priorities for',
  'when is the next meeting',
  'what happened at item',
  'Apologies were received from',
  'Meeting:',
];

/** What the patterns repeat: each is run out to the size, then a newline and a character no pattern accepts. */
export const RUNS = [
  ' ',
  ' x',
  ' to',
  ' from',
  ' for',
  ' by',
  ' the',
  ':',
  ' =',
  ' -',
  '((',
  '[',
  ' 12',
  'A',
  ', ',
  '.',
];

/** Every opening with every run, at one size. */
export function adversarialInputs(size: number): string[] {
  const inputs: string[] = [];
  for (const opening of OPENINGS) {
    RUNS.forEach((run, i) => {
      const body = `${opening} ${run.repeat(Math.ceil(size / run.length))}`;
      inputs.push(i % 2 === 0 ? `${body.slice(0, size - 2)}\n!` : body.slice(0, size));
    });
  }
  return inputs;
}
