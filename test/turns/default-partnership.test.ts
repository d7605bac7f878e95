/**
 * DEFAULT_PARTNERSHIP_ID decides which partnership answers where nothing else does (an unlinked
 * channel): a second district's bot must answer from its own records, not from the store's first.
 */
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport } from '../../src/cli/import-minutes.js';
import { startRunningBot } from '../helpers/running-bot.js';
import { channelMessage } from '../helpers/teams-activities.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const ASHFORD = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/minutes/layouts/minutes-page-ashford.txt',
);

describe('DEFAULT_PARTNERSHIP_ID', () => {
  it("answers an unlinked channel from the configured default partnership, not the store's own default", async () => {
    const folder = makeTempFolder();
    const dataFile = path.join(folder.path, 'store.json');
    const io = { env: { DATA_FILE: dataFile }, out: () => undefined, err: () => undefined };
    expect(
      await runImport(
        ['--partnership', 'ashford-csp', '--name', 'Ashford Community Safety Partnership (Ashford CSP)', ASHFORD],
        io,
      ),
    ).to.equal(0);
    const question = channelMessage('which partnerships?', {
      conversationId: '19:unlinked@thread.tacv2',
      channelId: '19:unlinked@thread.tacv2',
    });
    const kent = await startRunningBot({ DATA_FILE: dataFile });
    const asKent = (await kent.send(question)).text;
    await kent.stop();
    const ashford = await startRunningBot({ DATA_FILE: dataFile, DEFAULT_PARTNERSHIP_ID: 'ashford-csp' });
    const asAshford = (await ashford.send(question)).text;
    const meeting = (
      await ashford.send(
        channelMessage('when was the last meeting?', {
          conversationId: '19:unlinked@thread.tacv2',
          channelId: '19:unlinked@thread.tacv2',
        }),
      )
    ).text;
    await ashford.stop();
    folder.remove();
    expect(asKent, asKent).to.match(/\(KCSP\)\s*\d+ linked channels?; the default/);
    expect(asAshford, asAshford).to.match(/Ashford CSP\)\s*0 linked channels; the default/);
    expect(meeting).to.contain('5 September 2023');
  });
});
