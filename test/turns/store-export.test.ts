import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { restoreStore } from '../../src/cli/backup.js';
import { readBackup } from '../../src/store/backup-file.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, groupChatMessage, personalMessage } from '../helpers/teams-activities.js';
import { makeTempFolder } from '../helpers/temp-folder.js';
import { storedData } from '../helpers/stored-data.js';

const ADMIN = { userId: '29:1admin-ada', userName: 'Ada Admin', aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211' };
const MEMBER = { userId: '29:1member', userName: 'Sam Member', aadObjectId: '99999999-0000-4000-8000-000000000001' };

function linkOf(replies: Record<string, unknown>[]): string {
  const card = (replies[0]!.attachments as { content: { actions: { type: string; url?: string }[] } }[])[0]!.content;
  return card.actions.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
}

describe('HTTP server: an admin exports the whole store from chat', () => {
  let bot: RunningBot;
  let folder: ReturnType<typeof makeTempFolder>;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN.aadObjectId });
    folder = makeTempFolder();
    await grantRole(bot, ADMIN.aadObjectId, MEMBER);
  });
  after(async () => {
    await bot.stop();
    folder.remove();
  });

  it('refuses a member', async () => {
    const { text, replies } = await bot.send(personalMessage('export the store', MEMBER));
    expect(text).to.contain('only an admin of the bot can export the whole store');
    expect(JSON.stringify(replies)).to.not.contain('/exports/backup.json');
  });

  it('never posts the backup link in a channel or group chat, even for an admin', async () => {
    for (const activity of [channelMessage('export the store', ADMIN), groupChatMessage('export the store', ADMIN)]) {
      const { text, replies } = await bot.send(activity);
      expect(text).to.contain('only give its link in your personal chat');
      expect(JSON.stringify(replies)).to.not.contain('/exports/backup.json');
    }
  });

  it('gives an admin a signed, expiring link to a backup that npm run restore reads back into an empty folder', async () => {
    await bot.send(personalMessage('create partnership Medway Community Safety Partnership (Medway CSP)', ADMIN));
    await bot.send(personalMessage('action: Shafick Peerbux to circulate the refreshed CSA by 30 April', MEMBER));
    const { replies, text } = await bot.send(personalMessage('export the store', ADMIN));
    expect(text).to.contain('The backup of all 2 partnerships and their actions');
    const url = linkOf(replies);
    expect(url).to.match(/\/exports\/backup\.json\?p=\*&exp=\d+&sig=/);
    const response = await fetch(url);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-disposition')).to.contain('csp-bot-backup.json');
    const body = await response.text();
    const backup = readBackup(body, 'download');
    expect(Object.keys(backup.store.partnerships)).to.deep.equal(['kent-csp', 'medway-csp']);
    expect(backup.actions.map((a) => a.description)).to.deep.equal(['circulate the refreshed CSA']);

    const file = path.join(folder.path, 'backup.json');
    writeFileSync(file, body);
    const target = path.join(folder.path, 'restored', 'store.json');
    expect(
      await restoreStore(file, { env: { DATA_FILE: target }, out: () => undefined, err: () => undefined }),
    ).to.equal(0);
    expect(storedData(target)).to.deep.equal(storedData(bot.dataFile));

    // An actions link cannot be turned into a backup link, and links expire.
    const actionsUrl = linkOf((await bot.send(personalMessage('export actions', ADMIN))).replies);
    expect((await fetch(actionsUrl.replace('/exports/actions.csv', '/exports/backup.json'))).status).to.equal(403);
    expect((await fetch(url.replace(/sig=[^&]+/, 'sig=guessed'))).status).to.equal(403);
    bot.setNow(new Date('2026-11-24T12:00:00Z'));
    expect((await fetch(url)).status).to.equal(410);
    bot.setNow(new Date('2026-11-24T10:00:00Z'));
  });
});
