/**
 * The yearly refresh of the Community Safety Agreement's priorities, by the chair or the
 * secretariat: "start priorities for 2024/25" copies the current list into a draft; "add priority
 * Serious Violence (SV)", "rename priority road safety to Road Safety and Vision Zero", "retire
 * priority ...", "move priority ... to 2" (or "before ...") and the same for themes edit it;
 * "show draft priorities" shows it; "publish priorities" makes it current; "discard draft
 * priorities" drops it. Members see the published year until then. Every step is logged and undoable.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import { formatDate } from '../answers/format.js';
import { readFinancialYears } from '../answers/meeting-reference.js';
import { currentAgenda } from '../agendas/current-agenda.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Partnership, PriorityDraft, PriorityYear } from '../model/model.js';
import { recordChange, type PublishedPriorities } from '../records/record-change.js';
import { may, whoMay } from '../model/permissions.js';
import { addEntry, moveEntry, renameEntry, retireEntry, type EntryKind } from './priority-draft.js';
import { findNamed, type Named } from '../answers/priority-names.js';
import { publishDraft } from './publish-priorities.js';
import { singleSpaced } from '../text/normalise.js';

const KIND = String.raw`(priority|(?:cross[- ]?cutting )?theme)`;
const START = /^(?:start|begin|open|prepare|refresh) (?:the )?(?:new )?(?:(\S+) )?priorities(?: for (.+?))? ?\.?$/i;
const ADD = new RegExp(String.raw`^add (?:a )?(?:new )?${KIND} ?:? (.+?) ?\.?$`, 'i');
// The last group is [^] (any character), so once the middle words are found the rest always matches: no rescans.
const RENAME = new RegExp(String.raw`^rename (?:the )?(?:${KIND} )?(.+?) (?:to|as) ([^]+?) ?\.?$`, 'i');
const RETIRE = new RegExp(
  String.raw`^(?:retire (?:the )?(?:${KIND} ?:? )?|(?:drop|remove|delete) (?:the )?${KIND} ?:? )(.+?) ?\.?$`,
  'i',
);
const MOVE = new RegExp(
  String.raw`^move (?:the )?${KIND} (.+?) (?:to (?:position |number |no\.? ?)?(\d{1,2}|first|top|last|bottom)|(before|after|above|below) ([^]+?)) ?\.?$`,
  'i',
);
const SHOW =
  /^(?:(?:show|list|see|view) (?:me )?(?:the )?)?(?:\d{4}\/\d{2} )?(?:draft|proposed) (?:\d{4}\/\d{2} )?priorities(?: for \S+)? ?\??$/i;
const PUBLISH = /^publish (?:the )?(?:\d{4}\/\d{2} )?(?:new |draft )?priorities(?: for \d{4}\/\d{2})? ?\.?$/i;
/** A bare "publish" also circulates an agenda: it is this command only while a draft is open. */
const BARE_PUBLISH = /^publish ?\.?$/i;
const DISCARD =
  /^(?:discard|abandon|scrap|delete) (?:the )?(?:\d{4}\/\d{2} )?(?:draft|new) (?:\d{4}\/\d{2} )?priorities ?\.?$/i;

function kindOf(word: string | undefined): EntryKind | undefined {
  if (!word) return undefined;
  return /theme/i.test(word) ? 'theme' : 'priority';
}

/** The year after the current one; for a partnership with none yet, the financial year under way (from April). */
function yearToStart(partnership: Partnership, now: Date): string {
  const current = /^(\d{4})\/\d{2}$/.exec(partnership.priorityYears.at(-1)?.year ?? '');
  const start = current ? Number(current[1]) + 1 : now.getUTCFullYear() - (now.getUTCMonth() < 3 ? 1 : 0);
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

function invalid(summary: string): CommandOutcome {
  return { answer: makeAnswer('invalid', 'Nothing changed', `${summary} Nothing changed.`) };
}

/** The draft listed as it stands, for the chair to check before publishing. */
export function answerDraft(partnership: Partnership, draft: PriorityDraft, lead = ''): Answer {
  const { year } = draft;
  const themes = year.themes.map((t) => t.name);
  return makeAnswer(
    'priorities',
    `Draft priorities ${year.year} (not published)`,
    `${lead}The ${year.year} draft has ${year.priorities.length} priorities; members still see ${partnership.priorityYears.at(-1)?.year ?? 'none'} until it is published.`.trim(),
    {
      entries: year.priorities.map((p, i) => ({
        text: `${i + 1}. ${p.name}${p.shortName ? ` (${p.shortName})` : ''}`,
      })),
      facts: [
        { title: 'Cross-cutting themes', value: themes.length > 0 ? themes.join('; ') : 'none' },
        { title: 'Started', value: `by ${draft.startedBy} on ${formatDate(draft.startedAt.slice(0, 10))}` },
      ],
      suggestions: ['Publish priorities', 'Discard draft priorities'],
    },
  );
}

function start(partnership: Partnership, input: CommandInput, typed: string): CommandOutcome {
  const [year] = readFinancialYears(typed);
  if (!year) return invalid(`"${typed.trim()}" is not a financial year; write it as 2024/25.`);
  const current = partnership.priorityYears.at(-1);
  if (partnership.priorityDraft)
    return invalid(
      `The ${partnership.priorityDraft.year.year} draft is already open (started by ${partnership.priorityDraft.startedBy}); publish or discard it first.`,
    );
  if (current && year <= current.year) return invalid(`${year} is not after the current year, ${current.year}.`);
  const draft: PriorityDraft = {
    year: {
      year,
      priorities: structuredClone(current?.priorities ?? []),
      themes: structuredClone(current?.themes ?? []),
      sources: [],
    },
    from: current?.year ?? null,
    startedBy: input.actor.name,
    startedAt: input.now.toISOString(),
  };
  const copied = current ? `Copied the ${current.year} list. ` : '';
  return recordChange(
    partnership,
    input,
    {
      subject: 'draft',
      summary: `${year} priorities started${current ? ` from ${current.year}` : ''}`,
      before: undefined,
      after: draft,
    },
    answerDraft(partnership, draft, copied),
  );
}

function edited(
  partnership: Partnership,
  input: CommandInput,
  draft: PriorityDraft,
  next: PriorityYear | string,
  summary: string,
): CommandOutcome {
  if (typeof next === 'string') return invalid(next);
  const after = { ...draft, year: next };
  return recordChange(
    partnership,
    input,
    { subject: 'draft', summary: `${draft.year.year} draft: ${summary}`, before: draft, after },
    answerDraft(partnership, after, `${summary.charAt(0).toUpperCase()}${summary.slice(1)}. `),
  );
}

function named(partnership: Partnership, draft: PriorityDraft, text: string, kind?: EntryKind): Named | string {
  const found = findNamed(partnership, text, draft.year, kind);
  return found ?? `"${text}" is not ${kind === 'theme' ? 'a theme' : 'a priority'} in the ${draft.year.year} draft.`;
}

function publish(partnership: Partnership, input: CommandInput, draft: PriorityDraft): CommandOutcome {
  if (draft.year.priorities.length === 0)
    return invalid(`The ${draft.year.year} draft has no priorities; add some first.`);
  const previous = partnership.priorityYears.at(-1);
  const { year, changes } = publishDraft(
    draft,
    previous,
    partnership.priorityChanges,
    input.actor.name,
    input.now.toISOString(),
  );
  const before: PublishedPriorities = { years: partnership.priorityYears, changes: partnership.priorityChanges, draft };
  const after: PublishedPriorities = {
    years: [...partnership.priorityYears, year],
    changes: [...partnership.priorityChanges, ...changes],
  };
  const answer = makeAnswer(
    'priorities',
    `Priorities ${year.year} published`,
    `The ${year.year} priorities are now current: ${year.priorities.map((p) => p.name).join('; ')}.`,
    {
      entries: changes.map((c) => ({ text: c.text })),
      suggestions: ['What are the current priorities?', 'What changed this year?'],
    },
  );
  return recordChange(
    partnership,
    input,
    { subject: 'priorities', summary: `${year.year} priorities published`, before, after },
    answer,
  );
}

export function refreshCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const text = singleSpaced(input.text);
  const starting = START.exec(text);
  const matches = { add: ADD.exec(text), rename: RENAME.exec(text), retire: RETIRE.exec(text), move: MOVE.exec(text) };
  const showing = SHOW.test(text);
  const bare = BARE_PUBLISH.test(text) && partnership.priorityDraft !== undefined;
  if (bare && currentAgenda(partnership, input.now)?.status === 'draft') {
    return {
      answer: makeAnswer(
        'clarify',
        'Publish what?',
        `Both the ${partnership.priorityDraft?.year.year} priorities and an agenda are in draft. Which do you mean?`,
        {
          suggestions: ['Publish priorities', 'Circulate the agenda'],
        },
      ),
    };
  }
  const publishing = bare || PUBLISH.test(text);
  const discarding = DISCARD.test(text);
  // "rename" and "retire" without a kind word are this command only when a draft is open.
  const kindless =
    (matches.rename && !matches.rename[1]) || (matches.retire && !matches.retire[1] && !matches.retire[2]);
  const editing =
    matches.add || matches.move || ((matches.rename || matches.retire) && (!kindless || partnership.priorityDraft));
  if (!starting && !editing && !showing && !publishing && !discarding) return null;
  if (!may(partnership, input.actor, 'manage-priorities')) {
    return {
      answer: makeAnswer(
        'refused',
        'Only the chair or the secretariat',
        `Sorry, ${input.actor.name}: only ${whoMay('manage-priorities')} of the ${partnership.shortName} can prepare and publish the priorities.`,
      ),
    };
  }
  if (starting) return start(partnership, input, `${starting[1] ?? ''} ${starting[2] ?? ''}`);
  const draft = partnership.priorityDraft;
  if (!draft) {
    return invalid(
      `No draft of next year's priorities is open. Start one with "start priorities for ${yearToStart(partnership, input.now)}".`,
    );
  }
  if (showing) return { answer: answerDraft(partnership, draft) };
  if (publishing) return publish(partnership, input, draft);
  if (discarding)
    return recordChange(
      partnership,
      input,
      { subject: 'draft', summary: `${draft.year.year} draft discarded`, before: draft, after: undefined },
      makeAnswer(
        'priorities',
        'Draft discarded',
        `The ${draft.year.year} draft is discarded; the ${partnership.priorityYears.at(-1)?.year ?? 'published'} priorities stand.`,
      ),
    );
  const source = { doc: 'Teams', ref: input.now.toISOString() };
  if (matches.add) {
    const kind = kindOf(matches.add[1]) ?? 'priority';
    return edited(
      partnership,
      input,
      draft,
      addEntry(partnership, draft.year, kind, matches.add[2] ?? '', source),
      `added ${kind} ${(matches.add[2] ?? '').trim()}`,
    );
  }
  if (matches.move) {
    const what = named(partnership, draft, matches.move[2] ?? '', kindOf(matches.move[1]));
    if (typeof what === 'string') return invalid(what);
    const spot = matches.move[3]?.toLowerCase();
    let next: PriorityYear | string;
    if (spot) {
      next = moveEntry(draft.year, what, {
        position: /first|top/.test(spot) ? 1 : /last|bottom/.test(spot) ? 99 : Number(spot),
      });
    } else {
      const other = named(partnership, draft, matches.move[5] ?? '');
      if (typeof other === 'string') return invalid(other);
      next = moveEntry(
        draft.year,
        what,
        /before|above/i.test(matches.move[4] ?? '') ? { before: other } : { after: other },
      );
    }
    return edited(partnership, input, draft, next, `moved ${what.entry.name}`);
  }
  if (matches.rename) {
    const what = named(partnership, draft, matches.rename[2] ?? '', kindOf(matches.rename[1]));
    if (typeof what === 'string') return invalid(what);
    return edited(
      partnership,
      input,
      draft,
      renameEntry(draft.year, what, matches.rename[3] ?? '', source),
      `renamed ${what.entry.name} to ${(matches.rename[3] ?? '').trim()}`,
    );
  }
  const retire = matches.retire;
  const what = named(partnership, draft, retire?.[3] ?? '', kindOf(retire?.[1] ?? retire?.[2]));
  if (typeof what === 'string') return invalid(what);
  return edited(partnership, input, draft, retireEntry(draft.year, what), `retired ${what.kind} ${what.entry.name}`);
}
