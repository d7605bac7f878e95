import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoreData } from '../../src/store/schema.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/store.js';
import { StoreError } from '../../src/store/store-error.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

function sampleStore(): StoreData {
  return {
    version: 3,
    defaultPartnershipId: 'test-csp',
    partnerships: {
      'test-csp': {
        id: 'test-csp',
        name: 'Test Community Safety Partnership',
        shortName: 'TCSP',
        priorityYears: [
          {
            year: '2023/24',
            priorities: [{ id: 'road-safety', name: 'Road Safety', sources: [{ doc: 'a.txt' }] }],
            themes: [],
            sources: [],
          },
        ],
        priorityChanges: [],
        aliases: { ksi: 'road-safety' },
        leads: [],
        people: [],
        meetings: [],
        roles: [],
        draftActions: [],
        channels: [],
        agendas: [],
      },
    },
    conversations: [],
    memberships: {},
  };
}

describe('store', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  /** Every store a test opens, closed after it (an open store holds its journal's file handle). */
  let opened: Store[] = [];
  const open = async (options: Parameters<typeof openStore>[0]): Promise<Store> => {
    const store = await openStore(options);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder.path, 'nested', 'store.json');
  });
  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    opened = [];
    folder.remove();
  });
  /** What another process reading the files now would find (the snapshot and the change journal). */
  const onDisk = async (): Promise<StoreData> =>
    (await open({ file, defaults: () => expect.fail('the store must exist'), readOnly: true })).data();

  it('creates the file from the defaults on first open, on disk', async () => {
    const store = await open({ file, defaults: sampleStore });
    expect(existsSync(file)).to.equal(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).partnerships['test-csp'].name).to.equal(
      'Test Community Safety Partnership',
    );
    expect(store.partnership()?.id).to.equal('test-csp');
  });

  it('saves each update to disk before it resolves, and reopens with it', async () => {
    const store = await open({ file, defaults: sampleStore });
    await store.update((d) => {
      d.partnerships['test-csp']!.aliases['vision zero'] = 'road-safety';
    });
    expect((await onDisk()).partnerships['test-csp']?.aliases['vision zero']).to.equal('road-safety');
    const reopened = await open({
      file,
      defaults: () => expect.fail('defaults must not be used for an existing file'),
    });
    expect(reopened.partnership()?.aliases['vision zero']).to.equal('road-safety');
    expect(store.revision()).to.equal(2);
  });

  it("keeps a partnership's revision when a change touches only store-level data", async () => {
    const store = await open({ file, defaults: sampleStore });
    const before = store.revision('test-csp');
    await store.update(
      (d) =>
        void (d.conversations = [
          { conversationId: 'a:1', serviceUrl: 'https://x.example/', channelId: 'msteams', botId: '28:b' },
        ]),
      [],
    );
    expect(store.revision('test-csp')).to.equal(before);
    expect(store.revision()).to.be.greaterThan(before);
    await store.update((d) => void (d.partnerships['test-csp']!.shortName = 'T2'), ['test-csp']);
    expect(store.revision('test-csp')).to.be.greaterThan(before);
  });

  it('serialises concurrent updates so that none is lost', async () => {
    const store = await open({ file, defaults: sampleStore });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update((d) => {
          d.partnerships['test-csp']!.aliases[`alias ${i}`] = 'road-safety';
        }),
      ),
    );
    expect(Object.keys((await onDisk()).partnerships['test-csp']?.aliases ?? {})).to.have.length(51);
  });

  it('saves changes that arrive together in order, each validated on its own: a bad one is refused alone', async () => {
    const store = await open({ file, defaults: sampleStore });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.update((d) => {
          const p = d.partnerships['test-csp']!;
          if (i === 7) (p as { name: unknown }).name = 42;
          else p.aliases[`alias ${i}`] = 'road-safety';
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).to.have.length(1);
    expect(results[7]?.status).to.equal('rejected');
    const saved = (await onDisk()).partnerships['test-csp']!;
    expect(Object.keys(saved.aliases)).to.have.length(1 + 19);
    expect(saved.name).to.equal('Test Community Safety Partnership');
    await store.close();
  });

  it('refuses a change that would make the store invalid, and keeps the old data', async () => {
    const store = await open({ file, defaults: sampleStore });
    const before = readFileSync(file);
    let failed = false;
    await store
      .update((d) => {
        (d.partnerships['test-csp'] as { name: unknown }).name = 42;
      })
      .catch((error: unknown) => {
        failed = error instanceof StoreError;
      });
    expect(failed).to.equal(true);
    expect(readFileSync(file).equals(before)).to.equal(true);
    expect(store.partnership()?.name).to.equal('Test Community Safety Partnership');
    await store.update((d) => {
      d.partnerships['test-csp']!.shortName = 'T';
    });
    expect(store.partnership()?.shortName).to.equal('T');
  });

  for (const [label, content, problem] of [
    ['empty', '', /empty/],
    ['truncated', '{"version": 1, "defaultPartnershipId": "test-csp", "partnersh', /not valid JSON/],
    [
      'hand-broken',
      JSON.stringify({
        ...sampleStore(),
        partnerships: { 'test-csp': { ...sampleStore().partnerships['test-csp'], meetings: [{ id: 'x' }] } },
      }),
      /partnerships\.test-csp\.meetings\.0/,
    ],
    ['from a newer version', JSON.stringify({ ...sampleStore(), version: 99 }), /newer version/],
  ] as const) {
    it(`refuses a ${label} file with a clear error and never overwrites it`, async () => {
      await open({ file, defaults: sampleStore });
      writeFileSync(file, content);
      let error: unknown;
      try {
        await open({ file, defaults: sampleStore });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(StoreError);
      expect((error as Error).message).to.match(problem);
      expect((error as Error).message)
        .to.contain(file)
        .and.contain('a copy of it is kept at');
      expect(readFileSync(file, 'utf8')).to.equal(content);
      const copy = readdirSync(path.dirname(file)).find((f) => f.startsWith('store.json.damaged-'));
      expect(readFileSync(path.join(path.dirname(file), copy ?? 'none'), 'utf8')).to.equal(content);
    });
  }

  it('migrates a version 1 file (before roles and draft actions) and keeps it valid', async () => {
    const {
      roles: _r,
      draftActions: _d,
      channels: _c,
      agendas: _a,
      ...v1Partnership
    } = sampleStore().partnerships['test-csp']!;
    const { conversations: _conversations, memberships: _m, ...v1 } = sampleStore();
    writeFileSync(
      file.replace('nested/', ''),
      JSON.stringify({ ...v1, version: 1, partnerships: { 'test-csp': v1Partnership } }),
    );
    const store = await open({ file: file.replace('nested/', ''), defaults: sampleStore });
    expect(store.data().version).to.equal(3);
    expect(store.data().memberships).to.deep.equal({});
    expect(store.partnership('test-csp')?.roles).to.deep.equal([]);
    expect(store.partnership('test-csp')?.draftActions).to.deep.equal([]);
    expect(store.partnership('test-csp')?.channels).to.deep.equal([]);
    expect(store.data().conversations).to.deep.equal([]);
    // Waits for the file to be written again in the current layout, in the background.
    await store.close();
  });

  it('runs each migration step in order', async () => {
    const {
      roles: _r,
      draftActions: _d,
      channels: _c,
      agendas: _a,
      ...v1Partnership
    } = sampleStore().partnerships['test-csp']!;
    const old = { ...sampleStore(), version: 0, partnerships: undefined, partnershipList: [v1Partnership] };
    writeFileSync(file.replace('nested/', ''), JSON.stringify(old));
    const store = await open({
      file: file.replace('nested/', ''),
      defaults: sampleStore,
      migrations: {
        ...MIGRATIONS,
        0: (data) => {
          const list = data.partnershipList as { id: string }[];
          const { partnershipList: _dropped, ...rest } = data;
          return { ...rest, partnerships: Object.fromEntries(list.map((p) => [p.id, p])) };
        },
      },
    });
    expect(store.partnership('test-csp')?.name).to.equal('Test Community Safety Partnership');
    await store.close();
  });
});
