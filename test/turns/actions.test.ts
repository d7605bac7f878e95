import { expect } from 'chai';
import type { Action } from '../../src/core/model/model.js';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import {
  channelMessage,
  DEFAULT_CHANNEL_ID,
  invokeAction,
  personalMessage,
  personalConversationId,
  type InboundActivity,
} from '../helpers/teams-activities.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { grantRole } from '../helpers/memberships.js';
import { storedData } from '../helpers/stored-data.js';
import { OFFICER, SECRETARIAT } from '../helpers/members.js';

const SARAH = { id: '29:1sarah', name: 'Sarah Jones' };

type LoggedAction = Pick<Action, 'number' | 'owner' | 'description' | 'due' | 'priorityId' | 'meeting' | 'status'>;
function journal(bot: RunningBot): LoggedAction[] {
  const file = `${bot.dataFile}.actions`;
  if (!existsSync(file)) return [];
  const latest = new Map<number, LoggedAction>();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const a = JSON.parse(line) as LoggedAction;
    latest.set(a.number, a);
  }
  return [...latest.values()].sort((a, b) => a.number - b.number);
}
function mentioning(activity: InboundActivity, who: { id: string; name: string }): InboundActivity {
  return {
    ...activity,
    text: activity.text?.replace(who.name, `<at>${who.name}</at>`),
    entities: [...(activity.entities ?? []), { type: 'mention', mentioned: who, text: `<at>${who.name}</at>` }],
  };
}

describe('HTTP server: actions', () => {
  let bot: RunningBot;
  const say = async (text: string, who: typeof OFFICER = OFFICER) => (await bot.send(personalMessage(text, who))).text;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: SECRETARIAT.aadObjectId });
    await grantRole(bot, SECRETARIAT.aadObjectId, OFFICER, 'officer');
  });
  after(async () => bot.stop());

  it('logs five actions written five ways, with owner, due date and links', async () => {
    expect(await say('action: Shafick Peerbux to circulate the refreshed CSA by 30 April')).to.contain(
      'Action 1 logged: Shafick Peerbux to circulate the refreshed CSA, due Friday 30 April 2027',
    );
    expect(
      (
        await bot.send(
          mentioning(
            personalMessage('action Sarah Jones review the MARAC funding by end of May for domestic abuse', OFFICER),
            SARAH,
          ),
        )
      ).text,
    ).to.contain('Action 2 logged: Sarah Jones to review the MARAC funding, due Monday 31 May 2027');
    expect(await say('action - Ms Brinson to strengthen the scams section of the CSA by Friday for scams')).to.contain(
      'Action 3 logged: Ms S Brinson',
    );
    expect(await say('action: Martin Adams to report the KSI figures next week')).to.contain(
      'due Tuesday 1 December 2026',
    );
    expect(
      await say('action: Mr McMullan to give a further Vision Zero update by 30/04 from the March 2022 meeting'),
    ).to.contain('Action 5 logged');
    const logged = journal(bot);
    expect(
      logged.map((a) => [
        a.number,
        a.owner.personId ?? a.owner.userId,
        a.due,
        a.priorityId ?? '',
        a.meeting?.meetingId ?? '',
      ]),
    ).to.deep.equal([
      [1, 's-peerbux', '2027-04-30', '', ''],
      [2, SARAH.id, '2027-05-31', 'domestic-abuse', ''],
      [3, 's-brinson', '2026-11-27', 'safeguarding', ''],
      [4, 'm-adams', '2026-12-01', '', ''],
      [5, 'mcmullan', '2027-04-30', '', 'kcsp-2022-03-24'],
    ]);
  });

  it('lists them in each view', async () => {
    expect(await say('open actions'))
      .to.contain('5 actions')
      .and.contain('#4 Martin Adams: report the KSI figures');
    expect(await say('actions for domestic abuse'))
      .to.contain('#2 Sarah Jones')
      .and.not.contain('#1 ');
    expect(await say('actions from the March meeting')).to.contain('#5 Mr McMullan');
    expect(await say('action 3')).to.contain('Ms S Brinson: strengthen the scams section of the CSA');
    // The officer logged all five for others: "my actions" is what they own; "actions I logged" the rest.
    expect(await say('my actions')).to.contain('You own no open actions');
    expect(await say('actions I logged')).to.contain('5 actions');
    // Asked the ways people ask.
    expect(await say('what actions does Sarah Jones have?'))
      .to.contain('#2 Sarah Jones')
      .and.not.contain('#1 ');
    expect(await say("Martin Adams's actions"))
      .to.contain('#4 Martin Adams')
      .and.not.contain('#2 ');
    expect(await say('actions due this week'))
      .to.contain('#3 Ms S Brinson')
      .and.not.contain('#1 ');
    expect(await say('history of action 3'))
      .to.contain('History:')
      .and.contain('created by Sam Officer');
    // What each is linked to, by name.
    expect(await say('action 2')).to.contain('for Domestic Abuse');
    expect(await say('action 5')).to.contain('from the meeting of Thursday 24 March 2022');
    bot.setNow(new Date('2026-11-30T10:00:00Z'));
    expect(await say('overdue actions'))
      .to.contain('1 action, 1 overdue')
      .and.contain('#3 Ms S Brinson')
      .and.contain('OVERDUE');
    bot.setNow(new Date('2026-11-24T10:00:00Z'));
  });

  it("changes status by text, keeps who and when, and refuses others' actions", async () => {
    const other = { userId: '29:1other', userName: 'Olly Other', aadObjectId: '4d4d4d4d-5e5e-4f6f-8a7a-8b8b8b8b8b8b' };
    expect(await say('2 done', other)).to.contain("part of the KCSP's internal records, for its members only");
    await grantRole(bot, SECRETARIAT.aadObjectId, other);
    expect(await say('2 done', other)).to.contain("action 2 is Sarah Jones's");
    // Ownership goes by Teams id: a member who shares the owner's display name is not the owner.
    const namesake = {
      userId: '29:1another-sarah',
      userName: SARAH.name,
      aadObjectId: '6f6f6f6f-7a7a-4b8b-8c9c-0d0d0d0d0d0d',
    };
    await grantRole(bot, SECRETARIAT.aadObjectId, namesake);
    expect(await say('2 done', namesake)).to.contain("action 2 is Sarah Jones's");
    // Officers follow actions up for the partnership: they may update anyone's.
    await grantRole(bot, SECRETARIAT.aadObjectId, namesake, 'officer');
    expect(await say('2 in progress', namesake)).to.contain('Action 2 is now in progress');
    expect(await say('2 open', namesake)).to.contain('Action 2 is now open');
    expect(await say('action 4 in progress')).to.contain('Action 4 is now in progress');
    expect(await say('drop action 5', SECRETARIAT)).to.contain('Action 5 is now dropped');
    // A closed action's card offers Reopen instead of the status buttons.
    const closed = JSON.stringify((await bot.send(personalMessage('action 5', SECRETARIAT))).replies);
    expect(closed).to.contain('Reopen').and.not.contain('"title":"Drop"');
    const statuses = journal(bot).map((a) => a.status);
    expect(statuses).to.deep.equal(['open', 'open', 'open', 'in progress', 'dropped']);
    expect(await say('action 4')).to.contain('status to in progress by Sam Officer');
  });

  it('changes status from the tracker card, and undoes or edits from the confirmation card, the card refreshing in place', async () => {
    const { replies } = await bot.send(personalMessage('open actions', OFFICER));
    const tracker = (replies[0]!.attachments as { content: unknown }[])[0]!.content;
    expect(cardSchemaErrors(tracker)).to.deep.equal([]);
    expect(JSON.stringify(tracker)).to.contain('"verb":"action.status"');
    const pressed = await bot.send(
      invokeAction('action.status', { number: 1, status: 'done', view: 'open actions' }, OFFICER),
    );
    const refreshed = JSON.stringify((pressed.result.body as { value: unknown }).value);
    // The action stays on the card, done, with Reopen, though the view lists open ones only.
    expect(refreshed).to.contain('Action 1 is now done').and.contain('#1 Shafick Peerbux').and.contain('Reopen');
    expect(journal(bot)[0]?.status).to.equal('done');

    const logged = await bot.send(
      personalMessage('action: Jessica Mookherjee to share the drug strategy consultation by 15 January', OFFICER),
    );
    const confirmation = (logged.replies[0]!.attachments as { content: unknown }[])[0]!.content;
    expect(cardSchemaErrors(confirmation)).to.deep.equal([]);
    expect(JSON.stringify(confirmation)).to.contain('"title":"Undo"').and.contain('"title":"Edit"');
    const number = journal(bot).at(-1)!.number;
    const edited = await bot.send(
      invokeAction(
        'action.edit',
        {
          number,
          view: `action ${number}`,
          description: 'share the drug and alcohol strategy consultation',
          due: '2027-01-22',
        },
        OFFICER,
      ),
    );
    expect(JSON.stringify((edited.result.body as { value: unknown }).value)).to.contain(`Action ${number} updated`);
    expect(journal(bot).at(-1)).to.include({
      description: 'share the drug and alcohol strategy consultation',
      due: '2027-01-22',
    });
    const undone = await bot.send(invokeAction('action.undo', { number, view: `action ${number}` }, OFFICER));
    expect(JSON.stringify((undone.result.body as { value: unknown }).value)).to.contain(
      `Undone: action ${number} (Jessica Mookherjee to share the drug and alcohol strategy consultation) is withdrawn`,
    );

    const before = readFileSync(`${bot.dataFile}.actions`);
    const forged = await bot.send(invokeAction('action.delete', { number: 1, view: 'open actions' }, OFFICER));
    expect(JSON.stringify(forged.result.body)).to.contain('not something this card can do');
    const badNumber = await bot.send(invokeAction('action.status', { number: 'one', status: 'done' }, OFFICER));
    expect(JSON.stringify(badNumber.result.body)).to.contain('something unexpected');
    const notMember = await bot.send(
      invokeAction(
        'action.status',
        { number: 2, status: 'done', view: 'open actions' },
        { userId: '29:1nobody', userName: 'No Body' },
      ),
    );
    expect(JSON.stringify(notMember.result.body)).to.contain('for its members only');
    const notMine = await bot.send(
      invokeAction(
        'action.status',
        { number: 2, status: 'done', view: 'open actions' },
        { userId: '29:1other', userName: 'Olly Other', aadObjectId: '4d4d4d4d-5e5e-4f6f-8a7a-8b8b8b8b8b8b' },
      ),
    );
    expect(JSON.stringify(notMine.result.body)).to.contain("action 2 is Sarah Jones's");
    expect(readFileSync(`${bot.dataFile}.actions`).equals(before)).to.equal(true);
  });

  it('exports the actions as a UTF-8 CSV through a signed link that expires', async () => {
    const { replies } = await bot.send(personalMessage('export actions', OFFICER));
    const card = (replies[0]!.attachments as { content: { actions: { type: string; url?: string }[] } }[])[0]!.content;
    const url = card.actions.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
    expect(url).to.match(/\/exports\/actions\.csv\?p=kent-csp&exp=\d+&sig=/);
    const response = await fetch(url);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    const rows = parse(await response.text(), { bom: true }) as string[][];
    expect(rows[0]).to.deep.equal([
      'Number',
      'Owner',
      'Action',
      'Due',
      'Status',
      'Priority',
      'Meeting',
      'Item',
      'Logged by',
      'Logged at',
      'History',
    ]);
    // Every action logged, and the header, but the one whose logging was undone above.
    expect(rows).to.have.length(journal(bot).length);
    expect(rows.flat().join(' ')).to.not.contain('strategy consultation');
    expect(rows[2]).to.include.members([
      '2',
      'Sarah Jones',
      'review the MARAC funding',
      '2027-05-31',
      'open',
      'Domestic Abuse',
    ]);
    expect(rows[5]).to.include.members(['meeting of Thursday 24 March 2022']);
    expect(rows[1]?.[10]).to.match(/created by Sam Officer; .* status open -> done by Sam Officer/);
    expect((await fetch(url.replace(/sig=[^&]+/, 'sig=guessed'))).status).to.equal(403);
    expect((await fetch(url.replace('p=kent-csp', 'p=other-csp'))).status).to.equal(403);
    bot.setNow(new Date('2026-11-24T12:00:00Z'));
    expect((await fetch(url)).status).to.equal(410);
    bot.setNow(new Date('2026-11-24T10:00:00Z'));
  });

  it('exports descriptions and names that look like spreadsheet formulas as text, never as formulas', async () => {
    const plotter = {
      userId: '29:1plotter',
      userName: '=HYPERLINK("http://evil.example","Sam")',
      aadObjectId: '7a7a7a7a-8b8b-4c9c-8d0d-1e1e1e1e1e1e',
    };
    await grantRole(bot, SECRETARIAT.aadObjectId, plotter);
    expect(await say("action: Shafick Peerbux to =cmd|' /C calc'!A0 by 30 April", plotter)).to.match(
      /Action \d+ logged/,
    );
    expect(await say('action: Shafick Peerbux to @SUM(1+1) by 30 April', plotter)).to.match(/Action \d+ logged/);
    const { replies } = await bot.send(personalMessage('export actions', OFFICER));
    const card = (replies[0]!.attachments as { content: { actions: { type: string; url?: string }[] } }[])[0]!.content;
    const rows = parse(await (await fetch(card.actions.find((a) => a.type === 'Action.OpenUrl')?.url ?? '')).text(), {
      bom: true,
    }) as string[][];
    const cells = rows.slice(1).flatMap((row) => row);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).to.deep.equal([]);
    expect(cells).to.include("'=cmd|' /C calc'!A0").and.include("'@SUM(1+1)").and.include(`'${plotter.userName}`);
  });

  it("lets the secretariat confirm or discard the importer's draft actions, once", async () => {
    expect(await say('show the draft actions')).to.contain(
      'D2  the Probation Service: consider the funding arrangements for 2022/23',
    );
    expect(await say('confirm draft D2')).to.contain('only the chair or the secretariat');
    const confirmed = await say('confirm draft D1', SECRETARIAT);
    expect(confirmed).to.match(
      /Draft D1 confirmed as action \d+: Mr McMullan to give a further update on Vision Zero Strategy, due Friday 31 March 2023/,
    );
    // Named from the minutes, not a Teams user: no nudge can reach him until the name is linked.
    expect(confirmed).to.contain('Mr McMullan is named from the records, not a Teams user');
    expect(await say('confirm draft D1', SECRETARIAT)).to.contain('already confirmed');
    expect(await say('discard draft D3', SECRETARIAT)).to.contain('is discarded');
    const drafts = (
      storedData(bot.dataFile) as { partnerships: Record<string, { draftActions: { status: string }[] }> }
    ).partnerships['kent-csp']!.draftActions;
    expect(drafts.map((d) => d.status)).to.deep.equal(['confirmed', 'draft', 'discarded']);
    expect(journal(bot).filter((a) => a.description.startsWith('give a further update on Vision Zero'))).to.have.length(
      1,
    );
  });

  it('logs an action from the "log action" form card, keeping what was typed when something is wrong', async () => {
    const { replies } = await bot.send(personalMessage('log action', OFFICER));
    const form = (replies[0]!.attachments as { content: unknown }[])[0]!.content;
    expect(cardSchemaErrors(form)).to.deep.equal([]);
    expect(JSON.stringify(form)).to.contain('"verb":"actionForm.log"').and.contain('Road Safety');
    const wrong = await bot.send(
      invokeAction(
        'actionForm.log',
        { owner: 'Martin Adams', description: 'review speed data', due: '2020-01-01', priorityId: 'road-safety' },
        OFFICER,
      ),
    );
    const wrongCard = JSON.stringify((wrong.result.body as { value: unknown }).value);
    expect(wrongCard).to.contain('The due date is in the past').and.contain('review speed data');
    const count = journal(bot).length;
    const good = invokeAction(
      'actionForm.log',
      {
        owner: 'Martin Adams',
        description: 'review the speed data for the A20',
        due: '2027-02-26',
        priorityId: 'road-safety',
      },
      OFFICER,
    );
    const logged = await bot.send(good);
    expect(JSON.stringify((logged.result.body as { value: unknown }).value)).to.contain(
      `Action ${count + 1} logged: Martin Adams to review the speed data for the A20, due Friday 26 February 2027`,
    );
    await bot.send(good);
    expect(journal(bot)).to.have.length(count + 1);
    expect(journal(bot).at(-1)).to.include({ priorityId: 'road-safety', due: '2027-02-26' });
  });

  it('never logs a redelivered activity twice', async () => {
    const activity = personalMessage('action: Nick Wilkinson to brief members on PREVENT by 31 January', OFFICER);
    const expected = journal(bot).length + 1;
    const first = await bot.send(activity);
    const again = await bot.send(activity);
    expect(first.text).to.contain(`Action ${expected} logged`);
    expect(again.text).to.contain(`Action ${expected} is logged`);
    expect(journal(bot)).to.have.length(expected);
  });

  it('reads due dates as officers type them, and shows back a date it had to guess', async () => {
    expect(await say('action: Martin Adams to circulate the KSI summary by 3rd of next month')).to.match(
      /Action \d+ logged: Martin Adams to circulate the KSI summary, due Thursday 3 December 2026\./,
    );
    expect(await say('action: Martin Adams to book the venue by mid-January')).to.contain(
      'I read "mid-January" as Friday 1 January 2027',
    );
    // A member may name themself as owner, role or not.
    expect(await say('action: I will draft the newsletter by end of May')).to.contain(
      'logged: Sam Officer to draft the newsletter',
    );
  });

  it('explains bad input and logs nothing', async () => {
    const before = readFileSync(`${bot.dataFile}.actions`);
    for (const [text, message] of [
      ['action:', /Tell me the action in one line/],
      ['action: Shafick Peerbux to call back by 1 January 2020', /in the past/],
      ['action: Shafick Peerbux to call back by blursday', /couldn't read "blursday"/],
      ['action 999 done', /There is no action 999/],
      [`action: Shafick Peerbux to ${'x'.repeat(10_000)}`, /keep it under 500/],
      ['action: Bob Nobody to do a thing by 1 May', /I don't know who "Bob Nobody" is/],
    ] as const) {
      expect(await say(text), text.slice(0, 40)).to.match(message);
    }
    expect(readFileSync(`${bot.dataFile}.actions`).equals(before)).to.equal(true);
  });

  it('logs 200 actions from 20 conversations at once, numbered uniquely, none lost, and keeps them across a restart', async () => {
    const start = journal(bot).length;
    await Promise.all(
      Array.from({ length: 20 }, async (_, c) => {
        for (let i = 0; i < 10; i++) {
          const activity = personalMessage(`action: Shafick Peerbux to follow up item ${c}-${i} by 30 April`, {
            ...OFFICER,
            conversationId: personalConversationId(100 + c),
          });
          const { result } = await bot.send(activity);
          expect(result.status).to.equal(200);
        }
      }),
    );
    await bot.restart();
    const logged = journal(bot);
    expect(logged).to.have.length(start + 200);
    expect(new Set(logged.map((a) => a.number)).size).to.equal(start + 200);
    expect(await say(`action ${start + 200}`)).to.contain('follow up item');
  });
});

describe('HTTP server: the weekly actions digest', () => {
  it('posts the digest to linked channels and a personal reminder to an owner with overdue actions, once a week, across restarts', async () => {
    // Tuesday 24 November 2026, 10:00: the digest is set for Tuesdays at 09:00 London time.
    const bot = await startRunningBot({
      BOT_ADMINS: SECRETARIAT.aadObjectId,
      DIGEST_DAY: 'tuesday',
      DIGEST_TIME: '09:00',
    });
    try {
      await bot.send(channelMessage('link this channel', { ...SECRETARIAT }));
      await grantRole(bot, SECRETARIAT.aadObjectId, OFFICER, 'officer');
      // Linked after this week's digest was due (Tuesday 09:00), and no actions yet: nothing is posted now.
      bot.connector.clear();
      await bot.app.idle();
      expect(bot.connector.requests.filter((r) => r.operation === 'sendToConversation')).to.have.length(0);
      const sarah = { userId: SARAH.id, userName: SARAH.name, aadObjectId: '5e5e5e5e-6f6f-4a7a-8b8b-9c9c9c9c9c9c' };
      const hello = personalMessage('hello', sarah);
      const sarahChat = (hello.conversation as { id: string }).id;
      await bot.send(hello);
      await bot.send(
        mentioning(personalMessage('action Sarah Jones review the MARAC funding by 25 November', OFFICER), SARAH),
      );
      bot.setNow(new Date('2026-12-01T10:00:00Z'));
      bot.connector.clear();
      await bot.app.idle();
      const posts = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
      expect(posts.map((p) => p.conversationId).sort()).to.deep.equal([DEFAULT_CHANNEL_ID, sarahChat].sort());
      const texts = posts.map((p) => JSON.stringify(p.body));
      expect(texts.find((t) => t.includes('Weekly actions digest'))).to.contain('1 open actions, 1 overdue');
      expect(texts.find((t) => t.includes('Your overdue actions')))
        .to.contain('review the MARAC funding')
        .and.contain('Say \\"1 done\\"');
      await bot.restart();
      await bot.app.idle();
      expect(bot.connector.requests.filter((r) => r.operation === 'sendToConversation')).to.have.length(2);
    } finally {
      await bot.stop();
    }
  });
});
