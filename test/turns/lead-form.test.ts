import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { invokeAction, personalMessage } from '../helpers/teams-activities.js';
import { storeBytes } from '../helpers/stored-data.js';
import { SECRETARIAT } from '../helpers/members.js';

const MEMBER = { userId: '29:1member', userName: 'Sam Member', aadObjectId: '99999999-0000-4000-8000-000000000001' };

type InvokeBody = { statusCode: number; value: { body: unknown[] } };

describe('HTTP server: the lead form card', () => {
  let bot: RunningBot;
  const save = async (data: Record<string, unknown>, who = SECRETARIAT) => {
    const { result } = await bot.send(invokeAction('leadForm.save', data, who));
    const body = result.body as InvokeBody;
    expect(cardSchemaErrors(body.value)).to.deep.equal([]);
    return JSON.stringify(body.value);
  };
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: SECRETARIAT.aadObjectId });
    await grantRole(bot, SECRETARIAT.aadObjectId, MEMBER);
  });
  after(async () => bot.stop());

  it('opens for the chair or secretariat with the current priorities to choose from, and refuses others', async () => {
    const { replies } = await bot.send(personalMessage('set lead', SECRETARIAT));
    const card = (replies[0]!.attachments as { content: unknown }[])[0]!.content;
    expect(cardSchemaErrors(card)).to.deep.equal([]);
    expect(JSON.stringify(card))
      .to.contain('"value":"road-safety"')
      .and.contain('Add a co-lead')
      .and.contain('leadForm.save');
    expect((await bot.send(personalMessage('set lead', MEMBER))).text).to.contain('only the chair or the secretariat');
  });

  it('adds a co-lead from the form; the next answer names both leads', async () => {
    const card = await save({
      priorityId: 'road-safety',
      mode: 'add',
      name: 'Jane Smith',
      role: 'Road Safety Manager',
      organisation: 'Kent Police',
      contact: 'jane.smith@example.org',
    });
    expect(card)
      .to.contain('Road Safety is now led by Martin Adams')
      .and.contain('Jane Smith, Kent Police (set by Anna Taylor');
    const answer = (await bot.send(personalMessage('who leads road safety?', MEMBER))).text;
    expect(answer).to.contain('Martin Adams').and.contain('Jane Smith, Road Safety Manager, Kent Police');
    expect(await save({ priorityId: 'road-safety', mode: 'add', name: 'Jane Smith' })).to.contain(
      'Jane Smith already leads Road Safety',
    );
  });

  it('brings the form back with the values kept and a reason when something is wrong, changing nothing', async () => {
    const before = storeBytes(bot.dataFile);
    for (const [data, reason] of [
      [{ priorityId: 'animal-welfare', mode: 'set', name: 'Bob' }, "Choose one of the partnership's priorities"],
      [{ priorityId: 'road-safety', mode: 'set', name: '' }, "Give the lead's name first"],
      [{ priorityId: 'road-safety', mode: 'replace-everything', name: 'Bob' }, 'Choose whether to replace the lead'],
      [
        { priorityId: 'road-safety', mode: 'set', name: 'Bob Jones', contact: 'call me maybe' },
        'should be an email address or a phone number',
      ],
      [{ priorityId: 'road-safety', mode: 'set', name: 'x'.repeat(300) }, 'too long'],
    ] as const) {
      const card = await save(data);
      expect(card, reason).to.contain(reason).and.contain('leadForm.save');
      if (data.name === 'Bob Jones') expect(card).to.contain('"value":"call me maybe"');
    }
    expect(await save({ priorityId: 'road-safety', mode: 'set', name: 'Someone Else' }, MEMBER)).to.contain(
      'only the chair or the secretariat',
    );
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('clears a lead, logged like a change from chat', async () => {
    expect(await save({ priorityId: 'road-safety', mode: 'clear' })).to.contain(
      'No lead is now recorded for Road Safety',
    );
    expect((await bot.send(personalMessage('who leads road safety?', MEMBER))).text).to.contain(
      'No lead is recorded for Road Safety',
    );
    expect((await bot.send(personalMessage('history of road safety lead', MEMBER))).text)
      .to.contain('lead for Road Safety cleared')
      .and.contain('lead for Road Safety set to Martin Adams');
  });
});
