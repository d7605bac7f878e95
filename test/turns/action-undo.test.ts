import { expect } from 'chai';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { invokeAction, personalMessage } from '../helpers/teams-activities.js';
import { grantRole } from '../helpers/memberships.js';
import { OFFICER, SECRETARIAT } from '../helpers/members.js';

function cardText(result: { body: unknown }): string {
  return JSON.stringify((result.body as { value: unknown }).value);
}

describe('HTTP server: undoing the logging of an action', () => {
  let bot: RunningBot;
  const say = async (text: string) => bot.send(personalMessage(text, OFFICER));
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: SECRETARIAT.aadObjectId });
    await grantRole(bot, SECRETARIAT.aadObjectId, OFFICER, 'officer');
  });
  after(async () => bot.stop());

  it('takes the action out of every list, the tracker, the tab and the CSV, where a dropped one stays', async () => {
    expect((await say('action: Shafick Peerbux to circulate the refreshed CSA by 30 April')).text).to.contain(
      'Action 1 logged',
    );
    expect((await say('action: Shafick Peerbux to brief the scrutiny committee by 31 May')).text).to.contain(
      'Action 2 logged',
    );
    expect((await say('drop action 1')).text).to.contain('Action 1 is now dropped');

    // The member presses Undo on the confirmation card of action 2.
    const undone = await bot.send(invokeAction('action.undo', { number: 2, view: 'action 2' }, OFFICER));
    expect(cardText(undone.result))
      .to.contain('Undone: action 2')
      .and.contain('withdrawn and no longer listed')
      .and.not.contain('is dropped');

    const all = (await say('all actions')).text;
    expect(all).to.contain('circulate the refreshed CSA').and.not.contain('brief the scrutiny committee');
    expect((await say('what actions does Shafick have?')).text).to.not.contain('brief the scrutiny committee');
    expect((await say('action 2')).text).to.contain("Action 2's logging was undone by Sam Officer");
    expect((await say('2 done')).text).to.contain('logging was undone, so it is not in the tracker');

    const tab = (await (await fetch(`${bot.app.url}/api/tab/partnership`)).json()) as {
      actions: { number: number; status: string }[];
      exportUrl: string;
    };
    expect(tab.actions.map((a) => a.number)).to.deep.equal([1]);
    const csv = await (await fetch(tab.exportUrl)).text();
    expect(csv).to.contain('circulate the refreshed CSA').and.not.contain('brief the scrutiny committee');
    const exported = (await say('export actions')).text;
    expect(exported).to.contain('all 1 actions');
  });
});
