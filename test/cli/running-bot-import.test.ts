import { expect } from 'chai';
import { storeBytes } from '../helpers/stored-data.js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport } from '../../src/cli/import-minutes.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';

const ASHFORD = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/minutes/layouts/minutes-page-ashford.txt',
);

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('npm run import while the bot runs', () => {
  let bot: RunningBot;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) =>
    runImport(args, { env: { DATA_FILE: bot.dataFile }, out: (l) => out.push(l), err: (l) => err.push(l) });
  const ask = async (text: string) => (await bot.send(personalMessage(text))).text;

  beforeEach(() => {
    out = [];
    err = [];
  });
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN });
  });
  after(async () => bot.stop());

  it('hands the import to the running bot, which saves it, answers from it at once and logs it', async () => {
    expect(await ask('what did we resolve about the Community Safety Plan 2023-26?')).to.not.contain(
      'approve the Community Safety Plan 2023-26',
    );
    expect(await run(ASHFORD), err.join('\n')).to.equal(0);
    expect(out.join('\n'))
      .to.contain('handed the import to it')
      .and.match(/added \d+: .*meeting acsp-2023-09-05/)
      .and.contain('saved by the running bot');
    expect(await ask('what did we resolve about the Community Safety Plan 2023-26?')).to.contain(
      'approve the Community Safety Plan 2023-26',
    );
    // The change log is an internal record: asked by an admin.
    expect((await bot.send(personalMessage('recent changes', { aadObjectId: ADMIN }))).text).to.contain(
      'minutes imported from minutes-page-ashford.txt',
    );
    out = [];
    const before = storeBytes(bot.dataFile);
    expect(await run(ASHFORD)).to.equal(0);
    expect(out.join('\n')).to.contain('nothing new');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('keeps the address and secret readable by the server user only, and refuses a request without the secret', async () => {
    const file = `${bot.dataFile}.import-handoff`;
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    const { url } = JSON.parse(readFileSync(file, 'utf8')) as { url: string };
    expect(new URL(url).hostname).to.equal('127.0.0.1');
    const before = storeBytes(bot.dataFile);
    const response = await fetch(url, {
      method: 'POST',
      body: JSON.stringify({ files: [{ name: 'x.txt', text: readFileSync(ASHFORD, 'utf8') }] }),
      headers: { authorization: 'Bearer guessed' },
    });
    expect(response.status).to.equal(401);
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('stops with the file and line for minutes it cannot read, writing nothing', async () => {
    const before = storeBytes(bot.dataFile);
    expect(await run(path.join(path.dirname(ASHFORD), '../unrecognised.html'))).to.equal(1);
    expect(err.join('\n')).to.contain('nothing written');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });
});
