import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { meetingsFolder } from '../../src/store/meetings-files.js';
import { startRunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('durability: a meetings file damaged on disk', () => {
  it('tells a member what is wrong rather than to try again, keeps actions working, and reads the file again once mended', async () => {
    const bot = await startRunningBot({ BOT_ADMINS: ADMIN });
    try {
      const named = (JSON.parse(readFileSync(bot.dataFile, 'utf8')) as { meetingsFiles: Record<string, string> })
        .meetingsFiles['kent-csp']!;
      const file = path.join(meetingsFolder(bot.dataFile), named);
      const good = readFileSync(file);
      writeFileSync(file, 'not json');
      await bot.restart();
      const asked = await bot.send(personalMessage('Who leads road safety?', { aadObjectId: ADMIN }));
      expect(asked.text).to.contain('cannot be read');
      expect(asked.text).to.not.contain('try again');
      const logged = await bot.send(
        personalMessage('action: Shafick Peerbux to circulate the refreshed CSA by 30 April', { aadObjectId: ADMIN }),
      );
      expect(logged.text).to.contain('circulate the refreshed CSA');
      writeFileSync(file, good);
      const mended = await bot.send(personalMessage('Who leads road safety?', { aadObjectId: ADMIN }));
      expect(mended.text).to.contain('Adams');
    } finally {
      await bot.stop();
    }
  });
});
