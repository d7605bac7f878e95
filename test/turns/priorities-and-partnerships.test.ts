import { expect } from 'chai';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, personalMessage, type InboundActivity } from '../helpers/teams-activities.js';
import { storeBytes } from '../helpers/stored-data.js';

const ADMIN = { userId: '29:1admin-ada', userName: 'Ada Admin', aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211' };
const KENT_SECRETARIAT = {
  userId: '29:1sec-anna',
  userName: 'Anna Taylor',
  aadObjectId: '2b2b2b2b-3c3c-4d4d-8e5e-6f6f6f6f6f6f',
};
const MEDWAY_SECRETARIAT = {
  userId: '29:1sec-mo',
  userName: 'Mo Khan',
  aadObjectId: '3c3c3c3c-4d4d-4e5e-8f6f-707070707070',
};
const MEMBER = { userId: '29:1member', userName: 'Sam Member', aadObjectId: '99999999-0000-4000-8000-000000000001' };
const KENT_CHANNEL = {
  channelId: '19:kentPriorities000000000000001@thread.tacv2',
  channelName: 'Priorities',
  teamId: '19:kentTeam@thread.tacv2',
  teamName: 'Kent CSP',
};
const MEDWAY_CHANNEL = {
  channelId: '19:medwayBoard00000000000000001@thread.tacv2',
  channelName: 'Board',
  teamId: '19:medwayTeam@thread.tacv2',
  teamName: 'Medway CSP',
};

function withMention(activity: InboundActivity, who: { userId: string; userName: string }): InboundActivity {
  return {
    ...activity,
    entities: [
      ...(activity.entities ?? []),
      { type: 'mention', mentioned: { id: who.userId, name: who.userName }, text: `<at>${who.userName}</at>` },
    ],
  };
}

describe('HTTP server: the priorities refreshed for a new year, and a second partnership', () => {
  let bot: RunningBot;
  const inChannel = async (channel: typeof KENT_CHANNEL, text: string, who: typeof MEMBER = MEMBER) =>
    (await bot.send(channelMessage(text, { ...channel, ...who }))).text;
  const personally = async (text: string, who: typeof MEMBER = MEMBER) =>
    (await bot.send(personalMessage(text, who))).text;
  const grant = async (channel: typeof KENT_CHANNEL, text: string, who: typeof MEMBER) =>
    (await bot.send(withMention(channelMessage(text, { ...channel, ...ADMIN }), who))).text;

  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN.aadObjectId });
    expect(await inChannel(KENT_CHANNEL, 'link this channel to Kent CSP', ADMIN)).to.contain(
      'now linked to the Kent Community Safety Partnership',
    );
    expect(await grant(KENT_CHANNEL, 'make <at>Anna Taylor</at> secretariat', KENT_SECRETARIAT)).to.contain(
      'Anna Taylor is now secretariat of the KCSP',
    );
  });
  after(async () => bot.stop());

  it('refuses a member each change to the priorities, changing nothing', async () => {
    const before = storeBytes(bot.dataFile);
    for (const text of [
      'start priorities for 2024/25',
      'create partnership Medway Community Safety Partnership (Medway CSP)',
      'make Sam Member chair',
    ]) {
      expect(await inChannel(KENT_CHANNEL, text), text).to.match(/only (the chair or the secretariat|an admin)/);
    }
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('refreshes for 2024/25: one priority renamed and one added, published, then answered for current, 2023/24 and what changed', async () => {
    const say = (text: string) => inChannel(KENT_CHANNEL, text, KENT_SECRETARIAT);
    expect(await say('start priorities for 2024/25')).to.contain('Copied the 2023/24 list');
    expect(await say('rename priority road safety to Road Safety and Vision Zero')).to.contain(
      'Renamed Road Safety to Road Safety and Vision Zero',
    );
    expect(await say('add priority Serious Violence (SV)')).to.contain('The 2024/25 draft has 9 priorities');
    // Until it is published, members see the current year.
    expect(await inChannel(KENT_CHANNEL, 'what are the current priorities?')).to.contain('8 priorities for 2023/24');
    expect(await say('publish')).to.contain('The 2024/25 priorities are now current');

    const current = await inChannel(KENT_CHANNEL, 'what are the current priorities?');
    expect(current)
      .to.contain('9 priorities for 2024/25')
      .and.contain('Road Safety and Vision Zero')
      .and.contain('Serious Violence (SV)');
    const previous = await inChannel(KENT_CHANNEL, 'what were the priorities in 2023/24?');
    expect(previous).to.contain('8 priorities for 2023/24').and.not.contain('Serious Violence');
    const changed = await inChannel(KENT_CHANNEL, 'what changed this year?');
    expect(changed)
      .to.contain('Road Safety was renamed Road Safety and Vision Zero for 2024/25')
      .and.contain('Serious Violence was added as a priority for 2024/25');
    // The renamed priority keeps its lead.
    expect(await inChannel(KENT_CHANNEL, 'who leads road safety?')).to.match(
      /Road Safety and Vision Zero is led by (?!No)/,
    );
  });

  it("a second partnership linked to a second channel answers there with its own priorities, never the other's", async () => {
    expect(await personally('create partnership Medway Community Safety Partnership (Medway CSP)', ADMIN)).to.contain(
      'is created',
    );
    expect(await inChannel(MEDWAY_CHANNEL, 'link this channel to Medway CSP', ADMIN)).to.contain(
      'now linked to the Medway Community Safety Partnership',
    );
    expect(
      await grant(MEDWAY_CHANNEL, 'make <at>Mo Khan</at> secretariat of Medway CSP', MEDWAY_SECRETARIAT),
    ).to.contain('Mo Khan is now secretariat of the Medway CSP');
    expect(await inChannel(MEDWAY_CHANNEL, 'what are the current priorities?')).to.contain(
      'No priorities are published yet for the Medway Community Safety Partnership',
    );

    // Kent's secretariat has no role in Medway.
    expect(await inChannel(MEDWAY_CHANNEL, 'start priorities for 2026/27', KENT_SECRETARIAT)).to.contain(
      'only the chair or the secretariat of the Medway CSP',
    );
    const say = (text: string) => inChannel(MEDWAY_CHANNEL, text, MEDWAY_SECRETARIAT);
    expect(await say('start priorities for 2026/27')).to.contain('The 2026/27 draft has 0 priorities');
    await say('add priority Knife Crime');
    await say('add priority Night-time Economy');
    expect(await say('publish priorities')).to.contain(
      'The 2026/27 priorities are now current: Knife Crime; Night-time Economy',
    );

    const medway = await inChannel(MEDWAY_CHANNEL, 'what are the current priorities?');
    expect(medway)
      .to.contain('2 priorities for 2026/27')
      .and.contain('Knife Crime')
      .and.not.contain('Road Safety')
      .and.not.contain('Domestic Abuse');
    expect(await inChannel(MEDWAY_CHANNEL, 'who leads road safety?')).to.not.contain('led by');
    expect(await inChannel(MEDWAY_CHANNEL, 'is knife crime a priority?')).to.contain(
      "Yes: Knife Crime is one of the partnership's 2 priorities for 2026/27",
    );
    const kent = await inChannel(KENT_CHANNEL, 'what are the current priorities?');
    expect(kent).to.contain('9 priorities for 2024/25').and.not.contain('Knife Crime');
    expect(await inChannel(KENT_CHANNEL, 'is knife crime a priority?')).to.contain('is not one of the partnership');
  });

  it('answers a member of both partnerships in their personal chat after asking which one', async () => {
    // Sam has written in both channels above, so belongs to both.
    const asked = await personally('what are the current priorities?');
    expect(asked).to.contain('You work with 2 partnerships').and.contain('Say "use" and its name');
    expect(await personally('use Medway CSP')).to.contain('from the Medway Community Safety Partnership');
    expect(await personally('what are the current priorities?'))
      .to.contain('Knife Crime')
      .and.not.contain('Road Safety');
    // Medway's secretariat, known only in Medway, is answered from it without being asked.
    expect(await personally('what are the current priorities?', MEDWAY_SECRETARIAT)).to.contain('Knife Crime');
  });

  it('adds an alias from chat that works in the next question, in its own partnership only', async () => {
    expect(await inChannel(MEDWAY_CHANNEL, 'alias knives = knife crime', MEDWAY_SECRETARIAT)).to.contain(
      '"knives" now means Knife Crime',
    );
    expect(await inChannel(MEDWAY_CHANNEL, 'is knives a priority?')).to.contain('Yes: Knife Crime');
    expect(await inChannel(KENT_CHANNEL, 'is knives a priority?')).to.not.contain('Knife Crime');
  });

  it('keeps actions apart: one logged in Medway is not listed in Kent', async () => {
    expect(
      await inChannel(
        MEDWAY_CHANNEL,
        'action: Mo Khan to map knife crime hotspots by 30 January 2027',
        MEDWAY_SECRETARIAT,
      ),
    ).to.contain('logged');
    expect(await inChannel(MEDWAY_CHANNEL, 'open actions')).to.contain('map knife crime hotspots');
    expect(await inChannel(KENT_CHANNEL, 'open actions')).to.not.contain('knife crime');
  });

  it("never lets one partnership's organiser take over another's team or channel", async () => {
    const kentOther = {
      ...KENT_CHANNEL,
      channelId: '19:kentOther00000000000000000001@thread.tacv2',
      channelName: 'Other',
    };
    const before = storeBytes(bot.dataFile);
    expect(await inChannel(KENT_CHANNEL, 'link this team to Medway CSP', MEDWAY_SECRETARIAT))
      .to.contain('is in a team of the KCSP')
      .and.contain('or an admin');
    expect(await inChannel(kentOther, 'link this channel to Medway CSP', MEDWAY_SECRETARIAT)).to.contain(
      'is in a team of the KCSP',
    );
    expect(await inChannel(KENT_CHANNEL, 'link this channel to Medway CSP', MEDWAY_SECRETARIAT)).to.contain(
      'is linked to the KCSP',
    );
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
    // Kent's members there are still answered from Kent.
    expect(await inChannel(kentOther, 'what are the current priorities?'))
      .to.contain('Road Safety')
      .and.not.contain('Knife Crime');
  });

  it('shows the history of changes and undoes the last one, by whoever may make it', async () => {
    const history = await inChannel(KENT_CHANNEL, 'recent changes');
    expect(history).to.contain('2024/25 priorities published').and.contain('Anna Taylor');
    expect(await inChannel(KENT_CHANNEL, 'undo')).to.contain('You have made no change to the KCSP');
    expect(await inChannel(KENT_CHANNEL, 'undo', KENT_SECRETARIAT)).to.contain('Undone: 2024/25 priorities published');
    expect(await inChannel(KENT_CHANNEL, 'what are the current priorities?')).to.contain('8 priorities for 2023/24');
  });

  it('keeps every partnership and change across a restart', async () => {
    await bot.restart();
    expect(await inChannel(MEDWAY_CHANNEL, 'what are the current priorities?')).to.contain('Knife Crime');
    expect(await inChannel(KENT_CHANNEL, 'show draft priorities', KENT_SECRETARIAT)).to.contain(
      'The 2024/25 draft has 9 priorities',
    );
  });
});
