import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { sharedFolder } from '../scripts/shared-folder.js';

const MANIFEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../manifest/manifest.json');

function filledManifest(): unknown {
  const text = readFileSync(MANIFEST, 'utf8')
    .replaceAll('{{TEAMS_APP_ID}}', '2f1c6a4e-5b7d-4c3e-9a8b-1d2e3f4a5b6c')
    .replaceAll('{{BOT_ID}}', '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d')
    .replaceAll('{{PUBLIC_HOSTNAME}}', 'csp-bot.example.org');
  return JSON.parse(text);
}

describe('Teams app manifest', () => {
  it('is valid against the Teams manifest 1.25 schema once its placeholders are filled', () => {
    // A CommonJS module: its class is the default export's `default`.
    const ajv = new ajvDraft04.default({ unicodeRegExp: false, strict: false });
    (addFormatsModule as unknown as (a: typeof ajv) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(sharedFolder('schemas', 'teams-manifest-1.25.schema.json'), 'utf8')));
    const valid = validate(filledManifest());
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).to.deep.equal([]);
    expect(valid).to.equal(true);
  });

  it('takes ids and domains from placeholders, never hard-coded', () => {
    const text = readFileSync(MANIFEST, 'utf8');
    expect(text).to.contain('{{BOT_ID}}');
    expect(text).to.contain('{{TEAMS_APP_ID}}');
    expect(text).to.not.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });
});
