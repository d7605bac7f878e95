import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import type { Agenda } from '../../src/core/model/model.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, invokeAction, personalMessage } from '../helpers/teams-activities.js';
import { storedData, storeBytes } from '../helpers/stored-data.js';
import { SECRETARIAT } from '../helpers/members.js';

describe('HTTP server: the agenda builder form', () => {
  let bot: RunningBot;
  const press = async (verb: string, data: Record<string, unknown>) => {
    const { result } = await bot.send(invokeAction(verb, data, SECRETARIAT));
    expect(result.status).to.equal(200);
    const card = (result.body as { value: unknown }).value;
    expect(cardSchemaErrors(card), verb).to.deep.equal([]);
    return JSON.stringify(card);
  };
  const agendas = (): Agenda[] =>
    (storedData(bot.dataFile) as { partnerships: Record<string, { agendas: Agenda[] }> }).partnerships['kent-csp']!
      .agendas;

  before(async () => {
    bot = await startRunningBot(
      { BOT_ADMINS: SECRETARIAT.aadObjectId },
      { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } },
    );
    await bot.send(channelMessage('link this channel', { ...SECRETARIAT }));
    await grantRole(bot, SECRETARIAT.aadObjectId, { userId: '29:1member', userName: 'Mo Member' });
  });
  after(async () => bot.stop());

  it('opens the form on "new agenda"', async () => {
    const { replies } = await bot.send(personalMessage('new agenda', SECRETARIAT));
    const card = (replies[0]!.attachments as { content: unknown }[])[0]!.content;
    expect(cardSchemaErrors(card)).to.deep.equal([]);
    expect(JSON.stringify(card)).to.contain('Agenda builder').and.contain('agendaForm.save');
  });

  it('saves details, adds, edits, reorders and removes items, previews and circulates', async () => {
    expect(
      await press('agendaForm.save', {
        agendaId: '',
        title: 'Kent CSP',
        date: '2027-07-15',
        time: '14:30',
        venue: 'Sessions House, Maidstone',
      }),
    ).to.contain('Draft agenda started for Thursday 15 July 2027, 14:30');
    const agendaId = agendas()[0]!.id;
    expect(agendas()[0]!.startsAt).to.equal('2027-07-15T13:30:00.000Z');
    await press('agendaForm.addItem', {
      agendaId,
      newCode: 'b1',
      newTitle: 'Community Safety Agreement',
      newPresenter: 'Ms S Brinson',
    });
    await press('agendaForm.addItem', {
      agendaId,
      newCode: 'B2',
      newTitle: 'Working Group',
      newPaper: 'https://example.org/b2.pdf',
    });
    await press('agendaForm.up', { agendaId, code: 'B2' });
    expect(agendas()[0]!.items.map((i) => i.code)).to.deep.equal(['B2', 'B1']);
    await press('agendaForm.setItem', {
      agendaId,
      code: 'B1',
      itemTitle_B1: 'Community Safety Agreement refresh',
      itemPresenter_B1: 'Shafick Peerbux',
      itemPaper_B1: '',
    });
    expect(agendas()[0]!.items[1]).to.deep.equal({
      code: 'B1',
      title: 'Community Safety Agreement refresh',
      presenter: 'Shafick Peerbux',
    });
    await press('agendaForm.addItem', { agendaId, newCode: 'B3', newTitle: 'AOB' });
    await press('agendaForm.remove', { agendaId, code: 'B3' });
    expect(agendas()[0]!.items.map((i) => i.code)).to.deep.equal(['B2', 'B1']);
    expect(await press('agendaForm.preview', { agendaId })).to.contain('Attending 0');
    expect(await press('agendaForm.circulate', { agendaId })).to.contain('posted to 1 channel');
    expect(agendas()[0]!.status).to.equal('circulated');
  });

  it('shows bad input on the form and stores nothing', async () => {
    const agendaId = agendas()[0]!.id;
    await bot.app.idle();
    const before = storeBytes(bot.dataFile);
    expect(await press('agendaForm.save', { agendaId, title: 'x', date: '', time: '10:00' })).to.contain(
      'Choose the meeting date',
    );
    expect(await press('agendaForm.save', { agendaId, title: 'x', date: '2027-02-30', time: '10:00' })).to.contain(
      'not a real date',
    );
    expect(await press('agendaForm.addItem', { agendaId, newCode: 'B9', newTitle: 'x'.repeat(5000) })).to.contain(
      '5000 characters long',
    );
    expect(
      await press('agendaForm.addItem', { agendaId, newCode: 'B9', newTitle: 'Ok', newPaper: 'javascript:alert(1)' }),
    ).to.contain('must be a web address');
    expect(await press('agendaForm.remove', { agendaId: 'gone', code: 'B1' })).to.contain('no longer exists');
    // A verb no card sends is answered with a message; the form stays as it was.
    const { result } = await bot.send(invokeAction('agendaForm.explode', { agendaId }, SECRETARIAT));
    expect(JSON.stringify(result.body)).to.contain('not something this card can do');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('refuses a member who is not chair or secretariat', async () => {
    const { result } = await bot.send(
      invokeAction(
        'agendaForm.addItem',
        { agendaId: agendas()[0]!.id, newCode: 'B7', newTitle: 'x' },
        { userId: '29:1member' },
      ),
    );
    expect(JSON.stringify(result.body)).to.contain('only the chair or the secretariat');
  });
});
