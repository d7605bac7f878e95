import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fillManifest, MANIFEST_FOLDER } from '../../scripts/package-app.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';

const ENV = {
  BOT_ID: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  TEAMS_APP_ID: '2f1c6a4e-5b7d-4c3e-9a8b-1d2e3f4a5b6c',
  PUBLIC_HOSTNAME: 'csp-bot.example.org',
};

describe('HTTP server: the privacy notice and terms of use the manifest points at', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot();
  });
  after(async () => bot.stop());

  const get = async (url: string) => {
    const response = await fetch(new URL(new URL(url).pathname, bot.app.url));
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const manifest = () =>
    fillManifest(readFileSync(path.join(MANIFEST_FOLDER, 'manifest.json'), 'utf8'), ENV) as unknown as {
      developer: { privacyUrl: string; termsOfUseUrl: string };
    };

  it("serves the privacy notice at the manifest's privacyUrl: what is stored, where, for how long, who can see it", async () => {
    const page = await get(manifest().developer.privacyUrl);
    expect(page.status).to.equal(200);
    expect(page.type).to.contain('text/html');
    for (const heading of ['What is stored', 'Where', 'For how long', 'Who can see it'])
      expect(page.text).to.contain(`<h2>${heading}</h2>`);
    expect(page.text).to.contain('never the message text');
  });

  it("serves the terms of use at the manifest's termsOfUseUrl, linking the privacy notice", async () => {
    const page = await get(manifest().developer.termsOfUseUrl);
    expect(page.status).to.equal(200);
    expect(page.type).to.contain('text/html');
    expect(page.text).to.contain('terms of use').and.contain('href="/privacy"');
  });

  it('still answers 404 for a page that does not exist', async () => {
    expect((await fetch(`${bot.app.url}/privacy-policy`)).status).to.equal(404);
  });
});
