import { expect } from 'chai';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildAppPackage, MANIFEST_FOLDER, PackageError, schemaProblems } from '../../scripts/package-app.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const ENV = {
  BOT_ID: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  TEAMS_APP_ID: '2f1c6a4e-5b7d-4c3e-9a8b-1d2e3f4a5b6c',
  PUBLIC_HOSTNAME: 'csp-bot.example.org',
};

function png(size: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
  return PNG.sync.write(image);
}

async function problemsWith(change: (folder: string) => void, env: Record<string, string> = ENV): Promise<string[]> {
  const folder = makeTempFolder();
  try {
    for (const f of readdirSync(MANIFEST_FOLDER))
      copyFileSync(path.join(MANIFEST_FOLDER, f), path.join(folder.path, f));
    change(folder.path);
    await buildAppPackage(env, folder.path);
    return [];
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  } finally {
    folder.remove();
  }
}

describe('npm run package', () => {
  it('builds a package whose manifest, filled from the environment, is valid Teams manifest 1.25', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(ENV));
    expect(Object.keys(zip.files).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown> & {
      bots: { botId: string; scopes: string[] }[];
    };
    expect(schemaProblems(manifest)).to.deep.equal([]);
    expect(manifest.id).to.equal(ENV.TEAMS_APP_ID);
    expect(manifest.bots[0]).to.include({ botId: ENV.BOT_ID });
    expect(manifest.bots[0]?.scopes).to.deep.equal(['personal', 'team', 'groupChat']);
    expect(manifest.supportedChannelTypes).to.deep.equal(['sharedChannels', 'privateChannels']);
    expect(manifest.validDomains).to.deep.equal([ENV.PUBLIC_HOSTNAME]);
    expect(JSON.stringify(manifest)).to.not.contain('{{');
    expect((manifest as unknown as { webApplicationInfo: { id: string } }).webApplicationInfo.id).to.equal(ENV.BOT_ID);
  });

  it('keeps ids and domains out of the manifest template', () => {
    const template = readFileSync(path.join(MANIFEST_FOLDER, 'manifest.json'), 'utf8');
    expect(template)
      .to.contain('${{BOT_ID}}')
      .and.contain('${{TEAMS_APP_ID}}')
      .and.contain('${{PUBLIC_HOSTNAME}}')
      .and.contain('${{TAB_SSO_APP_ID}}');
    expect(template).to.not.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it("points the tab's SSO at its own app registration when TAB_SSO_APP_ID is set", async () => {
    const tabAppId = '7d7d7d7d-1111-4222-8333-444444444444';
    const zip = await JSZip.loadAsync(await buildAppPackage({ ...ENV, TAB_SSO_APP_ID: tabAppId }));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      webApplicationInfo: { id: string; resource: string };
      bots: { botId: string }[];
    };
    expect(manifest.webApplicationInfo).to.deep.equal({
      id: tabAppId,
      resource: `api://${ENV.PUBLIC_HOSTNAME}/${tabAppId}`,
    });
    expect(manifest.bots[0]?.botId).to.equal(ENV.BOT_ID);
  });

  it('says which settings are missing or malformed', async () => {
    const problems = await problemsWith(() => undefined, {
      BOT_ID: 'not-a-guid',
      PUBLIC_HOSTNAME: 'https://x.example.org/',
    });
    expect(problems.join('\n'))
      .to.contain('TEAMS_APP_ID is not set')
      .and.contain('BOT_ID is "not-a-guid"')
      .and.contain('PUBLIC_HOSTNAME is "https://x.example.org/"');
  });

  it('refuses a wrong icon size and an outline icon that is not white on transparent', async () => {
    expect(
      (await problemsWith((f) => writeFileSync(path.join(f, 'color.png'), png(64, [31, 78, 121, 255])))).join('\n'),
    ).to.contain('color icon color.png is 64x64; Teams needs 192x192');
    expect(
      (await problemsWith((f) => writeFileSync(path.join(f, 'outline.png'), png(32, [0, 0, 0, 255])))).join('\n'),
    ).to.contain('must be white on a transparent background');
  });

  it('refuses too many or too long commands', async () => {
    const problems = await problemsWith((f) => {
      const file = path.join(f, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        bots: { commandLists: { commands: { title: string; description: string }[] }[] }[];
      };
      const commands = manifest.bots[0]!.commandLists[0]!.commands;
      commands.push(
        ...Array.from({ length: 5 }, (_, i) => ({
          title: `Extra command number ${i} with a long title`,
          description: 'x',
        })),
      );
      writeFileSync(file, JSON.stringify(manifest));
    });
    expect(problems.join('\n'))
      .to.contain('has 12 commands; Teams shows at most 10')
      .and.contain('is longer than 32 characters');
  });
});
