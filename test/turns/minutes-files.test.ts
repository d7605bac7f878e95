import { expect } from 'chai';
import { storedData, storeBytes } from '../helpers/stored-data.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { scannedPdf, seedDocx, seedHtml, seedPdf, startFileServer, type FileServer } from '../helpers/minutes-files.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import {
  channelMessage,
  invokeAction,
  personalMessage,
  type InboundActivity,
  type TeamsActivityOptions,
} from '../helpers/teams-activities.js';

const ADMIN = { userId: '29:1admin-ada', userName: 'Ada Admin', aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211' };
const MEDWAY_SECRETARIAT = {
  userId: '29:1sec-mo',
  userName: 'Mo Khan',
  aadObjectId: '3c3c3c3c-4d4d-4e5e-8f6f-707070707070',
};
const MEMBER = { userId: '29:1member', userName: 'Sam Member', aadObjectId: '99999999-0000-4000-8000-000000000001' };
const MEDWAY_CHANNEL = {
  channelId: '19:medwayBoard00000000000000001@thread.tacv2',
  channelName: 'Board',
  teamId: '19:medwayTeam@thread.tacv2',
  teamName: 'Medway CSP',
};
const PDF_SEED = '003_0941d698233bc959.txt';
const WORD_SEED = '002_bc0ead16dd3987d6.txt';
const HTML_SEED = '000_ceed36313205db39.txt';

type InvokeBody = { statusCode: number; value: unknown };

/** A personal-chat message carrying files, as Teams delivers them to a bot with supportsFiles. */
function withFiles(files: { name: string; url: string }[], who: TeamsActivityOptions): InboundActivity {
  return {
    ...personalMessage('', who),
    attachments: files.map((f) => ({
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: f.name,
      contentUrl: `https://contoso.sharepoint.com/personal/${encodeURIComponent(f.name)}`,
      content: { downloadUrl: f.url, uniqueId: `id-${f.name}`, fileType: f.name.split('.').pop() },
    })),
  };
}

function cardOf(replies: Record<string, unknown>[]): Record<string, unknown> {
  const message = replies.find((r) => Array.isArray(r.attachments) && r.attachments.length > 0);
  const attachment = (message?.attachments as { content: Record<string, unknown> }[] | undefined)?.[0];
  expect(attachment, 'a card').to.not.equal(undefined);
  return attachment!.content;
}

function importIdOf(card: Record<string, unknown>): string {
  const action = (card.actions as { verb: string; data: { importId: string } }[]).find(
    (a) => a.verb === 'minutesImport.import',
  );
  return action!.data.importId;
}

describe('HTTP server: minutes files sent in a personal chat', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  let files: FileServer;
  let importedId = '';
  const send = (activity: InboundActivity) => bot.send(activity);
  const press = async (verb: string, data: Record<string, unknown>, who: TeamsActivityOptions) => {
    const { result } = await bot.send(invokeAction(verb, data, who));
    const body = result.body as InvokeBody;
    expect(cardSchemaErrors(body.value)).to.deep.equal([]);
    return JSON.stringify(body.value);
  };
  const ask = async (text: string, who: TeamsActivityOptions = MEDWAY_SECRETARIAT) =>
    (await send(personalMessage(text, who))).text;

  before(async () => {
    files = await startFileServer();
    bot = await startRunningBot({
      BOT_ADMINS: ADMIN.aadObjectId,
      MINUTES_FILE_MAX_MB: '1',
      MINUTES_DOWNLOAD_TIMEOUT_SECONDS: '1',
    });
    expect(await ask('create partnership Medway Community Safety Partnership (Medway CSP)', ADMIN)).to.contain(
      'is created',
    );
    expect(
      (await send(channelMessage('link this channel to Medway CSP', { ...MEDWAY_CHANNEL, ...ADMIN }))).text,
    ).to.contain('now linked');
    const grant = channelMessage('make <at>Mo Khan</at> secretariat of Medway CSP', { ...MEDWAY_CHANNEL, ...ADMIN });
    grant.entities = [
      ...(grant.entities ?? []),
      {
        type: 'mention',
        mentioned: { id: MEDWAY_SECRETARIAT.userId, name: MEDWAY_SECRETARIAT.userName },
        text: '<at>Mo Khan</at>',
      },
    ];
    expect((await send(grant)).text).to.contain('Mo Khan is now secretariat of the Medway CSP');
  });
  after(async () => {
    await bot.stop();
    await files.close();
  });

  it('tells a member without a role who can import, downloading and changing nothing', async () => {
    const before = storeBytes(bot.dataFile);
    const { text } = await send(withFiles([{ name: 'minutes.pdf', url: files.missing() }], MEMBER));
    expect(text).to.contain('only the chair or the secretariat').and.contain('Nothing was imported');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('previews a PDF made from the seed notes, imports it on Import once however often pressed, and answers from it', async () => {
    const url = files.put('KCSP notes 21 March 2023.pdf', await seedPdf(PDF_SEED));
    const before = storeBytes(bot.dataFile);
    const { replies, text } = await send(
      withFiles([{ name: 'KCSP notes 21 March 2023.pdf', url }], MEDWAY_SECRETARIAT),
    );
    const card = cardOf(replies);
    expect(cardSchemaErrors(card)).to.deep.equal([]);
    // The meeting, an item with its resolution, attendance and apologies, before anything is saved.
    expect(text).to.contain('Tuesday 21 March 2023').and.contain('10:00').and.contain('Online').and.contain('PDF, ');
    expect(text).to.contain('Kent Community Safety Agreement').and.contain('RESOLVED');
    expect(text)
      .to.match(/Present: \s*[A-Z]/)
      .and.to.match(/Apologies: \s*[A-Z]/);
    expect(text).to.contain('Draft actions proposed');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
    expect(await ask('when was the last meeting?')).to.not.contain('21 March 2023');

    const importId = importIdOf(card);
    importedId = importId;
    const [first, second] = await Promise.all([
      press('minutesImport.import', { importId }, MEDWAY_SECRETARIAT),
      press('minutesImport.import', { importId }, MEDWAY_SECRETARIAT),
    ]);
    expect(first).to.contain('Minutes imported').and.contain('Imported into the Medway CSP and saved');
    expect(second).to.equal(first);
    expect(await press('minutesImport.import', { importId }, MEDWAY_SECRETARIAT)).to.equal(first);
    const saved = storedData(bot.dataFile) as {
      partnerships: Record<string, { meetings: { date: string }[]; changes?: { subject: string }[] }>;
    };
    const medway = Object.values(saved.partnerships).find(
      (p) => p.meetings.some((m) => m.date === '2023-03-21') && p !== saved.partnerships['kent-csp'],
    )!;
    expect(medway.changes!.filter((c) => c.subject.startsWith('minutes:'))).to.have.length(1);

    expect(await ask('when was the last meeting?')).to.contain('21 March 2023');
    expect(await ask('who attended the meeting on 21 March 2023?'))
      .to.contain('Peerbux')
      .and.contain('Brinson');
    expect(await ask('what was resolved about MARAC?')).to.match(/MARAC/);
    expect(await ask('recent changes')).to.contain('minutes imported from KCSP notes 21 March 2023.pdf');
  });

  it('changes nothing when the same file is sent again and imported', async () => {
    const url = files.put('again.pdf', await seedPdf(PDF_SEED));
    const { replies, text } = await send(
      withFiles([{ name: 'KCSP notes 21 March 2023.pdf', url }], MEDWAY_SECRETARIAT),
    );
    expect(text).to.contain('Nothing new');
    const before = storeBytes(bot.dataFile);
    expect(
      await press('minutesImport.import', { importId: importIdOf(cardOf(replies)) }, MEDWAY_SECRETARIAT),
    ).to.contain('already held by the Medway CSP');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('imports a Word document and a saved ModernGov page in one message; undo takes the import back', async () => {
    const word = files.put('KCSP 24 March 2022.docx', await seedDocx(WORD_SEED));
    const page = files.put('Agenda item - Kent Community Safety Agreement.html', seedHtml(HTML_SEED));
    const { replies, text } = await send(
      withFiles(
        [
          { name: 'KCSP 24 March 2022.docx', url: word },
          { name: 'Agenda item - Kent Community Safety Agreement.html', url: page },
        ],
        MEDWAY_SECRETARIAT,
      ),
    );
    expect(cardSchemaErrors(cardOf(replies))).to.deep.equal([]);
    expect(text)
      .to.contain('Thursday 24 March 2022')
      .and.contain('(Word)')
      .and.contain('(web page)')
      .and.contain('no meeting date');
    expect(
      await press('minutesImport.import', { importId: importIdOf(cardOf(replies)) }, MEDWAY_SECRETARIAT),
    ).to.contain('Minutes imported');
    expect(await ask('when was the meeting in March 2022?')).to.contain('24 March 2022');
    expect(await ask('undo')).to.contain('Undone: minutes imported from KCSP 24 March 2022.docx');
    expect(await ask('when was the meeting in March 2022?')).to.not.contain('24 March 2022');
    expect(await ask('when was the last meeting?')).to.contain('21 March 2023');
  });

  it('links answers from a saved web page to the page it was published at', async () => {
    const published = 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=123&MId=456';
    const html = new TextDecoder()
      .decode(seedHtml(WORD_SEED))
      .replace('<title>', `<link rel="canonical" href="${published.replace('&', '&amp;')}"><title>`);
    const page = files.put('KCSP minutes 24 March 2022.html', new TextEncoder().encode(html));
    const { replies } = await send(
      withFiles([{ name: 'KCSP minutes 24 March 2022.html', url: page }], MEDWAY_SECRETARIAT),
    );
    expect(
      await press('minutesImport.import', { importId: importIdOf(cardOf(replies)) }, MEDWAY_SECRETARIAT),
    ).to.contain('Minutes imported');
    const answer = await bot.send(personalMessage('when was the meeting in March 2022?', MEDWAY_SECRETARIAT));
    const card = cardOf(answer.replies);
    expect(cardSchemaErrors(card)).to.deep.equal([]);
    const opens = JSON.stringify(card).match(
      /"type":"Action\.OpenUrl","title":"Open: [^"]{1,120}","url":"[^"]{1,200}"/g,
    );
    expect(opens?.join(' ')).to.contain(`"url":"${published}"`).and.contain('Minutes of Thursday 24 March 2022');
  });

  it('refuses bad input with the reason and changes nothing', async () => {
    const before = storeBytes(bot.dataFile);
    const big = files.put(
      'huge.txt',
      new TextEncoder().encode('NOTES of a meeting of the partnership\n'.repeat(40_000)),
    );
    const cases: [string, string, string][] = [
      ['huge.txt', big, 'larger than the 1 MB limit'],
      [
        'photo.png',
        files.put('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
        'cannot read .png files',
      ],
      ['expired.pdf', files.missing(), 'download failed (HTTP 404)'],
      ['slow.pdf', files.stalled(), 'took longer than 1 seconds'],
      ['scan.pdf', files.put('scan.pdf', await scannedPdf()), 'no text layer'],
      [
        'shopping.txt',
        files.put('shopping.txt', new TextEncoder().encode('Milk\nEggs\nBread\n')),
        'do not look like minutes',
      ],
    ];
    for (const [name, url, reason] of cases) {
      const { text } = await send(withFiles([{ name, url }], MEDWAY_SECRETARIAT));
      expect(text, name).to.contain(reason).and.contain('nothing was imported');
    }
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('offers an admin the choice of partnership, and Cancel imports nothing', async () => {
    const url = files.put('notes.pdf', await seedPdf(PDF_SEED, 1));
    const { replies } = await send(withFiles([{ name: 'notes.pdf', url }], ADMIN));
    const card = JSON.stringify(cardOf(replies));
    expect(card).to.contain('"id":"partnershipId"').and.contain('Medway CSP').and.contain('KCSP');
    const before = storeBytes(bot.dataFile);
    expect(await press('minutesImport.import', { importId: importIdOf(cardOf(replies)) }, MEMBER)).to.contain(
      'only the member who sent these files',
    );
    expect(await press('minutesImport.cancel', { importId: importIdOf(cardOf(replies)) }, ADMIN)).to.contain(
      'Cancelled: nothing was imported',
    );
    expect(await press('minutesImport.import', { importId: importIdOf(cardOf(replies)) }, ADMIN)).to.contain(
      'cancelled',
    );
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });

  it('after a restart, a preview left waiting is answered as expired, and a saved one as imported', async () => {
    const url = files.put('later.pdf', await seedPdf(PDF_SEED, 1));
    const { replies } = await send(withFiles([{ name: 'later.pdf', url }], MEDWAY_SECRETARIAT));
    await bot.restart();
    const before = storeBytes(bot.dataFile);
    expect(await press('minutesImport.import', { importId: importIdOf(cardOf(replies)) }, MEDWAY_SECRETARIAT))
      .to.contain('no longer kept')
      .and.contain('Send the file again');
    expect(await press('minutesImport.import', { importId: importedId }, MEDWAY_SECRETARIAT)).to.contain(
      'already imported into the Medway CSP',
    );
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
  });
});
