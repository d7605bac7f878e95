import { expect } from 'chai';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';
import { grantRole } from '../helpers/memberships.js';

const ADMIN = { aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211', userName: 'Ada Admin' };
const MEMBER = { userId: '29:1member-mo', userName: 'Mo Member', aadObjectId: '7a7a7a7a-0000-4000-8000-00000000007a' };
/** A seed's file name, as the store keeps it: members never see one. */
const FILE_NAME = /\b\d{3}_[0-9a-f]{16}\.txt\b|DATA\.md/;

interface TabBody {
  prioritiesSource: string;
  priorities: { name: string; source: string }[];
  lastMeeting: { resolutions: { item: string; source: string }[] };
}

describe('HTTP server: sources as members recognise them, the same in chat and on the tab', () => {
  let bot: RunningBot;
  const ask = async (text: string) => (await bot.send(personalMessage(text, MEMBER))).text;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN.aadObjectId });
    await grantRole(bot, ADMIN.aadObjectId, MEMBER);
  });
  after(async () => bot.stop());

  it('cites minutes by meeting and item, and reports by their section, never by file name', async () => {
    const questions = [
      'What are the current priorities?',
      'What is the Community Safety Agreement?',
      'Who are the responsible authorities?',
      'Who leads road safety?',
      'Who leads each priority?',
      'What are the recent resolutions?',
      'When will the new MARAC model be implemented?',
      'How did the priorities change?',
    ];
    for (const question of questions) {
      const reply = await ask(question);
      expect(reply, question).to.contain('Source: ');
      expect(reply, question).to.not.match(FILE_NAME);
    }
    expect(await ask('When will the new MARAC model be implemented?')).to.match(
      /Source: Minutes of Tuesday 21 March 2023, item B\d/,
    );
    expect(await ask('What is the Community Safety Agreement?')).to.contain(
      'Community Safety Agreement report, section 2.',
    );
  });

  it('shows on the tab the sources chat gives, and a lead set in chat as recorded in Teams', async () => {
    await bot.send(personalMessage('set lead for VAWG: Jane Smith, Head of VAWG, Kent Police', ADMIN));
    const tab = (await (await fetch(`${bot.app.url}/api/tab/partnership`)).json()) as TabBody;
    expect(JSON.stringify(tab)).to.not.match(FILE_NAME);

    const road = tab.priorities.find((p) => p.name === 'Road Safety');
    const safeguarding = tab.priorities.find((p) => p.name.startsWith('Safeguarding'));
    expect(safeguarding?.source).to.match(/^Source: /);
    expect(await ask('Who leads safeguarding?')).to.contain(safeguarding?.source);
    expect(road?.source).to.match(/^Source: /);
    expect(await ask('Who leads road safety?')).to.contain(road?.source);
    const vawg = tab.priorities.find((p) => p.name.startsWith('Violence Against Women'));
    expect(vawg?.source).to.equal('Source: Recorded in Teams on Tuesday 24 November 2026');
    expect(await ask('Who leads VAWG?')).to.contain(vawg?.source);

    expect(tab.prioritiesSource).to.contain('Community Safety Agreement report, section 2.3');
    expect(await ask('What are the current priorities?')).to.contain('Community Safety Agreement report, section 2.3');

    const resolutions = tab.lastMeeting.resolutions;
    expect(resolutions.length).to.be.greaterThan(0);
    const recent = await ask('What are the recent resolutions?');
    for (const r of resolutions) {
      expect(r.source, r.item).to.match(/^Source: Minutes of Tuesday 21 March 2023/);
    }
    // Each resolution's item is cited the same way in chat.
    const [first] = resolutions;
    expect(recent).to.contain(first!.source.replace(/^Source: /, '').split('; ')[0]);
  });
});
