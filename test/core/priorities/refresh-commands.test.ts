import { expect } from 'chai';
import { AnswerService } from '../../../src/core/answers/answer-service.js';
import type { CommandInput } from '../../../src/core/commands/command.js';
import { runCommand } from '../../../src/turns/record-commands.js';
import type { Partnership } from '../../../src/core/model/model.js';
import type { Actor } from '../../../src/core/model/permissions.js';
import { kentWith } from '../../helpers/kent.js';

const now = new Date('2026-11-24T10:00:00Z');
const secretariat: Actor = { id: 'aad-sec', ids: ['aad-sec'], name: 'Anna Taylor', isAdmin: false };
const member: Actor = { id: 'aad-m', ids: ['aad-m'], name: 'Sam Member', isAdmin: false };
const input = (text: string, actor: Actor = secretariat): CommandInput => ({ text, mentions: [], actor, now });

/** Runs a command and applies its change, as the edge does once it is saved. */
function run(partnership: Partnership, text: string, actor: Actor = secretariat) {
  const outcome = runCommand(partnership, input(text, actor));
  if (!outcome) throw new Error(`not a command: ${text}`);
  outcome.change?.(partnership);
  return outcome.answer;
}

function ask(partnership: Partnership, question: string): string {
  let revision = 0;
  const service = new AnswerService({ partnership: () => partnership, revision: () => ++revision }, () => now);
  return service.answer(question)?.summary ?? '';
}

describe('refreshing the priorities for a new year', () => {
  let kent: Partnership;
  beforeEach(() => {
    kent = kentWith([{ userId: 'aad-sec', name: 'Anna Taylor', role: 'secretariat' }]);
  });

  it('copies the current list into a draft that members do not see until it is published', () => {
    const answer = run(kent, 'start priorities for 2024/25');
    expect(answer.summary).to.contain('Copied the 2023/24 list').and.contain('members still see 2023/24');
    expect(answer.entries).to.have.length(8);
    expect(kent.priorityDraft?.year.priorities.map((p) => p.id)).to.deep.equal(
      kent.priorityYears.at(-1)?.priorities.map((p) => p.id),
    );
    expect(ask(kent, 'what are the current priorities?')).to.contain('for 2023/24');
    expect(ask(kent, 'what are the priorities for 2024/25?')).to.contain('being prepared and are not published yet');
  });

  it('adds, renames, retires and reorders priorities and themes, keeping identities', () => {
    run(kent, 'start the 2024/25 priorities');
    run(kent, 'add priority Serious Violence (SV)');
    run(kent, 'rename priority road safety to Road Safety and Vision Zero');
    run(kent, 'retire priority substance misuse');
    run(kent, 'move priority serious violence to 1');
    run(kent, 'move priority VAWG before domestic abuse');
    run(kent, 'add cross-cutting theme Cost of living');
    const draft = kent.priorityDraft!.year;
    expect(draft.priorities.map((p) => p.name)).to.deep.equal([
      'Serious Violence',
      'Violence Against Women and Girls',
      'Domestic Abuse',
      'Safeguarding Vulnerable People',
      'Preventing Neighbourhood Crime & Anti-social Behaviour',
      'Serious and Organised Crime',
      'Preventing Extremism and Hate',
      'Road Safety and Vision Zero',
    ]);
    expect(draft.priorities.find((p) => p.name === 'Road Safety and Vision Zero')?.id).to.equal('road-safety');
    expect(draft.priorities[0]).to.include({ id: 'serious-violence', shortName: 'SV' });
    expect(draft.themes.map((t) => t.name)).to.deep.equal([
      'Response and Recovery from Significant Community Events',
      'Cost of living',
    ]);
  });

  it('publishes: "current" means the new year, the old year is kept, and what changed is recorded', () => {
    run(kent, 'start priorities for 2024/25');
    run(kent, 'add priority Serious Violence (SV)');
    run(kent, 'rename priority road safety to Road Safety and Vision Zero');
    const published = run(kent, 'publish priorities');
    expect(published.summary).to.contain('The 2024/25 priorities are now current');
    expect(kent.priorityDraft).to.equal(undefined);
    expect(ask(kent, 'what are the current priorities?')).to.contain('9 priorities for 2024/25');
    expect(ask(kent, 'what were the priorities in 2023/24?')).to.contain('8 priorities for 2023/24');
    const changed = ask(kent, 'what changed this year?');
    expect(changed)
      .to.contain('Serious Violence was added as a priority for 2024/25')
      .and.contain('Road Safety was renamed Road Safety and Vision Zero for 2024/25');
    expect(changed).to.not.contain('2022/23');
    // The renamed priority keeps its lead, and its old name still finds it.
    expect(ask(kent, 'who leads road safety?')).to.match(/^Road Safety and Vision Zero is led by /);
    expect(ask(kent, 'who leads vision zero?')).to.match(/^Road Safety and Vision Zero is led by /);
  });

  it('says a retired priority is no longer one, rather than naming a current lead for it', () => {
    run(kent, 'start priorities for 2024/25');
    run(kent, 'retire priority substance misuse');
    run(kent, 'publish');
    expect(ask(kent, 'who leads substance misuse?')).to.contain(
      'is not one of the priorities for 2024/25; it was one until 2023/24',
    );
    expect(ask(kent, 'what changed this year?')).to.contain('Substance Misuse is no longer a priority from 2024/25');
  });

  it('undoes a publication, bringing the draft back and the old year current', () => {
    run(kent, 'start priorities for 2024/25');
    run(kent, 'add priority Serious Violence');
    run(kent, 'publish priorities');
    expect(run(kent, 'undo').summary).to.contain('Undone: 2024/25 priorities published');
    expect(kent.priorityYears.at(-1)?.year).to.equal('2023/24');
    expect(kent.priorityChanges.some((c) => c.year === '2024/25')).to.equal(false);
    expect(kent.priorityDraft?.year.priorities.map((p) => p.name)).to.include('Serious Violence');
    run(kent, 'undo');
    expect(kent.priorityDraft?.year.priorities.map((p) => p.name)).to.not.include('Serious Violence');
  });

  it('explains bad input and changes nothing', () => {
    const before = structuredClone(kent);
    const problems: [string, RegExp][] = [
      [
        'add priority Knife Crime',
        /No draft of next year's priorities is open. Start one with "start priorities for 2024\/25"/,
      ],
      ['start priorities for 2022/23', /not after the current year, 2023\/24/],
      ['start priorities for next year', /is not a financial year/],
    ];
    for (const [text, problem] of problems) {
      const outcome = runCommand(kent, input(text))!;
      expect(outcome.answer.summary, text).to.match(problem);
      expect(outcome.change, text).to.equal(undefined);
    }
    expect(kent).to.deep.equal(before);
    run(kent, 'start priorities for 2024/25');
    const draft = structuredClone(kent.priorityDraft);
    for (const [text, problem] of [
      ['start priorities for 2025/26', /already open/],
      ['add priority Road Safety', /already in the 2024\/25 draft/],
      ['rename priority animal welfare to Pets', /is not a priority in the 2024\/25 draft/],
      ['move priority road safety before road safety', /two different priorities/],
      [`add priority ${'x'.repeat(200)}`, /keep it under 120/],
    ] as const) {
      const outcome = runCommand(kent, input(text))!;
      expect(outcome.answer.summary, text).to.match(problem);
      expect(outcome.change, text).to.equal(undefined);
    }
    expect(kent.priorityDraft).to.deep.equal(draft);
  });

  it('refuses a member each step, changing nothing', () => {
    run(kent, 'start priorities for 2024/25');
    for (const text of [
      'start priorities for 2025/26',
      'add priority Knife Crime',
      'rename priority road safety to Roads',
      'retire priority road safety',
      'move priority road safety to 1',
      'publish priorities',
      'discard draft priorities',
      'show draft priorities',
    ]) {
      const outcome = runCommand(kent, input(text, member))!;
      expect(outcome.answer.kind, text).to.equal('refused');
      expect(outcome.change, text).to.equal(undefined);
    }
  });

  it('logs every step with who and when, shown by "history of the draft"', () => {
    run(kent, 'start priorities for 2024/25');
    run(kent, 'add priority Serious Violence');
    const history = run(kent, 'history of the draft');
    expect(history.summary).to.contain('2 changes');
    expect(history.entries.map((e) => e.text)).to.deep.equal([
      '2024/25 draft: added priority Serious Violence',
      '2024/25 priorities started from 2023/24',
    ]);
    expect(history.entries[0]?.heading).to.equal('Tuesday 24 November 2026, Anna Taylor');
  });
});
