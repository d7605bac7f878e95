import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { EVIL_HOST, EXPANSION_MARK, FuzzActivities } from '../helpers/fuzz-activities.js';
import { postActivity, postRaw } from '../helpers/http.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, personalMessage, type TeamsActivityOptions } from '../helpers/teams-activities.js';
import { storeBytes } from '../helpers/stored-data.js';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const CONCURRENCY = 8;
const ADMIN = { userId: '29:1admin-ada', userName: 'Ada Admin', aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211' };
const CHANNEL = { channelId: '19:meetings0000000000000000000001@thread.tacv2', channelName: 'Meetings' };
const USERS: TeamsActivityOptions[] = Array.from({ length: 6 }, (_, i) => ({
  userId: `29:1fuzz-${i}`,
  aadObjectId: `00000000-0000-4000-8000-f0000000000${i}`,
  conversationId: `a:1fuzz-personal-${i}`,
}));

/** Every web address a card opens or renders as markdown: where a link could appear. */
function linksIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => linksIn(n, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.url === 'string') out.push(record.url);
    // TextBlock text and facts are markdown in Teams; TextRun text is literal.
    const markdown =
      record.type === 'TextBlock'
        ? [record.text]
        : record.type === 'FactSet'
          ? (record.facts as { title?: unknown; value?: unknown }[]).flatMap((f) => [f.title, f.value])
          : [];
    for (const text of markdown)
      if (typeof text === 'string') out.push(...(text.match(/\]\([^)]*\)|<a\s[^>]*>/g) ?? []));
    Object.values(record).forEach((v) => linksIn(v, out));
  }
  return out;
}

describe('HTTP server: 10,000 generated hostile activities', function () {
  this.timeout(600_000);
  let bot: RunningBot;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    bot = await startRunningBot({ BOT_ADMINS: ADMIN.aadObjectId });
    // Real records to aim at: a linked channel, a circulated agenda, actions.
    await bot.send(channelMessage('link this channel to Kent CSP', { ...ADMIN, ...CHANNEL }));
    await bot.send(personalMessage('agenda 14 March 2027 10:00 online', ADMIN));
    await bot.send(personalMessage('item B1 Community Safety Agreement refresh', ADMIN));
    await bot.send(personalMessage('circulate', ADMIN));
    for (let i = 0; i < 3; i++)
      await bot.send(personalMessage(`action: Shafick Peerbux to send return ${i} by 30 April`, ADMIN));
    // Each fuzzing member has chatted and written in the channel before, so the bot already knows them.
    for (const user of USERS) {
      await bot.send(personalMessage('hello', user));
      await bot.send(channelMessage('what are the current priorities?', { ...user, ...CHANNEL }));
    }
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await bot.stop();
  });

  it('never crashes or stalls, shows user text literally, and changes nothing', async () => {
    const store = storeBytes(bot.dataFile);
    const journal = readFileSync(`${bot.dataFile}.actions`);
    const fuzz = new FuzzActivities(20261201, USERS, CHANNEL);
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    let slowest = 0;
    const timings: { took: number; activity: string }[] = [];
    let replies = 0;
    let sent = 0;
    const worker = async () => {
      while (sent < CASES) {
        sent++;
        const activity = { ...fuzz.activity(), serviceUrl: bot.connector.url };
        const started = performance.now();
        const result = await postActivity(bot.messagesUrl, activity);
        const took = performance.now() - started;
        slowest = Math.max(slowest, took);
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        // 501 is how the SDK declines an invoke it does not implement, as Teams expects.
        const declined = result.status === 501 && activity.type === 'invoke' && activity.name !== 'adaptiveCard/action';
        if (result.status >= 500 && !declined)
          problems.push(
            `${result.status} for ${activity.type} ${activity.name ?? ''} ${JSON.stringify(activity.value).slice(0, 200)}`,
          );
        timings.push({ took, activity: JSON.stringify(activity).slice(0, 300) });
        const input = JSON.stringify(activity);
        const out = [
          JSON.stringify(result.body ?? ''),
          ...bot.connector.requests.filter((r) => r.activityId === activity.id).map((r) => JSON.stringify(r.body)),
        ];
        for (const text of out) {
          if (text.includes(EXPANSION_MARK))
            problems.push(`a template expression was evaluated: ${text.slice(0, 300)}`);
          const body = JSON.parse(text) as unknown;
          for (const link of linksIn(body))
            if (link.includes(EVIL_HOST) || /javascript:/i.test(link))
              problems.push(
                `a link made from member text: ${link} in ${text.slice(0, 1500)} for ${input.slice(0, 400)}`,
              );
          const cards = (body as { attachments?: { content?: unknown }[] } | undefined)?.attachments ?? [];
          for (const card of cards)
            for (const error of cardSchemaErrors(card.content))
              problems.push(`invalid card (${error}) for ${input.slice(0, 200)}`);
          if (/"textFormat":"markdown"/.test(text)) problems.push('a reply sent as markdown');
        }
        replies += out.length - 1;
        if (bot.connector.requests.length > 200) bot.connector.clear();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // Bodies the server refuses before any bot code runs.
    expect(
      (await postRaw(bot.messagesUrl, '{"type": "message", "text": ', { 'content-type': 'application/json' })).status,
    ).to.equal(400);
    expect(
      (
        await postRaw(
          bot.messagesUrl,
          JSON.stringify({ ...personalMessage('x'.repeat(300_000)), serviceUrl: bot.connector.url }),
          { 'content-type': 'application/json' },
        )
      ).status,
    ).to.equal(413);
    // A stall is a turn far slower than this run's own typical turn (a shared machine slows them all alike).
    const median = [...timings].sort((a, b) => a.took - b.took)[Math.floor(timings.length / 2)]?.took ?? 0;
    for (const t of timings)
      if (t.took > Math.max(2_000, 50 * median))
        problems.push(`${Math.round(t.took)} ms (median ${Math.round(median)} ms) for ${t.activity}`);
    console.log(
      `      ${CASES} cases, ${replies} replies, statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${Math.round(slowest)} ms`,
    );
    expect(problems.slice(0, 10)).to.deep.equal([]);
    expect(unhandled).to.deep.equal([]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((await fetch(`${bot.app.url}/healthz`)).status).to.equal(200);
    expect(storeBytes(bot.dataFile).equals(store), 'the store changed').to.equal(true);
    expect(readFileSync(`${bot.dataFile}.actions`).equals(journal), 'the actions changed').to.equal(true);
  });
});
