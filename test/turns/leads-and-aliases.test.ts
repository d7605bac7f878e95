import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';
import { storeBytes } from '../helpers/stored-data.js';
import { SECRETARIAT } from '../helpers/members.js';

const MEMBER = { userId: '29:1member', userName: 'Sam Member', aadObjectId: '99999999-0000-4000-8000-000000000001' };

describe('HTTP server: keeping leads and aliases current from chat', () => {
  let bot: RunningBot;
  const say = async (text: string, who: typeof MEMBER = MEMBER) => (await bot.send(personalMessage(text, who))).text;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: SECRETARIAT.aadObjectId });
    await grantRole(bot, SECRETARIAT.aadObjectId, MEMBER);
  });
  after(async () => bot.stop());

  it('refuses a member without the role, changing nothing', async () => {
    const before = storeBytes(bot.dataFile);
    expect(await say('set lead for road safety: Someone Else, Kent Police')).to.contain(
      'only the chair or the secretariat',
    );
    expect(await say('alias pedestrian crossings = road safety')).to.contain('only the chair or the secretariat');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('changes the road safety lead; the next answer names the new lead, who set it and when, and no one else', async () => {
    expect(
      await say(
        'set lead for road safety: Jane Smith, Head of Road Safety, Kent Fire and Rescue Service, jane.smith@example.org',
        SECRETARIAT,
      ),
    ).to.contain(
      'Road Safety is now led by Jane Smith, Kent Fire and Rescue Service (set by Anna Taylor on Tuesday 24 November 2026)',
    );
    const answer = await say('who leads road safety?');
    expect(answer)
      .to.contain('Jane Smith, Head of Road Safety, Kent Fire and Rescue Service')
      .and.contain('Set by Anna Taylor on Tuesday 24 November 2026');
    expect(answer).to.not.contain('Martin Adams');
  });

  it('adds a co-lead and shows the history of the lead', async () => {
    await say('add co-lead for KSI: Martin Adams, Kent Fire and Rescue', SECRETARIAT);
    expect(await say('who leads road safety?'))
      .to.contain('Jane Smith')
      .and.contain('Martin Adams');
    const history = await say('history of road safety lead');
    expect(history)
      .to.contain('2 changes')
      .and.contain('Anna Taylor')
      .and.contain('lead for Road Safety set to Jane Smith');
  });

  it('undoes the last change, restoring the previous leads; a member may not undo it', async () => {
    const before = storeBytes(bot.dataFile);
    expect(await say('undo')).to.contain('You have made no change to the KCSP');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
    expect(await say('undo', SECRETARIAT)).to.contain('Undone: lead for Road Safety set to Jane Smith');
    const answer = await say('who leads road safety?');
    expect(answer).to.contain('Jane Smith').and.not.contain('Martin Adams');
  });

  it('adds an alias that works in the next question, and removes it', async () => {
    expect(await say('who leads pedestrian crossings?')).to.contain('not one of the partnership');
    expect(await say('alias pedestrian crossings = road safety', SECRETARIAT)).to.contain(
      '"pedestrian crossings" now means Road Safety',
    );
    expect(await say('who leads pedestrian crossings?')).to.contain('Jane Smith');
    await say('remove alias pedestrian crossings', SECRETARIAT);
    expect(await say('who leads pedestrian crossings?')).to.contain('not one of the partnership');
  });

  it('explains bad input and changes nothing', async () => {
    const before = storeBytes(bot.dataFile);
    expect(await say('set lead for animal welfare: Bob, RSPCA', SECRETARIAT)).to.contain(
      'is not one of the partnership',
    );
    expect(await say('alias pets = animal welfare', SECRETARIAT)).to.contain('is not one of the partnership');
    expect(await say('remove alias nothing-like-this', SECRETARIAT)).to.contain('There is no alias');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('keeps the changes across a restart', async () => {
    await bot.restart();
    expect(await say('who leads road safety?')).to.contain('Jane Smith');
    expect(await say('history of road safety lead')).to.contain('undone by Anna Taylor');
  });
});
