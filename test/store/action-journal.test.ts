import { expect } from 'chai';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Action } from '../../src/core/model/model.js';
import { ActionJournal } from '../../src/store/action-journal.js';
import { StoreError } from '../../src/store/store-error.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

function action(number: number, extra: Partial<Action> = {}): Action {
  return {
    id: `kent-csp#${number}`,
    partnershipId: 'kent-csp',
    number,
    owner: { name: 'Shafick Peerbux' },
    description: `circulate the refreshed CSA (${number})`,
    status: 'open',
    createdBy: { id: 'u', name: 'Anna' },
    createdAt: '2026-11-24T10:00:00.000Z',
    history: [{ at: '2026-11-24T10:00:00.000Z', by: { id: 'u', name: 'Anna' }, change: 'created' }],
    ...extra,
  };
}

describe('action journal', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder.path, 'store.json.actions');
  });
  afterEach(() => folder.remove());

  it('numbers 200 actions added at once uniquely, and every one is on disk', async () => {
    const journal = await ActionJournal.open(file);
    const added = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        journal.add('kent-csp', (n) => action(n, { sourceActivityId: `activity-${i}` })),
      ),
    );
    expect(new Set(added.map((a) => a.number)).size).to.equal(200);
    expect(Math.max(...added.map((a) => a.number))).to.equal(200);
    await journal.close();
    const reopened = await ActionJournal.open(file);
    expect(reopened.all('kent-csp')).to.have.length(200);
    expect(reopened.loggedBy('kent-csp', 'activity-7')?.sourceActivityId).to.equal('activity-7');
    await reopened.close();
  });

  it('keeps the latest version of an action, with its history', async () => {
    const journal = await ActionJournal.open(file);
    await journal.add('kent-csp', (n) => action(n));
    await journal.save(
      (a) => ({
        ...a,
        status: 'done',
        history: [
          ...a.history,
          { at: 'later', by: { id: 'u', name: 'Anna' }, change: 'status', from: 'open', to: 'done' },
        ],
      }),
      'kent-csp',
      1,
    );
    await journal.close();
    const reopened = await ActionJournal.open(file);
    expect(reopened.get('kent-csp', 1)?.status).to.equal('done');
    expect(reopened.get('kent-csp', 1)?.history).to.have.length(2);
    await reopened.compact();
    expect(readFileSync(file, 'utf8').trim().split('\n')).to.have.length(1);
    await reopened.close();
  });

  for (const [label, tail] of [
    ['a fragment of a line', JSON.stringify(action(2)).slice(0, 40)],
    // Whole but for its newline: never confirmed either, and cut from disk on open.
    ['a whole line without its newline', JSON.stringify(action(2))],
  ] as const) {
    it(`skips only a last line torn by a crash mid-append (${label}): what is shown is what stays on disk`, async () => {
      writeFileSync(file, `${JSON.stringify(action(1))}\n${tail}`);
      const journal = await ActionJournal.open(file);
      expect(journal.all('kent-csp').map((a) => a.number)).to.deep.equal([1]);
      // The torn tail is cut off, so the next append starts on a line of its own.
      await journal.add('kent-csp', (n) => action(n));
      await journal.close();
      const reopened = await ActionJournal.open(file);
      expect(reopened.all('kent-csp').map((a) => a.number)).to.deep.equal([1, 2]);
      expect(reopened.get('kent-csp', 2)).to.deep.equal(action(2));
      await reopened.close();
    });
  }

  it('is read by a reader that takes no lock without being changed, a torn tail and all', async () => {
    const text = `${JSON.stringify(action(1))}\n${JSON.stringify({ ...action(1), status: 'done' })}\n${JSON.stringify(action(2)).slice(0, 30)}`;
    writeFileSync(file, text);
    const actions = await ActionJournal.read(file);
    expect(actions.map((a) => [a.number, a.status])).to.deep.equal([[1, 'done']]);
    expect(readFileSync(file, 'utf8')).to.equal(text);
    expect(await ActionJournal.read(`${file}.missing`)).to.deep.equal([]);
  });

  it('refuses a journal damaged elsewhere, naming the line', async () => {
    writeFileSync(file, `${JSON.stringify(action(1))}\nnot json\n${JSON.stringify(action(2))}\n`);
    let error: unknown;
    await ActionJournal.open(file).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(StoreError);
    expect((error as Error).message)
      .to.contain('line 2')
      .and.contain('a copy of it is kept at');
    const copy = readdirSync(path.dirname(file)).find((f) => f.startsWith(`${path.basename(file)}.damaged-`));
    expect(readFileSync(path.join(path.dirname(file), copy ?? 'none'), 'utf8')).to.equal(readFileSync(file, 'utf8'));
  });
});
