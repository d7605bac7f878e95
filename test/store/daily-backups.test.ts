import { expect } from 'chai';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { restoreStore } from '../../src/cli/backup.js';
import { backupFolder } from '../../src/store/daily-backups.js';
import { startRunningBot } from '../helpers/running-bot.js';
import { channelMessage, DEFAULT_CHANNEL_ID, personalMessage } from '../helpers/teams-activities.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { storedData } from '../helpers/stored-data.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('daily backups', () => {
  it('writes one copy a day beside the store, keeps the last BACKUP_DAYS, and npm run restore brings one back', async () => {
    const bot = await startRunningBot({ BACKUP_DAYS: '3', BOT_ADMINS: ADMIN });
    const folder = backupFolder(bot.dataFile);
    // Written once the bot is up, by the first round of its periodic work.
    await bot.app.idle();
    expect(readdirSync(folder)).to.deep.equal(['backup-2026-11-24.json']);
    await bot.send(
      personalMessage('action: Shafick Peerbux to circulate the refreshed CSA by 30 April', { aadObjectId: ADMIN }),
    );
    // Older copies from earlier days; the oldest beyond three go at the next day's backup.
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22'])
      writeFileSync(path.join(folder, `backup-${day}.json`), '{}');
    bot.setNow(new Date('2026-11-25T10:00:00Z'));
    await bot.app.idle();
    expect(readdirSync(folder).sort()).to.deep.equal([
      'backup-2026-11-22.json',
      'backup-2026-11-24.json',
      'backup-2026-11-25.json',
    ]);
    expect(readFileSync(path.join(folder, 'backup-2026-11-25.json'), 'utf8')).to.contain('circulate the refreshed CSA');
    expect(readFileSync(path.join(folder, 'backup-2026-11-24.json'), 'utf8')).to.not.contain(
      'circulate the refreshed CSA',
    );

    const target = makeTempFolder();
    const restored = path.join(target.path, 'store.json');
    expect(
      await restoreStore(path.join(folder, 'backup-2026-11-25.json'), {
        env: { DATA_FILE: restored },
        out: () => undefined,
        err: () => undefined,
      }),
    ).to.equal(0);
    expect(readFileSync(`${restored}.actions`, 'utf8')).to.contain('circulate the refreshed CSA');
    expect(storedData(restored)).to.deep.equal(storedData(bot.dataFile));
    target.remove();
    await bot.stop();
  });

  it('stops nothing else when it cannot be written: the weekly digest still goes out', async () => {
    // Tuesday 24 November 2026; the digest is set for Tuesdays at 09:00.
    const bot = await startRunningBot({
      BACKUP_DAYS: '3',
      BOT_ADMINS: ADMIN,
      DIGEST_DAY: 'tuesday',
      DIGEST_TIME: '09:00',
    });
    try {
      await bot.app.idle();
      await bot.send(channelMessage('link this channel', { aadObjectId: ADMIN }));
      await bot.send(
        personalMessage('action: Shafick Peerbux to circulate the refreshed CSA by 30 April', { aadObjectId: ADMIN }),
      );
      // The backups' folder replaced by a file: no backup can be written there.
      const folder = backupFolder(bot.dataFile);
      rmSync(folder, { recursive: true });
      writeFileSync(folder, '');
      bot.setNow(new Date('2026-12-01T10:00:00Z'));
      bot.connector.clear();
      await bot.app.idle();
      const posts = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
      expect(posts.map((p) => p.conversationId)).to.include(DEFAULT_CHANNEL_ID);
      expect(posts.map((p) => JSON.stringify(p.body)).join()).to.contain('Weekly actions digest');
      expect(statSync(folder).isFile()).to.equal(true);
    } finally {
      await bot.stop();
    }
  });

  it('is off with BACKUP_DAYS=0', async () => {
    const bot = await startRunningBot({ BACKUP_DAYS: '0' });
    mkdirSync(backupFolder(bot.dataFile), { recursive: true });
    expect(readdirSync(backupFolder(bot.dataFile))).to.deep.equal([]);
    await bot.stop();
  });
});
