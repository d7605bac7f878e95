import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { baseEnvironment, startProgram, TSX_LOADER, type ProgramProcess } from './helpers/program-process.js';
import { personalMessage } from './helpers/teams-activities.js';
import { makeTempFolder } from './helpers/temp-folder.js';
import { postActivity } from './helpers/http.js';

const ENTRY = ['--import', TSX_LOADER, path.resolve(import.meta.dirname, '../src/index.ts')];
const APP_ID = '6e0f1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const TENANT_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

describe('start-up: the .env file', function () {
  this.timeout(120_000);
  const folders: { remove(): void }[] = [];
  const programs: ProgramProcess[] = [];
  after(async () => {
    for (const program of programs) await program.stop();
    for (const folder of folders) folder.remove();
  });

  async function start(envFile: string | undefined, env: Record<string, string> = {}): Promise<ProgramProcess> {
    const folder = makeTempFolder('csp-env-');
    folders.push(folder);
    if (envFile !== undefined) writeFileSync(path.join(folder.path, '.env'), envFile);
    const program = await startProgram({
      args: ENTRY,
      cwd: folder.path,
      env: {
        ...baseEnvironment(),
        PORT: '0',
        DATA_FILE: path.join(folder.path, 'store.json'),
        DIGEST_DAY: 'off',
        ...env,
      },
    });
    programs.push(program);
    return program;
  }

  it('takes the bot registration from .env, so requests must be authenticated, and logs that it read the file', async () => {
    const program = await start(
      [
        '# the bot registration',
        `MicrosoftAppId=${APP_ID}`,
        'MicrosoftAppPassword="a secret"',
        'MicrosoftAppType=SingleTenant',
        `MicrosoftAppTenantId=${TENANT_ID}`,
        'HOST=127.0.0.1',
        'LOG_LEVEL=silent',
      ].join('\n'),
      { LOG_LEVEL: 'info' },
    );
    const result = await postActivity(`${program.url}/api/messages`, personalMessage('Who leads road safety?'));
    expect(result.status).to.equal(401);
    const source = program.logs.find((l) => 'envFile' in l);
    expect(source?.envFile).to.match(/\.env$/);
    expect(source?.fromFile).to.include.members(['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId']);
    // The environment's LOG_LEVEL won over the file's "silent": the log is there at all.
    expect(String(source?.msg)).to.contain("environment's own value kept for LOG_LEVEL");
    expect(JSON.stringify(program.logs)).to.not.contain('a secret');
    expect(program.logs.some((l) => String(l.msg).includes('LOCAL MODE'))).to.equal(false);
  });

  it('says when there is no .env and the environment alone configures it', async () => {
    const program = await start(undefined);
    const source = program.logs.find((l) => 'envFile' in l);
    expect(source?.envFile).to.equal(null);
    expect(String(source?.msg)).to.contain('environment only');
    expect(program.logs.some((l) => String(l.msg).includes('LOCAL MODE'))).to.equal(true);
  });
});
