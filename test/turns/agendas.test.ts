import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import type { Agenda } from '../../src/core/model/model.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import {
  cardSubmit,
  channelMessage,
  invokeAction,
  personalMessage,
  type InboundActivity,
} from '../helpers/teams-activities.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { storedData, storeBytes } from '../helpers/stored-data.js';
import { CHAIR } from '../helpers/members.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';
const CHANNELS = ['19:meetings0000000000000000000001@thread.tacv2', '19:general0000000000000000000002@thread.tacv2'];

function withMention(activity: InboundActivity, who: { id: string; name: string }): InboundActivity {
  return {
    ...activity,
    entities: [...(activity.entities ?? []), { type: 'mention', mentioned: who, text: `<at>${who.name}</at>` }],
  };
}
/** The chair links both channels and prepares the meeting of 14 March 2027 with item B1, not yet circulated. */
async function prepareAgenda(bot: RunningBot): Promise<void> {
  for (const channel of CHANNELS) await bot.send(channelMessage('link this channel', { ...CHAIR, channelId: channel }));
  await bot.send(personalMessage('agenda 14 March 2027 10:00 online', CHAIR));
  await bot.send(personalMessage('item B1 Community Safety Agreement refresh', CHAIR));
}

function storedAgendas(bot: RunningBot): Agenda[] {
  return (storedData(bot.dataFile) as { partnerships: Record<string, { agendas: Agenda[] }> }).partnerships['kent-csp']!
    .agendas;
}

describe('HTTP server: building and circulating an agenda', () => {
  let bot: RunningBot;
  const chairSays = (text: string, channelId?: string) =>
    bot.send(
      channelId
        ? channelMessage(text, { ...CHAIR, channelId, channelName: channelId === CHANNELS[0] ? 'Meetings' : 'General' })
        : personalMessage(text, CHAIR),
    );

  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN }, { pacing: { gapMs: 5, retries: 4, backoffMs: 20 } });
    const grant = withMention(
      channelMessage('make <at>Harry Hill</at> chair', { aadObjectId: ADMIN, userName: 'Ada Admin' }),
      { id: CHAIR.userId, name: 'Harry Hill' },
    );
    expect((await bot.send(grant)).text).to.contain('Harry Hill is now chair');
    for (const channel of CHANNELS)
      expect((await chairSays('link this channel to Kent CSP', channel)).text).to.contain('now linked');
    await grantRole(bot, ADMIN, { userId: '29:1a2B3c4D5e6F-testuser-0001', userName: 'Test User' });
  });
  after(async () => bot.stop());

  it('refuses a member who is not chair or secretariat', async () => {
    const { text } = await bot.send(
      personalMessage('agenda 14 March 2027 10:00 online', { aadObjectId: '99999999-0000-4000-8000-000000000001' }),
    );
    expect(text).to.contain('only the chair or the secretariat');
    expect(storedAgendas(bot)).to.deep.equal([]);
  });

  it('builds the agenda from text and circulates it to both linked channels, a card alone in each post', async () => {
    await chairSays('agenda 14 March 2027 10:00 online');
    await chairSays('item B1 Community Safety Agreement refresh - Ms S Brinson');
    await chairSays('item B2 Working Group update - Mr S Peerbux');
    await chairSays('item B3 MARAC review - Ms A Agyepong');
    bot.connector.clear();
    const { text } = await chairSays('circulate');
    expect(text).to.contain('posted to 2 channels');
    const posts = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
    expect(posts.map((p) => p.conversationId).sort()).to.deep.equal([...CHANNELS].sort());
    for (const post of posts) {
      const activity = post.body as { text?: string; attachments: { content: unknown }[] };
      expect(activity.text ?? '').to.equal('');
      expect(activity.attachments).to.have.length(1);
      expect(cardSchemaErrors(activity.attachments[0]?.content)).to.deep.equal([]);
    }
    const [agenda] = storedAgendas(bot);
    expect(agenda?.status).to.equal('circulated');
    expect(agenda?.posts.map((p) => p.conversationId).sort()).to.deep.equal([...CHANNELS].sort());
  });

  it('updates both posted cards in place after an edit, marked updated, and posts nothing twice', async () => {
    await chairSays('item B2 Working Group update and funding - Mr S Peerbux');
    const ids = storedAgendas(bot)[0]!
      .posts.map((p) => p.activityId)
      .sort();
    bot.connector.clear();
    const { text } = await chairSays('circulate');
    expect(text).to.contain('updated in place in 2');
    expect(bot.connector.requests.filter((r) => r.operation === 'sendToConversation')).to.have.length(0);
    const updates = bot.connector.requests.filter((r) => r.operation === 'updateActivity');
    expect(updates.map((u) => u.activityId).sort()).to.deep.equal(ids);
    expect(JSON.stringify(updates[0]?.body)).to.contain('UPDATED').and.contain('Working Group update and funding');
  });

  it("records members' answers from the card (Universal Actions), shows each their own, and the chair the counts and who has not answered", async () => {
    const agendaId = storedAgendas(bot)[0]!.id;
    const members = [
      { userId: '29:1member-ann', userName: 'Ann Attend' },
      { userId: '29:1member-bob', userName: 'Bob Attend' },
      { userId: '29:1member-cat', userName: 'Cat Apologies' },
    ];
    // The admin gives Dan a role, so the chair expects an answer from him too.
    const grant = withMention(
      channelMessage('make <at>Dan Deputy</at> member', { aadObjectId: ADMIN, userName: 'Ada Admin' }),
      { id: '29:1member-dan', name: 'Dan Deputy' },
    );
    await bot.send(grant);
    const answers = [
      await bot.send(
        invokeAction('agenda.attending', { agendaId }, { ...members[0], kind: 'channel', channelId: CHANNELS[0] }),
      ),
      await bot.send(
        invokeAction('agenda.attending', { agendaId }, { ...members[1], kind: 'channel', channelId: CHANNELS[1] }),
      ),
      await bot.send(
        invokeAction(
          'agenda.apologies',
          { agendaId, note: 'On leave that week' },
          { ...members[2], kind: 'channel', channelId: CHANNELS[0] },
        ),
      ),
    ];
    for (const { result } of answers) expect(result.status).to.equal(200);
    const cat = answers[2]!.result.body as { type: string; value: unknown };
    expect(cat.type).to.equal('application/vnd.microsoft.card.adaptive');
    expect(cardSchemaErrors(cat.value)).to.deep.equal([]);
    expect(JSON.stringify(cat.value))
      .to.contain('Your answer: sending apologies - \\"On leave that week\\"')
      .and.contain('Attending 2 · Apologies 1');
    const stored = storedAgendas(bot)[0]!;
    expect(stored.responses.map((r) => [r.name, r.answer, r.note ?? ''])).to.deep.equal([
      ['Ann Attend', 'attending', ''],
      ['Bob Attend', 'attending', ''],
      ['Cat Apologies', 'apologies', 'On leave that week'],
    ]);
    const chairView = await bot.send(
      invokeAction('agenda.refresh', { agendaId }, { ...CHAIR, kind: 'channel', channelId: CHANNELS[0] }),
    );
    const chairCard = JSON.stringify((chairView.result.body as { value: unknown }).value);
    expect(chairCard).to.contain('Not answered yet').and.contain('Dan Deputy');
    // The chair first, so they always see who has not answered; then those who have answered.
    expect(chairCard).to.contain('"userIds":["29:1chair-harry","29:1member-ann","29:1member-bob","29:1member-cat"]');
  });

  it('answers forged verbs, unknown agendas and bad input on the card, and stores nothing', async () => {
    const agendaId = storedAgendas(bot)[0]!.id;
    await bot.app.idle();
    const before = storeBytes(bot.dataFile);
    const forged = await bot.send(invokeAction('agenda.delete', { agendaId }, { userId: '29:1x', kind: 'channel' }));
    expect(JSON.stringify(forged.result.body)).to.contain('not something this card can do');
    const gone = await bot.send(
      invokeAction('agenda.attending', { agendaId: 'agenda-that-never-was' }, { userId: '29:1x', kind: 'channel' }),
    );
    expect(gone.result.body).to.deep.include({
      type: 'application/vnd.microsoft.activity.message',
      value: 'This agenda no longer exists, so your answer was not recorded.',
    });
    const noName = await bot.send(
      invokeAction('agenda.substitute', { agendaId, substitute: '   ' }, { userId: '29:1x', kind: 'channel' }),
    );
    expect(JSON.stringify(noName.result.body)).to.contain('Name your substitute');
    const wrongType = await bot.send(
      invokeAction('agenda.apologies', { agendaId, note: { $gt: 1 } }, { userId: '29:1x', kind: 'channel' }),
    );
    expect(JSON.stringify(wrongType.result.body)).to.contain('something unexpected');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('takes a substitute through the Action.Submit fallback too', async () => {
    const agendaId = storedAgendas(bot)[0]!.id;
    const { text } = await bot.send(
      cardSubmit(
        { verb: 'agenda.substitute', agendaId, substitute: 'Ms J Deputy' },
        { userId: '29:1member-eve', userName: 'Eve Sub', kind: 'channel' },
      ),
    );
    expect(text).to.contain('Ms J Deputy will attend in your place');
    expect(storedAgendas(bot)[0]!.responses.find((r) => r.name === 'Eve Sub')).to.include({
      answer: 'substitute',
      substitute: 'Ms J Deputy',
    });
  });

  it("answers members' questions about the coming meeting from the circulated agenda", async () => {
    const ask = async (q: string) => (await bot.send(personalMessage(q))).text;
    expect(await ask('When is the next meeting?')).to.contain(
      'The next meeting is Sunday 14 March 2027, 10:00, Online',
    );
    expect(await ask("What's on the agenda?"))
      .to.contain('B1 Community Safety Agreement refresh')
      .and.contain('Presenter: Ms S Brinson');
    expect(await ask('Who is presenting B2?')).to.contain(
      'B2 Working Group update and funding is presented by Mr S Peerbux',
    );
    const coming = await ask("Who's coming to the next meeting?");
    expect(coming)
      .to.contain('2 attending')
      .and.contain('Ann Attend, Bob Attend')
      .and.contain('Ms J Deputy for Eve Sub');
    // Every follow-up the bot offers on these answers, pressed as a member would, answers from the agenda.
    const offered = new Set<string>();
    for (const q of ['When is the next meeting?', "What's on the agenda?", "Who's coming to the next meeting?"]) {
      const { replies } = await bot.send(personalMessage(q));
      for (const m of JSON.stringify(replies).matchAll(/"question":"([^"]{1,100})"/g)) offered.add(m[1] ?? '');
    }
    expect([...offered]).to.include("Who's coming?");
    for (const suggestion of offered) {
      const reply = await ask(suggestion);
      expect(reply, suggestion).to.not.match(/Closest match|I don't have|not sure/i);
      if (/coming/i.test(suggestion)) expect(reply, suggestion).to.contain('2 attending');
      if (/agenda/i.test(suggestion)) expect(reply, suggestion).to.contain('B1 Community Safety Agreement refresh');
    }
    expect(await ask('apologies for the March meeting')).to.contain('Cat Apologies ("On leave that week")');
    // Past meetings are still answered from their minutes.
    expect(await ask('Who sent apologies for the meeting on 21 March 2023?')).to.contain('Widden');
  });

  it('keeps the agenda and its posts across a restart, and then fires the pending reminder once', async () => {
    await bot.restart();
    const { text } = await chairSays('show agenda');
    expect(text).to.contain('B3 MARAC review');
    expect(storedAgendas(bot)[0]?.posts).to.have.length(2);
    await bot.app.idle();
    expect(storedAgendas(bot)[0]?.reminder).to.equal(undefined);

    // Two days before the meeting (default), after another restart, the reminder goes to both channels.
    bot.connector.clear();
    bot.setNow(new Date('2027-03-12T11:00:00Z'));
    await bot.restart();
    await bot.app.idle();
    const reminders = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
    expect(reminders.map((r) => r.conversationId).sort()).to.deep.equal([...CHANNELS].sort());
    expect(JSON.stringify(reminders[0]?.body))
      .to.contain('Reminder: Kent Community Safety Partnership meeting')
      .and.contain('Sunday 14 March 2027, 10:00');
    expect(storedAgendas(bot)[0]?.reminder?.sentTo.sort()).to.deep.equal([...CHANNELS].sort());

    // Neither another check nor another restart repeats it.
    await bot.app.idle();
    await bot.restart();
    await bot.app.idle();
    expect(bot.connector.requests.filter((r) => r.operation === 'sendToConversation')).to.have.length(2);
  });

  it('after the meeting, the chair confirms attendance and it becomes the record the answers use', async () => {
    bot.setNow(new Date('2027-03-14T13:00:00Z'));
    const refused = await bot.send(
      personalMessage('confirm attendance', { aadObjectId: '99999999-0000-4000-8000-000000000001' }),
    );
    expect(refused.text).to.contain('only the chair or the secretariat');
    const { text } = await chairSays('confirm attendance');
    expect(text).to.contain('3 present (including substitutes) and 2 apologies');
    // Those expected (holding a role) who never answered are recorded as such, and the chair is named.
    expect(text).to.contain('3 did not answer (Harry Hill, Test User, Dan Deputy)').and.contain('Chair: Harry Hill');
    const present = await bot.send(personalMessage('Who attended the meeting on 14 March 2027?'));
    expect(present.text).to.contain('Ann Attend').and.contain('Bob Attend').and.contain('Ms J Deputy');
    expect(present.text).to.contain('Did not answer the agenda: Harry Hill, Test User and Dan Deputy.');
    const apologies = await bot.send(personalMessage('Who sent apologies for the meeting on 14 March 2027?'));
    expect(apologies.text).to.contain('Cat Apologies').and.contain('Eve Sub');
    const stored = storedData(bot.dataFile) as {
      partnerships: Record<
        string,
        { meetings: { id: string; date: string | null; chairId?: string }[]; people: { id: string; name: string }[] }
      >;
    };
    const kent = stored.partnerships['kent-csp']!;
    const meeting = kent.meetings.find((m) => m.date === '2027-03-14');
    expect(kent.people.find((p) => p.id === meeting?.chairId)?.name).to.match(/\bH(arry)? Hill$/);
  });
});

describe('HTTP server: circulating under Teams rate limits', () => {
  it('retries posts answered 429 and loses or doubles none', async () => {
    const bot = await startRunningBot(
      { BOT_ADMINS: CHAIR.aadObjectId },
      { pacing: { gapMs: 5, retries: 5, backoffMs: 20 } },
    );
    try {
      await prepareAgenda(bot);
      bot.connector.clear();
      bot.connector.respond429(3);
      const { text } = await bot.send(personalMessage('circulate', CHAIR));
      expect(text).to.contain('posted to 2 channels');
      const accepted = bot.connector.requests.filter((r) => r.operation === 'sendToConversation' && r.status < 300);
      const refused = bot.connector.requests.filter((r) => r.operation === 'sendToConversation' && r.status === 429);
      expect(refused).to.have.length(3);
      expect(accepted.map((r) => r.conversationId).sort()).to.deep.equal([...CHANNELS].sort());
      expect(storedAgendas(bot)[0]?.posts).to.have.length(2);
    } finally {
      await bot.stop();
    }
  });
});

describe('HTTP server: cancelling a circulated meeting', () => {
  it('marks the agenda cancelled and updates every posted card in place to say so', async () => {
    const bot = await startRunningBot(
      { BOT_ADMINS: CHAIR.aadObjectId },
      { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } },
    );
    try {
      await prepareAgenda(bot);
      await bot.send(personalMessage('circulate', CHAIR));
      bot.connector.clear();
      // A second meeting is being prepared, and was edited last: "cancel the meeting" must not guess.
      await bot.send(personalMessage('new agenda 9 May 2027 14:00 Sessions House', CHAIR));
      const asked = await bot.send(personalMessage('cancel the meeting', CHAIR));
      expect(asked.text)
        .to.contain('2 meetings are coming')
        .and.contain('Sunday 14 March 2027')
        .and.contain('Sunday 9 May 2027');
      expect(storedAgendas(bot).map((a) => a.status)).to.deep.equal(['circulated', 'draft']);
      const { text } = await bot.send(personalMessage('cancel the meeting on 14 March 2027', CHAIR));
      expect(text).to.contain('on Sunday 14 March 2027, 10:00 is cancelled; the posted cards in 2 channels now say so');
      const updates = bot.connector.requests.filter((r) => r.operation === 'updateActivity');
      expect(updates).to.have.length(2);
      for (const update of updates)
        expect(JSON.stringify(update.body)).to.contain('CANCELLED').and.not.contain('agenda.attending');
      expect(storedAgendas(bot).map((a) => a.status)).to.deep.equal(['cancelled', 'draft']);
      expect((await bot.send(personalMessage('When is the next meeting?', CHAIR))).text).to.contain(
        'The meeting of Sunday 14 March 2027, 10:00 has been cancelled.',
      );
    } finally {
      await bot.stop();
    }
  });
});

describe('HTTP server: undo after agenda changes and resolution corrections', () => {
  it("undoes the member's own latest change (the cancellation, then a correction), never an older change of someone else, and brings the posted cards back", async () => {
    const bot = await startRunningBot(
      { BOT_ADMINS: `${ADMIN},${CHAIR.aadObjectId}` },
      { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } },
    );
    try {
      await prepareAgenda(bot);
      await bot.send(personalMessage('circulate', CHAIR));
      // Someone else's change, made after the chair's edits and before the cancellation.
      await grantRole(bot, ADMIN, { userId: '29:1member-dan', userName: 'Dan Deputy' });
      await bot.send(personalMessage('cancel the meeting', CHAIR));
      bot.connector.clear();
      const undone = await bot.send(personalMessage('undo', CHAIR));
      expect(undone.text).to.contain('Undone: Meeting of Sunday 14 March 2027, 10:00 cancelled');
      expect(storedAgendas(bot)[0]?.status).to.equal('circulated');
      const updates = bot.connector.requests.filter((r) => r.operation === 'updateActivity');
      expect(updates).to.have.length(2);
      for (const update of updates) {
        expect(JSON.stringify(update.body)).to.not.contain('CANCELLED');
        expect(JSON.stringify(update.body)).to.contain('agenda.attending');
      }
      expect((await bot.send(personalMessage('who has roles?', CHAIR))).text).to.contain('Dan Deputy');
      expect((await bot.send(personalMessage('When is the next meeting?', CHAIR))).text).to.contain(
        'The next meeting is Sunday 14 March 2027, 10:00',
      );

      const corrected = await bot.send(
        personalMessage('correct resolution for B5 on 21 March 2023: that the update be rejected', CHAIR),
      );
      expect(corrected.text).to.contain('resolution corrected');
      expect((await bot.send(personalMessage('history of resolutions', CHAIR))).text)
        .to.contain('resolution corrected')
        .and.contain('Harry Hill');
      expect((await bot.send(personalMessage('undo', CHAIR))).text).to.contain('resolution corrected');
      const answer = await bot.send(personalMessage('what did we resolve about B5 on 21 March 2023?', CHAIR));
      expect(answer.text).to.not.contain('be rejected');
      // The chair's next undo is their circulation, not the admin's role grant.
      expect((await bot.send(personalMessage('undo', CHAIR))).text).to.not.contain('Dan Deputy');
      expect((await bot.send(personalMessage('who has roles?', CHAIR))).text).to.contain('Dan Deputy');
    } finally {
      await bot.stop();
    }
  });
});

describe('HTTP server: the agenda builder and the UPDATED mark, as members meet them', () => {
  it('opens the builder only for organisers, and marks a card UPDATED only for changes after circulation', async () => {
    const bot = await startRunningBot(
      { BOT_ADMINS: CHAIR.aadObjectId },
      { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } },
    );
    try {
      const member = { userId: '29:1member-dan', userName: 'Dan Deputy' };
      await grantRole(bot, CHAIR.aadObjectId, member);
      const refused = await bot.send(personalMessage('new agenda', member));
      expect(refused.text).to.contain('only the chair or the secretariat');
      expect(JSON.stringify(refused.replies)).to.not.contain('agendaForm.save');
      await prepareAgenda(bot);
      await bot.send(personalMessage('item B2 Working Group update', CHAIR));
      await bot.send(personalMessage('circulate', CHAIR));
      const agendaId = storedAgendas(bot)[0]!.id;
      const answered = await bot.send(
        invokeAction('agenda.attending', { agendaId }, { ...member, kind: 'channel', channelId: CHANNELS[0] }),
      );
      expect(JSON.stringify(answered.result.body)).to.contain('down as attending').and.not.contain('UPDATED');
      await bot.send(personalMessage('item B3 MARAC review', CHAIR));
      const after = await bot.send(
        invokeAction('agenda.refresh', { agendaId }, { ...member, kind: 'channel', channelId: CHANNELS[0] }),
      );
      expect(JSON.stringify(after.result.body)).to.contain('UPDATED');
    } finally {
      await bot.stop();
    }
  });
});

describe('HTTP server: who has not answered, as the chair asks it', () => {
  it('answers the chair in chat, however asked, and lists the chair for refresh before anyone has answered', async () => {
    const bot = await startRunningBot({ BOT_ADMINS: ADMIN }, { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } });
    try {
      const grant = withMention(
        channelMessage('make <at>Harry Hill</at> chair', { aadObjectId: ADMIN, userName: 'Ada Admin' }),
        { id: CHAIR.userId, name: 'Harry Hill' },
      );
      await bot.send(grant);
      const cat = { userId: '29:1member-cat', userName: 'Cat Apologies' };
      const dan = { userId: '29:1member-dan', userName: 'Dan Deputy' };
      await grantRole(bot, ADMIN, cat);
      await grantRole(bot, ADMIN, dan);
      await prepareAgenda(bot);
      bot.connector.clear();
      await bot.send(personalMessage('circulate', CHAIR));
      const posted = bot.connector.requests.find((r) => r.operation === 'sendToConversation');
      expect(JSON.stringify(posted?.body)).to.contain(CHAIR.userId);
      const agendaId = storedAgendas(bot)[0]!.id;
      await bot.send(
        invokeAction('agenda.apologies', { agendaId }, { ...cat, kind: 'channel', channelId: CHANNELS[0] }),
      );
      for (const question of [
        "who hasn't answered?",
        'Who has not sent apologies yet?',
        'who is yet to respond to the next meeting',
      ]) {
        const { text } = await bot.send(personalMessage(question, CHAIR));
        expect(text, question).to.contain('2 of the 3 expected').and.contain('Dan Deputy').and.contain('Harry Hill');
        expect(text, question).to.not.contain('Cat Apologies');
      }
      expect((await bot.send(personalMessage("who hasn't answered?", dan))).text).to.contain(
        'Only the chair or the secretariat see who has not answered',
      );
    } finally {
      await bot.stop();
    }
  });
});

describe('HTTP server: moving a circulated meeting', () => {
  it('asks whether a new date moves the circulated meeting or starts another, and moves it (cards updated) when told', async () => {
    const bot = await startRunningBot(
      { BOT_ADMINS: CHAIR.aadObjectId },
      { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } },
    );
    try {
      await prepareAgenda(bot);
      await bot.send(personalMessage('circulate', CHAIR));
      const asked = await bot.send(personalMessage('agenda 21 March 2027 10:00 online', CHAIR));
      expect(asked.text).to.contain('already circulated').and.contain('move the meeting to');
      expect(storedAgendas(bot)).to.have.length(1);
      bot.connector.clear();
      const moved = await bot.send(personalMessage('move the meeting to 21 March 2027 14:00', CHAIR));
      expect(moved.text)
        .to.contain('The meeting of Sunday 14 March 2027, 10:00 is moved to Sunday 21 March 2027, 14:00')
        .and.contain('updated in place in 2');
      expect(storedAgendas(bot)).to.have.length(1);
      expect(storedAgendas(bot)[0]!.startsAt).to.equal('2027-03-21T14:00:00.000Z');
      const updates = bot.connector.requests.filter((r) => r.operation === 'updateActivity');
      expect(updates).to.have.length(2);
      for (const update of updates) expect(JSON.stringify(update.body)).to.contain('21 March 2027');
      // The next edit goes to the same meeting, not to a stray draft.
      expect((await bot.send(personalMessage('item B2 Working Group update', CHAIR))).text).to.contain('21 March 2027');
      const fresh = await bot.send(personalMessage('new agenda 9 May 2027 10:00 online', CHAIR));
      expect(fresh.text).to.contain('Draft agenda started for Sunday 9 May 2027');
    } finally {
      await bot.stop();
    }
  });
});
