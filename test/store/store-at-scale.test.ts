import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateStore } from '../../bench/generate-store.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { parseStoreFile } from '../../src/store/store-file.js';
import { openStore } from '../../src/store/store.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

describe('store at scale (14 partnerships x 50 meetings)', function () {
  this.timeout(300_000);
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder.path, 'store.json');
    writeFileSync(file, `${JSON.stringify(generateStore(14, 50), null, 2)}\n`);
  });
  afterEach(() => folder.remove());

  it('keeps every change made while snapshots are written in the background, and the snapshot is a valid store', async () => {
    // A store file with its meetings inline is written again with them apart, in the background.
    await (await openStore({ file, defaults: () => expect.fail('the store exists') })).close();
    expect(readFileSync(file, 'utf8').slice(0, 60)).to.match(/"changesThrough": 0,\s+"meetingsFiles"/);
    // A tiny threshold: a snapshot starts after nearly every change, while later ones keep coming.
    const store = await openStore({ file, defaults: () => expect.fail('the store exists'), snapshotBytes: 1 });
    const ids = Object.keys(store.data().partnerships);
    expect(ids).to.have.length(14);
    let snapshots = 0;
    // At least 12 rounds, and on until a snapshot has landed (the first writes every meetings file).
    let rounds = 0;
    for (; rounds < 12 || (snapshots === 0 && rounds < 35); rounds++) {
      const round = rounds;
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => {
          const i = round * 10 + j;
          return store.update((d) => {
            const target = d.partnerships[ids[i % ids.length]!]!;
            target.aliases[`alias ${i}`] = 'road-safety';
            target.meetings[i % 50]!.note = `note ${i}`;
          });
        }),
      );
      if (
        readFileSync(file, 'utf8')
          .slice(0, 40)
          .match(/"changesThrough": [1-9]/)
      )
        snapshots++;
    }
    await store.close();
    // Later rounds were saved while a snapshot was on its way (and the rounds saw one land).
    expect(snapshots).to.be.greaterThan(0);
    // The snapshot alone is a valid store file, readable by hand, its meetings in files of their
    // own; with the journal it holds everything.
    const snapshot = parseStoreFile(readFileSync(file, 'utf8'), file, MIGRATIONS);
    expect(snapshot.meetingsFiles).to.have.keys(Object.keys(snapshot.partnerships));
    expect(Object.values(snapshot.partnerships).map((p) => p.meetings.length)).to.deep.equal(Array(14).fill(50));
    const reopened = await openStore({ file, defaults: () => expect.fail('the store exists'), readOnly: true });
    for (let i = 0; i < rounds * 10; i++) {
      const partnership = reopened.partnership(ids[i % ids.length]);
      expect(partnership?.aliases[`alias ${i}`], `alias ${i}`).to.equal('road-safety');
    }
    const notes = ids.flatMap((id) =>
      reopened
        .partnership(id)!
        .meetings.map((m) => m.note)
        .filter((n) => n?.startsWith('note ')),
    );
    expect(notes).to.have.length(rounds * 10);
  });
});
