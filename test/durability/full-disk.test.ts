import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { botEnvironment, BotProcess, freePort } from '../../bench/kill-restart.js';
import { SAVE_FAILED_REPLY } from '../../src/core/records/save-failed.js';
import { ActionJournal } from '../../src/store/action-journal.js';
import { changeJournalFile, openStore } from '../../src/store/store.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../helpers/connector-stand-in.js';
import { postActivity } from '../helpers/http.js';
import { replyText } from '../helpers/reply-text.js';
import { personalMessage } from '../helpers/teams-activities.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

/**
 * The bot as its own process under a real file-size limit (RLIMIT_FSIZE via util-linux's prlimit):
 * past it a write is cut short and then fails with EFBIG, as on a full disk, for the actions
 * journal and for the store's change journal alike.
 */
describe('durability: the disk fills while members log actions and set aliases', function () {
  this.timeout(300_000);
  let folder: ReturnType<typeof makeTempFolder>;
  let connector: ConnectorStandIn;
  let bot: BotProcess;
  before(function () {
    if (spawnSync('prlimit', ['--version']).status !== 0) this.skip();
  });
  beforeEach(async () => {
    folder = makeTempFolder();
    connector = await startConnectorStandIn();
  });
  afterEach(async () => {
    await bot?.kill();
    await connector.close();
    folder.remove();
  });

  it('confirms only what reached disk whole, tells the member "could not save, nothing changed", keeps answering questions, and starts again with every confirmed change', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dataFile = path.join(folder.path, 'store.json');
    const env = botEnvironment(port, dataFile, ADMIN);
    bot = new BotProcess(env, url, folder.path);
    await bot.start();
    await bot.stop();
    // Actions already logged, as many bytes as the store holds, so that both files fill at about the same time.
    const seeded = await ActionJournal.open(`${dataFile}.actions`);
    for (let n = 0; statSync(`${dataFile}.actions`).size < statSync(dataFile).size; n++) {
      await seeded.add('kent-csp', (number) => ({
        id: `kent-csp#${number}`,
        partnershipId: 'kent-csp',
        number,
        owner: { name: 'Shafick Peerbux' },
        description: `earlier action ${n} ${'x'.repeat(400)}`,
        status: 'open',
        createdBy: { id: 'u', name: 'Anna' },
        createdAt: '2026-12-01T10:00:00.000Z',
        history: [],
      }));
    }
    await seeded.close();
    // And as many changes in the store's change journal: members the bot has seen.
    const seeding = await openStore({ file: dataFile, defaults: () => expect.fail('the store exists') });
    for (
      let n = 0;
      !existsSync(changeJournalFile(dataFile)) || statSync(changeJournalFile(dataFile)).size < statSync(dataFile).size;
      n++
    ) {
      await seeding.update((d) => {
        for (let m = 0; m < 20; m++)
          d.memberships[`seen-member-${n}-${m}-${'x'.repeat(60)}`] = { seenIn: ['kent-csp'] };
      });
    }
    await seeding.close();
    const sizes = [dataFile, `${dataFile}.actions`, changeJournalFile(dataFile)].map((f) => statSync(f).size);
    // Room for about 15 more long actions in the journal and a few dozen aliases in the change journal.
    const limit = Math.max(...sizes) + 14_000;
    await bot.start(['prlimit', `--fsize=${limit}`]);

    const send = async (
      text: string,
      who: { aadObjectId: string; userId: string; userName: string },
      conversationId: string,
    ): Promise<string> => {
      const activity = { ...personalMessage(text, { ...who, conversationId }), serviceUrl: connector.url };
      const before = connector.requests.length;
      await postActivity(`${url}/api/messages`, activity, { signal: AbortSignal.timeout(30_000) });
      return replyText(
        connector.requests
          .slice(before)
          .filter((r) => r.activityId === activity.id)
          .map((r) => r.body as Record<string, unknown>),
      );
    };
    const admin = { aadObjectId: ADMIN, userId: '29:admin', userName: 'Ada Admin' };
    const member = (n: number) => ({
      aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      userId: `29:member-${n}`,
      userName: `Member ${n}`,
    });
    // The writers are the partnership's members (actions are for members only).
    for (const n of [0, 1, 2, 3]) {
      const who = member(n);
      const grant = {
        ...personalMessage(`make <at>${who.userName}</at> member`, { ...admin, conversationId: 'a:full-grants' }),
        serviceUrl: connector.url,
      };
      await postActivity(`${url}/api/messages`, {
        ...grant,
        entities: [
          { type: 'mention', mentioned: { id: who.userId, name: who.userName }, text: `<at>${who.userName}</at>` },
        ],
      });
    }
    const outcome = {
      actions: { saved: [] as string[], refused: [] as string[] },
      aliases: { saved: [] as string[], refused: [] as string[] },
      other: [] as string[],
    };
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; i < 40; i++) {
        const tag = `w${w}x${i}`;
        if (i % 3 === 2) {
          const reply = await send(`alias ${tag} = road safety`, admin, `a:full-admin-${w}`);
          if (reply.includes(`"${tag}" now means`)) outcome.aliases.saved.push(tag);
          else if (reply.includes(SAVE_FAILED_REPLY)) outcome.aliases.refused.push(tag);
          else outcome.other.push(`${tag}: ${reply.slice(0, 200)}`);
        } else {
          const reply = await send(
            `action: Shafick Peerbux to file report ${tag} ${'on the partnership plan '.repeat(17)}by 30 April`,
            member(w),
            `a:full-${w}`,
          );
          if (new RegExp(`Action \\d+ logged: .*file report ${tag}\\b`).test(reply)) outcome.actions.saved.push(tag);
          else if (reply.includes(SAVE_FAILED_REPLY)) outcome.actions.refused.push(tag);
          else outcome.other.push(`${tag}: ${reply.slice(0, 200)}`);
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    // A question in a conversation the bot has never seen: remembering it fails, answering must not.
    const answer = await send('who leads road safety?', member(99), 'a:full-new-conversation');
    await bot.kill();

    console.log(
      `      actions ${outcome.actions.saved.length} saved / ${outcome.actions.refused.length} refused; aliases ${outcome.aliases.saved.length} saved / ${outcome.aliases.refused.length} refused`,
    );
    expect(
      outcome.other.slice(0, 3),
      'every write is either confirmed or refused with the clear message',
    ).to.deep.equal([]);
    expect(outcome.actions.saved.length).to.be.greaterThan(10);
    expect(outcome.actions.refused.length).to.be.greaterThan(10);
    expect(outcome.aliases.saved.length).to.be.greaterThan(3);
    expect(outcome.aliases.refused.length).to.be.greaterThan(3);
    expect(answer).to.match(/road safety/i);
    expect(answer).not.to.contain(SAVE_FAILED_REPLY);
    expect(answer).not.to.match(/something went wrong/);

    // Started again with room on the disk: everything loads, holding every confirmed write and none of the refused.
    await bot.start();
    await bot.stop();
    const journalText = readFileSync(`${dataFile}.actions`, 'utf8');
    expect(journalText.endsWith('\n')).to.equal(true);
    const journal = await ActionJournal.open(`${dataFile}.actions`);
    const logged = new Set(journal.all('kent-csp').map((a) => /file report (w\d+x\d+)/.exec(a.description)?.[1]));
    await journal.close();
    const store = await openStore({
      file: dataFile,
      defaults: () => expect.fail('the store must load'),
      readOnly: true,
    });
    const aliases = store.partnership('kent-csp')?.aliases ?? {};
    await store.close();
    expect(
      outcome.actions.saved.filter((t) => !logged.has(t)),
      'confirmed actions lost',
    ).to.deep.equal([]);
    expect(
      outcome.actions.refused.filter((t) => logged.has(t)),
      'refused actions saved',
    ).to.deep.equal([]);
    expect(
      outcome.aliases.saved.filter((t) => aliases[t] !== 'road-safety'),
      'confirmed aliases lost',
    ).to.deep.equal([]);
    expect(
      outcome.aliases.refused.filter((t) => t in aliases),
      'refused aliases saved',
    ).to.deep.equal([]);
  });
});
