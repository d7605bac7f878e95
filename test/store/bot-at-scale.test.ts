import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateStore } from '../../bench/generate-store.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const ADMIN = { aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211', userId: '29:admin', userName: 'Ada Admin' };
const READER = { aadObjectId: '00000000-0000-4000-8000-000000000042', userId: '29:reader', userName: 'Rita Reader' };

describe('the running bot at scale (14 partnerships x 50 meetings)', function () {
  this.timeout(300_000);
  let folder: ReturnType<typeof makeTempFolder>;
  let bot: RunningBot;
  let dataFile: string;
  before(async () => {
    folder = makeTempFolder();
    dataFile = path.join(folder.path, 'store.json');
    writeFileSync(dataFile, `${JSON.stringify(generateStore(14, 50), null, 2)}\n`);
    bot = await startRunningBot({ DATA_FILE: dataFile, BOT_ADMINS: ADMIN.aadObjectId });
  });
  after(async () => {
    await bot.stop();
    folder.remove();
  });

  const ask = async (text: string, who = READER) =>
    (await bot.send(personalMessage(text, { ...who, conversationId: `a:${who.userId}` }))).text;

  it('answers from the records once every knowledge base is built in the background', async () => {
    await bot.app.idle();
    expect(await ask('who leads road safety?')).to.contain('Adams');
  });

  it('answers right after a change from a knowledge base the change brought up to date, and after a restart', async () => {
    const before = await ask('who leads zebra crossings?');
    expect(before).to.not.contain('Adams');
    expect(await ask('alias zebra crossings = road safety', ADMIN)).to.match(/zebra crossings/i);
    // Asked at once, without waiting for the background: the answer already knows the alias.
    expect(await ask('who leads zebra crossings?')).to.contain('Adams');
    await bot.restart();
    expect(await ask('who leads zebra crossings?')).to.contain('Adams');
    expect(await ask('who leads road safety?')).to.contain('Adams');
    // The store file written with its meetings inline was written again with them apart, and the
    // restarted bot read every partnership's meetings file in the background.
    const stored = JSON.parse(readFileSync(dataFile, 'utf8')) as { meetingsFiles?: Record<string, string> };
    expect(Object.keys(stored.meetingsFiles ?? {})).to.have.length(14);
    await bot.app.idle();
    for (const partnership of Object.values(bot.app.store.data().partnerships))
      expect(Object.getOwnPropertyDescriptor(partnership, 'meetings')?.value, partnership.id).to.have.length(50);
  });
});
