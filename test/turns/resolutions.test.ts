import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, personalMessage } from '../helpers/teams-activities.js';
import { storedData, storeBytes } from '../helpers/stored-data.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('HTTP server: resolutions recorded from chat', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN });
  });
  after(async () => bot.stop());

  it('refuses a member without the role and leaves the store file as it was', async () => {
    await grantRole(bot, ADMIN, { userId: '29:1a2B3c4D5e6F-testuser-0001', userName: 'Test User' });
    const before = storeBytes(bot.dataFile);
    const { text } = await bot.send(
      personalMessage('resolved for B3 on 21 March 2023: that the update be rejected', {
        aadObjectId: '99999999-0000-4000-8000-000000000001',
      }),
    );
    expect(text).to.contain('only the chair or the secretariat');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('records a correction from an admin in a channel, on disk before confirming, and it survives a restart', async () => {
    const { text } = await bot.send(
      channelMessage(
        'correct resolution for B5 on 21 March 2023: that the Neighbourhood Policing Review Update be noted and an update come in September 2023',
        { aadObjectId: ADMIN, userName: 'Anna Taylor' },
      ),
    );
    expect(text).to.contain('resolution corrected');
    const onDisk = JSON.stringify(storedData(bot.dataFile));
    expect(onDisk).to.contain('an update come in September 2023');
    await bot.restart();
    const answer = await bot.send(personalMessage('what did we resolve about B5 on 21 March 2023?'));
    expect(answer.text).to.contain('an update come in September 2023');
    expect(answer.text).to.contain('corrected by Anna Taylor');
    expect(answer.text).to.contain('previously: "that the Neighbourhood Policing Review Update be noted."');
  });

  it('lists the draft actions the importer proposed, as drafts, to members only', async () => {
    await grantRole(bot, ADMIN, { userId: '29:1a2B3c4D5e6F-testuser-0001', userName: 'Test User' });
    expect(
      (await bot.send(personalMessage('show the draft actions', { userId: '29:1outsider', userName: 'Out Sider' })))
        .text,
    ).to.contain('for its members only');
    const { text } = await bot.send(personalMessage('show the draft actions'));
    expect(text).to.contain('not agreed actions until the secretariat confirms them');
    expect(text).to.contain('the Probation Service: consider the funding arrangements for 2022/23');
  });
});

describe('HTTP server: roles granted from chat', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN });
  });
  after(async () => bot.stop());

  it('an admin makes a member secretariat by @mention in a channel; that member may then record a resolution', async () => {
    const annaTeamsId = '29:1anna-teams-id';
    const grant = channelMessage('make <at>Anna Taylor</at> secretariat', {
      aadObjectId: ADMIN,
      userName: 'Ada Admin',
    });
    grant.entities = [
      ...(grant.entities ?? []),
      { type: 'mention', mentioned: { id: annaTeamsId, name: 'Anna Taylor' }, text: '<at>Anna Taylor</at>' },
    ];
    expect((await bot.send(grant)).text).to.contain('Anna Taylor is now secretariat of the KCSP.');
    const record = await bot.send(
      personalMessage('resolved for A1 on 21 March 2023: that the apologies be noted', {
        userId: annaTeamsId,
        userName: 'Anna Taylor',
        aadObjectId: '12121212-3434-4565-8787-989898989898',
      }),
    );
    expect(record.text).to.contain('resolution recorded');
    const anna = { userId: annaTeamsId, userName: 'Anna Taylor', aadObjectId: '12121212-3434-4565-8787-989898989898' };
    expect((await bot.send(personalMessage("what's my role?", anna))).text)
      .to.contain('You are secretariat of the KCSP (granted by Ada Admin')
      .and.contain('circulate agendas');
    expect((await bot.send(personalMessage('what is my role?', { aadObjectId: ADMIN }))).text).to.contain(
      'You are an admin of the bot',
    );
    await bot.restart();
    expect((await bot.send(personalMessage('who has roles?', { aadObjectId: ADMIN }))).text).to.contain('Anna Taylor');
    expect((await bot.send(personalMessage('who has roles?'))).text)
      .to.contain('for its members only')
      .and.not.contain('Anna Taylor');
  });
});
