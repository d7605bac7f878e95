/**
 * Paths members took in the Agents Playground walk-through that went wrong: a client whose user ids
 * are not Teams' `29:` ids, Done pressed on a "my actions" card, and "undo" after an action changed.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Action, Agenda } from '../../src/core/model/model.js';
import { grantRole } from '../helpers/memberships.js';
import { startRunningBot, TEST_TODAY, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, invokeAction, personalMessage } from '../helpers/teams-activities.js';
import { storedData } from '../helpers/stored-data.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';
// The Playground's own user ids, beside proper Azure AD object ids.
const CHAIR = { userId: 'user-id-0', userName: 'Alex Wilber', aadObjectId: '00000000-0000-4000-8000-0000000a1e00' };
const MEMBER = { userId: 'user-id-1', userName: 'Megan Bowen', aadObjectId: '00000000-0000-4000-8000-0000000be9a0' };
const CHANNEL = '19:walk0000000000000000000000001@thread.tacv2';

function agendas(bot: RunningBot): Agenda[] {
  return (storedData(bot.dataFile) as { partnerships: Record<string, { agendas: Agenda[] }> }).partnerships['kent-csp']!
    .agendas;
}

/** An action as the actions journal last saved it. */
function savedAction(bot: RunningBot, number: number): Action | undefined {
  const lines = readFileSync(`${bot.dataFile}.actions`, 'utf8').split('\n').filter(Boolean);
  return lines
    .map((line) => JSON.parse(line) as Action)
    .reverse()
    .find((a) => a.number === number);
}

function cardOf(result: { body: unknown }): string {
  return JSON.stringify((result.body as { value: unknown }).value);
}

describe('HTTP server: paths from the Playground walk-through', () => {
  let bot: RunningBot;
  const say = async (text: string, who = CHAIR) => (await bot.send(personalMessage(text, who))).text;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN });
    await grantRole(bot, ADMIN, CHAIR, 'chair');
    await grantRole(bot, ADMIN, MEMBER, 'member');
    await bot.send(channelMessage('link this channel', { ...CHAIR, channelId: CHANNEL }));
    await say('agenda 2 March 2027 10:00 online');
    await say('item B1 Road safety plan');
    await say('circulate');
  });
  after(async () => bot.stop());

  it('knows who answered the agenda whatever form of id their client gives', async () => {
    const agendaId = agendas(bot)[0]!.id;
    await bot.send(invokeAction('agenda.attending', { agendaId }, { ...CHAIR, kind: 'channel', channelId: CHANNEL }));
    const text = await say("who hasn't answered?");
    expect(text).to.contain('Megan Bowen').and.not.contain('Alex Wilber');
    expect(text).to.match(/\b1 of the 2\b/);
  });

  it('keeps an action marked Done on the "my actions" card, with Reopen', async () => {
    bot.setNow(new Date(TEST_TODAY.getTime() + 60_000));
    expect(await say('action: I will circulate the road safety plan by 30 April 2027')).to.contain('Action 1 logged');
    const mine = (await bot.send(personalMessage('my actions', CHAIR))).replies;
    expect(JSON.stringify(mine)).to.contain('circulate the road safety plan');
    bot.setNow(new Date(TEST_TODAY.getTime() + 120_000));
    const { result } = await bot.send(
      invokeAction('action.status', { number: 1, status: 'done', view: 'my actions' }, CHAIR),
    );
    const card = cardOf(result);
    expect(card).to.contain('circulate the road safety plan').and.contain('Reopen').and.contain('now done');
  });

  it('"undo" after an action changed undoes that change, not the last change to the records', async () => {
    bot.setNow(new Date(TEST_TODAY.getTime() + 180_000));
    const text = await say('undo');
    expect(text).to.contain('action 1 is open again');
    expect(savedAction(bot, 1)?.status).to.equal('open');
    expect(agendas(bot)[0]!.status).to.equal('circulated');
    // Then the logging before it, and only then the records: the agenda's circulation.
    expect(await say('undo'))
      .to.contain('action 1')
      .and.contain('withdrawn');
    expect(await say('undo')).to.contain('circulated');
    expect(agendas(bot)[0]!.status).to.not.equal('circulated');
  });
});
