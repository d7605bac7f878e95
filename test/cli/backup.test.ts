import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportStore, restoreStore } from '../../src/cli/backup.js';
import { AnswerService } from '../../src/core/answers/answer-service.js';
import { ActionJournal } from '../../src/store/action-journal.js';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { openStore } from '../../src/store/store.js';
import { sharedFolder } from '../../scripts/shared-folder.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const questions = (
  JSON.parse(readFileSync(sharedFolder('eval', 'dev-questions.json'), 'utf8')) as { ask: string }[]
).map((q) => q.ask);
const today = new Date('2026-11-24T10:00:00Z');
const io = (dataFile: string, out: string[] = [], err: string[] = []) => ({
  env: { DATA_FILE: dataFile },
  out: (l: string) => out.push(l),
  err: (l: string) => err.push(l),
});

async function answersFrom(dataFile: string): Promise<string[]> {
  const store = await openStore({ file: dataFile, defaults: loadDefaultStore, readOnly: true });
  const service = new AnswerService(store, () => today);
  return ['kent-csp', 'medway-csp'].flatMap((id) => questions.map((q) => JSON.stringify(service.answer(q, id))));
}

describe('npm run export / npm run restore', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let source: string;
  beforeEach(async () => {
    folder = makeTempFolder();
    source = path.join(folder.path, 'live', 'store.json');
    const store = await openStore({ file: source, defaults: loadDefaultStore });
    await store.update((d) => {
      const kent = d.partnerships['kent-csp']!;
      kent.aliases['pedestrian crossings'] = 'road-safety';
      kent.priorityDraft = {
        year: { ...structuredClone(kent.priorityYears.at(-1)!), year: '2024/25' },
        from: '2023/24',
        startedBy: 'Anna Taylor',
        startedAt: today.toISOString(),
      };
      // A second partnership, with its own records and choices of members.
      d.partnerships['medway-csp'] = {
        ...kent,
        id: 'medway-csp',
        name: 'Medway Community Safety Partnership',
        shortName: 'Medway CSP',
        priorityYears: [],
        priorityChanges: [],
      };
      d.memberships['aad-sam'] = { seenIn: ['kent-csp', 'medway-csp'], chosen: 'medway-csp' };
    });
    await store.close();
    const journal = await ActionJournal.open(`${source}.actions`);
    await journal.add('kent-csp', (n) => ({
      id: `kent-csp#${n}`,
      partnershipId: 'kent-csp',
      number: n,
      owner: { name: 'Martin Adams' },
      description: 'report the KSI figures',
      status: 'open',
      createdBy: { id: 'u', name: 'Sam' },
      createdAt: today.toISOString(),
      history: [],
    }));
    await journal.close();
  });
  afterEach(() => folder.remove());

  it('restores an export into an empty data folder with byte-identical answers to every sample question, and every action', async () => {
    const backup = path.join(folder.path, 'backup.json');
    expect(await exportStore(backup, io(source))).to.equal(0);
    const target = path.join(folder.path, 'empty', 'store.json');
    const out: string[] = [];
    expect(await restoreStore(backup, io(target, out))).to.equal(0);
    expect(out.join('\n')).to.contain('restored 2 partnerships and 1 actions');
    const stored = async (file: string) =>
      (await openStore({ file, defaults: loadDefaultStore, readOnly: true })).data();
    expect(await stored(target)).to.deep.equal(await stored(source));
    expect(await answersFrom(target)).to.deep.equal(await answersFrom(source));
    const restored = await ActionJournal.open(`${target}.actions`);
    expect(restored.get('kent-csp', 1)?.description).to.equal('report the KSI figures');
    await restored.close();
  });

  it('migrates a backup from an older store version', async () => {
    const backup = path.join(folder.path, 'backup.json');
    await exportStore(backup, io(source));
    const parsed = JSON.parse(readFileSync(backup, 'utf8')) as {
      store: Record<string, unknown> & { partnerships: Record<string, Record<string, unknown>> };
    };
    parsed.store.version = 1;
    delete parsed.store.conversations;
    delete parsed.store.memberships;
    for (const p of Object.values(parsed.store.partnerships))
      for (const key of ['roles', 'draftActions', 'channels', 'agendas']) delete p[key];
    writeFileSync(backup, JSON.stringify(parsed));
    const target = path.join(folder.path, 'old', 'store.json');
    expect(await restoreStore(backup, io(target))).to.equal(0);
    expect((JSON.parse(readFileSync(target, 'utf8')) as { version: number }).version).to.equal(3);
  });

  for (const [label, content, problem] of [
    ['damaged', '{"kind": "csp-bot-backup", "store": {', /not valid JSON/],
    ['not a backup', '{"hello": "world"}', /not a backup of this bot/],
    [
      'invalid inside',
      JSON.stringify({
        kind: 'csp-bot-backup',
        store: { version: 3, defaultPartnershipId: 'x', partnerships: {}, conversations: [], memberships: {} },
        actions: [],
      }),
      /default partnership "x" is not in the store/,
    ],
  ] as const) {
    it(`refuses a ${label} file, naming the problem, and leaves the store byte-identical`, async () => {
      const backup = path.join(folder.path, 'bad.json');
      writeFileSync(backup, content);
      const before = readFileSync(source);
      const err: string[] = [];
      expect(await restoreStore(backup, io(source, [], err))).to.equal(1);
      expect(err.join('\n')).to.match(problem).and.to.contain('nothing changed');
      expect(readFileSync(source).equals(before)).to.equal(true);
    });
  }
});
