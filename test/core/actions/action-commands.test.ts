/**
 * The actions' commands alone, on an in-memory list of actions: logging (a line, the form, a
 * draft), changing status, undoing, listing. What the HTTP suites check end to end, at the core.
 */
import { expect } from 'chai';
import { runActionCommand } from '../../../src/core/actions/action-commands.js';
import type { ActionOutcome, ActionsView } from '../../../src/core/actions/action-outcome.js';
import { logActionFromForm } from '../../../src/core/actions/action-form.js';
import { newAction } from '../../../src/core/actions/new-action.js';
import type { CommandInput } from '../../../src/core/commands/command.js';
import type { Action, Partnership } from '../../../src/core/model/model.js';
import type { Actor } from '../../../src/core/model/permissions.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const OFFICER: Actor = { id: 'aad-sam', ids: ['aad-sam', '29:sam'], name: 'Sam Officer', isAdmin: false };

/** Actions held in memory, changed as the journal would change them. */
class Actions implements ActionsView {
  readonly list: Action[] = [];
  all = () => this.list;
  get = (n: number) => this.list.find((a) => a.number === n);
  loggedBy = (id: string) => this.list.find((a) => a.sourceActivityId === id);
  apply(outcome: ActionOutcome | null): Action | null {
    if (outcome?.add) {
      const made = outcome.add.make(this.list.length + 1);
      this.list.push(made);
      return made;
    }
    if (outcome?.update) {
      const i = this.list.findIndex((a) => a.number === outcome.update!.number);
      const next = outcome.update.next(this.list[i]!);
      if (next) this.list[i] = next;
      return next;
    }
    return null;
  }
}

function setUp(): { partnership: Partnership; actions: Actions } {
  const partnership = loadDefaultStore().partnerships['kent-csp']!;
  partnership.roles.push({ userId: '29:sam', name: 'Sam Officer', role: 'officer', grantedBy: 'x', grantedAt: '' });
  return { partnership, actions: new Actions() };
}

const input = (text: string, at = NOW, actor = OFFICER): CommandInput & { activityId?: string } => ({
  text,
  mentions: [],
  actor,
  now: at,
});

describe('core/actions: the commands', () => {
  it('builds every new action alike, from what was said plus who, when and its first history entry', () => {
    const action = newAction(
      'kent-csp',
      7,
      { owner: { name: 'Jane Smith' }, description: 'send the plan', due: undefined, priorityId: 'road-safety' },
      { input: input(''), activityId: 'act-1', note: 'confirmed from draft D1' },
    );
    expect(action).to.deep.equal({
      id: 'kent-csp#7',
      partnershipId: 'kent-csp',
      number: 7,
      owner: { name: 'Jane Smith' },
      description: 'send the plan',
      priorityId: 'road-safety',
      status: 'open',
      createdBy: { id: 'aad-sam', name: 'Sam Officer' },
      createdAt: NOW.toISOString(),
      sourceActivityId: 'act-1',
      history: [
        {
          at: NOW.toISOString(),
          by: { id: 'aad-sam', name: 'Sam Officer' },
          change: 'created',
          to: 'confirmed from draft D1',
        },
      ],
    });
  });

  it('logs an action from one line and from the form the same way', () => {
    const { partnership, actions } = setUp();
    const line = actions.apply(
      runActionCommand(partnership, actions, input('action: Shafick Peerbux to send the plan by 30 April 2027')),
    );
    const form = actions.apply(
      logActionFromForm(
        partnership,
        actions,
        { owner: 'Shafick Peerbux', description: 'send the plan', due: '2027-04-30' },
        input(''),
      ),
    );
    expect(line).to.include({ description: 'send the plan', due: '2027-04-30', status: 'open' });
    const { id: _a, number: _b, ...fromLine } = line!;
    const { id: _c, number: _d, ...fromForm } = form!;
    expect(fromForm).to.deep.equal(fromLine);
  });

  it('changes status, and "undo" puts back the status before, then withdraws the logging', () => {
    const { partnership, actions } = setUp();
    actions.apply(runActionCommand(partnership, actions, input('action: I will send the plan by 30 April 2027')));
    const later = new Date(NOW.getTime() + 60_000);
    actions.apply(runActionCommand(partnership, actions, input('action 1 done', later)));
    expect(actions.get(1)?.status).to.equal('done');
    const undo = runActionCommand(partnership, actions, input('undo', new Date(NOW.getTime() + 120_000)));
    actions.apply(undo);
    expect(actions.get(1)?.status).to.equal('open');
    expect(undo?.update?.confirm(actions.get(1)!).summary).to.contain('open again');
    actions.apply(runActionCommand(partnership, actions, input('undo', new Date(NOW.getTime() + 180_000))));
    expect(runActionCommand(partnership, actions, input('open actions'))?.answer?.summary).to.equal(
      'There are no open actions.',
    );
  });

  it('leaves "undo" to the records when the member last changed the records', () => {
    const { partnership, actions } = setUp();
    actions.apply(runActionCommand(partnership, actions, input('action: I will send the plan by 30 April 2027')));
    partnership.changes = [
      {
        id: 1,
        at: new Date(NOW.getTime() + 60_000).toISOString(),
        by: { id: 'aad-sam', name: 'Sam' },
        subject: 'alias:x',
        summary: 'x',
      },
    ];
    expect(runActionCommand(partnership, actions, input('undo'))).to.equal(null);
  });

  it("refuses to change someone else's action, and changes nothing", () => {
    const { partnership, actions } = setUp();
    actions.apply(runActionCommand(partnership, actions, input('action: I will send the plan by 30 April 2027')));
    const other: Actor = { id: 'aad-x', ids: ['aad-x', '29:x'], name: 'Xavier', isAdmin: false };
    const refused = runActionCommand(partnership, actions, input('action 1 done', NOW, other));
    expect(refused?.update).to.equal(undefined);
    expect(refused?.answer?.kind).to.equal('refused');
  });
});
