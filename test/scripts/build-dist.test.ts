import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDist } from '../../scripts/build-dist.js';
import { startConnectorStandIn, type ConnectorStandIn } from '../helpers/connector-stand-in.js';
import { postActivity } from '../helpers/http.js';
import { seedPdf, startFileServer } from '../helpers/minutes-files.js';
import { baseEnvironment, startProgram, type ProgramProcess } from '../helpers/program-process.js';
import { replyText } from '../helpers/reply-text.js';
import { personalMessage } from '../helpers/teams-activities.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';
const PDF_SEED = '003_0941d698233bc959.txt';

/**
 * The shipped program: `npm run build` output started with node, in a folder that holds only the
 * build and the production dependencies (linked from this repository's node_modules), so an import
 * of tsx, esbuild or any other dev dependency would fail here as it would on a server.
 */
describe('npm run build: the compiled program runs with production dependencies only', function () {
  this.timeout(240_000);
  const folder = makeTempFolder('csp-dist-');
  const app = path.join(folder.path, 'app');
  let program: ProgramProcess;
  let connector: ConnectorStandIn;

  before(async () => {
    await buildDist(path.join(app, 'dist'));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ type: 'module', dependencies: manifest.dependencies }),
    );
    for (const name of Object.keys(manifest.dependencies)) {
      mkdirSync(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(app, 'node_modules', name), 'dir');
    }
    connector = await startConnectorStandIn();
    program = await startProgram({
      args: [path.join('dist', 'start.mjs')],
      cwd: app,
      env: {
        ...baseEnvironment(),
        PORT: '0',
        DATA_FILE: path.join(folder.path, 'runtime', 'store.json'),
        DIGEST_DAY: 'off',
        BOT_ADMINS: ADMIN,
      },
    });
  });
  after(async () => {
    await program?.stop();
    await connector?.close();
    folder.remove();
  });

  it('builds the server, bundled into one file and as modules, with the default data set, the card templates and the tab bundled ahead', () => {
    for (const file of [
      'start.mjs',
      'server.mjs',
      'src/index.js',
      'data/default-store.json',
      'cards/answer.json',
      'src/tab/index.html',
      'src/tab/tab.js',
      'src/tab/teams.js',
      'src/tab/config.js',
    ]) {
      expect(existsSync(path.join(app, 'dist', file)), file).to.equal(true);
    }
    expect(existsSync(path.join(app, 'dist', 'test')), 'tests are not shipped').to.equal(false);
  });

  it('bundles the PDF and Word readers apart, loaded only when a minutes file arrives', () => {
    const server = readFileSync(path.join(app, 'dist', 'server.mjs'), 'utf8');
    expect(server).to.not.contain('Invalid PDF structure');
    const chunks = readdirSync(path.join(app, 'dist', 'server-chunks')).map((f) =>
      readFileSync(path.join(app, 'dist', 'server-chunks', f), 'utf8'),
    );
    expect(chunks.some((text) => text.includes('Invalid PDF structure'))).to.equal(true);
  });

  it('starts the bundled server from dist/ and answers /healthz', async () => {
    const response = await fetch(`${program.url}/healthz`);
    expect(response.status).to.equal(200);
  });

  it('answers a question with a card built from the shipped templates and default data', async () => {
    const result = await postActivity(`${program.url}/api/messages`, {
      ...personalMessage('Who leads road safety?'),
      serviceUrl: connector.url,
    });
    expect(result.status).to.equal(200);
    const replies = connector.requests
      .filter((r) => r.operation === 'replyToActivity')
      .map((r) => r.body as Record<string, unknown>);
    expect(replyText(replies)).to.contain('Adams');
  });

  it('reads a PDF of minutes sent to it, with the PDF reader loaded from its own chunk', async () => {
    const files = await startFileServer();
    try {
      const url = files.put('notes.pdf', await seedPdf(PDF_SEED, 1));
      const before = connector.requests.length;
      const result = await postActivity(`${program.url}/api/messages`, {
        ...personalMessage('', {
          aadObjectId: ADMIN,
          userId: '29:admin',
          userName: 'Ada Admin',
          conversationId: 'a:admin',
        }),
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'notes.pdf',
            contentUrl: 'https://contoso.sharepoint.com/personal/notes.pdf',
            content: { downloadUrl: url, uniqueId: 'id-notes.pdf', fileType: 'pdf' },
          },
        ],
        serviceUrl: connector.url,
      });
      expect(result.status).to.equal(200);
      const replies = connector.requests.slice(before).map((r) => r.body as Record<string, unknown>);
      expect(JSON.stringify(replies)).to.contain('PDF, ').and.contain('minutesImport.import');
    } finally {
      await files.close();
    }
  });

  it('serves the tab scripts bundled at build time', async () => {
    const response = await fetch(`${program.url}/tab/tab.js`);
    expect(response.status).to.equal(200);
    expect(await response.text()).to.equal(readFileSync(path.join(app, 'dist', 'src', 'tab', 'tab.js'), 'utf8'));
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await program.stop()).to.equal(0);
  });
});
