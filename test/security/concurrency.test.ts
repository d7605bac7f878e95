import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Agenda, Lead, PriorityDraft } from '../../src/core/model/model.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, invokeAction, personalMessage } from '../helpers/teams-activities.js';
import { storedData } from '../helpers/stored-data.js';

const ADMIN = { userId: '29:1admin-ada', userName: 'Ada Admin', aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211' };
const CHANNEL = { channelId: '19:meetings0000000000000000000001@thread.tacv2', channelName: 'Meetings' };
const CONVERSATIONS = 50;

const member = (i: number) => ({
  userId: `29:1member-${i}`,
  userName: `Member ${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
});

describe('HTTP server: 50 conversations writing at once', () => {
  let bot: RunningBot;
  const kent = () =>
    (
      storedData(bot.dataFile) as {
        partnerships: Record<string, { agendas: Agenda[]; leads: Lead[]; priorityDraft?: PriorityDraft }>;
      }
    ).partnerships['kent-csp']!;
  const journal = () =>
    readFileSync(`${bot.dataFile}.actions`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { number: number; description: string });

  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN.aadObjectId }, { pacing: { gapMs: 1, retries: 2, backoffMs: 5 } });
    await bot.send(channelMessage('link this channel to Kent CSP', { ...ADMIN, ...CHANNEL }));
  });
  after(async () => bot.stop());

  it('logs 50 actions sent at the same moment, each once, with 50 different numbers', async () => {
    // Writing in the partnership's linked channel makes each of them a member, in their personal chats too.
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) =>
        bot.send(channelMessage('what are the priorities?', { ...member(i), ...CHANNEL })),
      ),
    );
    const sent = await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) =>
        bot.send(personalMessage(`action: Shafick Peerbux to send return ${i} by 30 April`, member(i))),
      ),
    );
    expect(sent.every((s) => /Action \d+ logged/.test(s.text))).to.equal(true);
    const logged = journal();
    expect(logged.map((a) => a.description).sort()).to.deep.equal(
      Array.from({ length: CONVERSATIONS }, (_, i) => `send return ${i}`).sort(),
    );
    expect(new Set(logged.map((a) => a.number)).size).to.equal(CONVERSATIONS);
  });

  it("logs one action for three deliveries of the same activity arriving together (Teams retries a member's first message)", async () => {
    for (let trial = 0; trial < 5; trial++) {
      const activity = personalMessage(`action: Shafick Peerbux to send the retried return ${trial} by 30 April`, {
        ...ADMIN,
        conversationId: `a:1first-chat-${trial}`,
      });
      const deliveries = await Promise.all([bot.send(activity), bot.send(activity), bot.send(activity)]);
      const numbers = new Set(deliveries.map((d) => /Action (\d+)/.exec(d.text)?.[1]));
      expect(numbers.size, deliveries.map((d) => d.text).join(' | ')).to.equal(1);
      expect(journal().filter((a) => a.description === `send the retried return ${trial}`)).to.have.length(1);
    }
  });

  it('makes one action of a draft confirmed twice at the same moment', async () => {
    const [first, second] = await Promise.all([
      bot.send(personalMessage('confirm draft D1', { ...ADMIN, conversationId: 'a:1confirm-1' })),
      bot.send(personalMessage('confirm draft D1', { ...ADMIN, conversationId: 'a:1confirm-2' })),
    ]);
    expect(first.text + second.text).to.match(/Draft D1 confirmed as action \d+/);
    const fromDraft = journal().filter((a) => a.description.includes('Vision Zero'));
    expect(fromDraft).to.have.length(1);
  });

  it('keeps all 50 answers given on one agenda card at once', async () => {
    await bot.send(personalMessage('agenda 14 March 2027 10:00 online', ADMIN));
    await bot.send(personalMessage('item B1 Community Safety Agreement refresh', ADMIN));
    await bot.send(personalMessage('circulate', ADMIN));
    const agendaId = kent().agendas[0]!.id;
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) =>
        bot.send(
          invokeAction(
            i % 3 ? 'agenda.attending' : 'agenda.apologies',
            { agendaId },
            { ...member(i), kind: 'channel', ...CHANNEL },
          ),
        ),
      ),
    );
    const responses = kent().agendas[0]!.responses;
    expect(responses.map((r) => r.userId).sort()).to.deep.equal(
      Array.from({ length: CONVERSATIONS }, (_, i) => member(i).userId).sort(),
    );
  });

  it('keeps every co-lead and every draft priority added at once from 50 chats: none overwrites another', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        bot.send(
          personalMessage(`add co-lead for road safety: Deputy ${i}, Kent Police`, {
            ...ADMIN,
            conversationId: `a:admin-${i}`,
          }),
        ),
      ),
    );
    const names = kent()
      .leads.filter((l) => l.priorityId === 'road-safety')
      .map((l) => l.name);
    for (let i = 0; i < 25; i++) expect(names).to.include(`Deputy ${i}`);
    await bot.send(personalMessage('start priorities for 2024/25', ADMIN));
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        bot.send(personalMessage(`add priority Pilot Scheme ${i}`, { ...ADMIN, conversationId: `a:admin-${i}` })),
      ),
    );
    const draft = kent().priorityDraft!.year.priorities.map((p) => p.name);
    expect(draft).to.have.length(8 + 25);
    for (let i = 0; i < 25; i++) expect(draft).to.include(`Pilot Scheme ${i}`);
  });
});
