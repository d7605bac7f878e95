import { expect } from 'chai';
import { mergeParsedDocument, type MinutesRecords, type ParsedDocument } from '../../../src/core/minutes/index.js';
import { isDeepStrictEqual } from 'node:util';
import { haveSameMinutes } from '../../../src/core/minutes/item-fingerprint.js';
import { parseFixture, parseSeed, SEED } from './documents.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const EMPTY: MinutesRecords = { meetings: [], people: [] };

function importAll(docs: readonly ParsedDocument[], start: MinutesRecords = EMPTY): MinutesRecords {
  return docs.reduce((records, doc) => mergeParsedDocument(records, doc).records, start);
}

describe('minutes importer: merging documents', () => {
  const itemPage = parseSeed(SEED.itemPage);
  const report = parseSeed(SEED.report);
  const minutesPage = parseSeed(SEED.minutesPage);
  const notes = parseSeed(SEED.notes);
  const olderItemPage = parseSeed(SEED.olderItemPage);

  it('merges the undated agenda-item page into 003 B1, in either order', () => {
    const notesFirst = importAll([notes, itemPage]);
    const itemPageFirst = importAll([itemPage, notes]);
    for (const records of [notesFirst, itemPageFirst]) {
      expect(records.meetings.map((m) => m.id)).to.deep.equal(['kcsp-2023-03-21']);
      const b1 = records.meetings[0]?.items.find((i) => i.id === 'B1');
      expect(b1?.sources).to.deep.equal([
        { doc: SEED.notes, ref: 'B1' },
        { doc: SEED.itemPage, ref: 'Kent Community Safety Agreement Review and Refresh' },
      ]);
      expect(records.meetings[0]?.items).to.have.length(10);
    }
    expect(itemPageFirst).to.deep.equal(notesFirst);
  });

  it('says what happened, and changes nothing when a file is imported again', () => {
    const once = mergeParsedDocument(EMPTY, notes);
    expect(once.report.added).to.include('meeting kcsp-2023-03-21');
    const twice = mergeParsedDocument(once.records, notes);
    expect(twice.records).to.deep.equal(once.records);
    expect(twice.report.added).to.deep.equal([]);
    expect(twice.report.merged).to.deep.equal([]);
    expect(twice.report.skipped).to.include('meeting kcsp-2023-03-21');

    const withItemPage = mergeParsedDocument(once.records, itemPage);
    expect(withItemPage.report.merged).to.include('item kcsp-2023-03-21/B1');
    const again = mergeParsedDocument(withItemPage.records, itemPage);
    expect(again.records).to.deep.equal(withItemPage.records);
    expect(again.report.added).to.deep.equal([]);
    expect(again.report.merged).to.deep.equal([]);
    expect(again.report.warnings).to.deep.equal(itemPage.warnings);
  });

  it('never mutates the records it is given', () => {
    const before = importAll([minutesPage]);
    const snapshot = structuredClone(before);
    mergeParsedDocument(before, notes);
    mergeParsedDocument(before, itemPage);
    expect(before).to.deep.equal(snapshot);
  });

  it('shares the stored meetings it leaves alone, frozen or not, and makes new ones only for what it changes', () => {
    const before = deepFreeze(importAll([minutesPage, report, notes]));
    const { records } = mergeParsedDocument(before, olderItemPage);
    const stored = (id: string) => before.meetings.find((m) => m.id === id);
    const kept = records.meetings.filter((m) => before.meetings.includes(m));
    expect(kept.length).to.equal(before.meetings.length);
    for (const meeting of records.meetings)
      if (!kept.includes(meeting)) expect(isDeepStrictEqual(stored(meeting.id), meeting)).to.equal(false);
    expect(records).to.deep.equal(importAll([minutesPage, report, notes, olderItemPage]));
  });

  it("knows an item's minutes again when their text changed in place", () => {
    const item = { minutes: ['The Partnership noted the report.'] };
    const longer = { minutes: ['The Partnership  noted the report.', 'Members AGREED the plan.'] };
    expect(haveSameMinutes(item, { minutes: ['the partnership noted the report .'] })).to.equal(true);
    expect(haveSameMinutes(item, longer)).to.equal(false);
    item.minutes.push('Members agreed the plan.');
    expect(haveSameMinutes(item, longer)).to.equal(true);
    expect(haveSameMinutes({ minutes: [] }, { minutes: [] })).to.equal(false);
  });

  it('never matches by title alone: the undated working-group item stays its own meeting', () => {
    const records = importAll([minutesPage, notes, olderItemPage]);
    const undated = records.meetings.filter((m) => m.status === 'undated');
    expect(undated).to.have.length(1);
    expect(undated[0]?.items[0]?.title).to.equal('Kent Community Safety Partnership Working Group Update');
    expect(undated[0]?.sources).to.deep.equal([{ doc: SEED.olderItemPage }]);
    const b2 = records.meetings.find((m) => m.id === 'kcsp-2023-03-21')?.items.find((i) => i.id === 'B2');
    expect(b2?.sources).to.deep.equal([{ doc: SEED.notes, ref: 'B2' }]);
  });

  it('replaces a planned meeting, and a month-only plan, when its minutes arrive', () => {
    const planned = importAll([minutesPage]);
    expect(planned.meetings.map((m) => [m.id, m.status])).to.deep.equal([
      ['kcsp-2022-03-24', 'held'],
      ['kcsp-2022-07-14', 'planned'],
      ['kcsp-2022-11-17', 'planned'],
      ['kcsp-2023-03', 'planned'],
    ]);
    const held = mergeParsedDocument(planned, notes);
    expect(held.records.meetings.map((m) => m.id)).to.not.include('kcsp-2023-03');
    expect(held.report.merged).to.include('meeting kcsp-2023-03 (planned) into kcsp-2023-03-21');
    expect(importAll([notes, minutesPage]).meetings.map((m) => m.id)).to.deep.equal(
      held.records.meetings.map((m) => m.id),
    );
  });

  it('knows one person under every form of their name, across all five documents', () => {
    const records = importAll([itemPage, report, minutesPage, notes, olderItemPage]);
    const person = (id: string) => records.people.find((p) => p.id === id);
    const peerbux = person('s-peerbux');
    expect(peerbux?.name).to.equal('Shafick Peerbux');
    expect(peerbux?.names).to.include.members(['Shafick Peerbux', 'Mr S Peerbux', 'Mr Peerbux']);
    expect(peerbux?.roles.map((r) => [r.title, r.organisation])).to.deep.include(['Head of Community Safety', 'KCC']);
    expect(person('n-wilkinson')?.roles[0]?.title).to.equal('Assistant Director Contest and Serious Organised Crime');
    expect(person('s-davison')?.names).to.include.members(['Ms S Davison', 'Sheila Davison']);
    expect(person('j-king')?.name).to.equal('Jan King');
    expect(person('b-king')?.name).to.equal('Ms B King');
    expect(person('a-taylor')?.roles[0]?.title).to.equal('Scrutiny Research Officer');
    // "Mr Harper" in 2022 is "Mr A Harper" of 2023: the surname-only id follows the fuller name.
    expect(records.people.map((p) => p.id)).to.not.include.members(['harper', 'brinson', 'wilkinson', 'peerbux']);
    const mentalHealth = records.meetings
      .find((m) => m.id === 'kcsp-2022-03-24')
      ?.items.find((i) => /Mental Health/.test(i.title));
    expect(mentalHealth?.presenters).to.deep.equal(['a-harper']);
    const ids = records.people.map((p) => p.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('ends in the same records whatever the import order', () => {
    const forwards = importAll([itemPage, report, minutesPage, notes, olderItemPage]);
    const backwards = importAll([olderItemPage, notes, minutesPage, report, itemPage]);
    expect(backwards).to.deep.equal(forwards);
  });
});

describe('minutes importer: merging a dated agenda-item page', () => {
  it('matches the item by its code within the same meeting, keeping both sources', () => {
    const records = importAll([parseSeed(SEED.notes), parseFixture('agenda-item-with-meeting-line.txt')]);
    expect(records.meetings.map((m) => m.id)).to.deep.equal(['kcsp-2023-03-21']);
    const b1 = records.meetings[0]?.items.find((i) => i.id === 'B1');
    expect(b1?.sources).to.deep.equal([
      { doc: SEED.notes, ref: 'B1' },
      { doc: 'agenda-item-with-meeting-line.txt', ref: 'B1' },
    ]);
    expect(b1?.title).to.equal('Kent Community Safety Agreement Review and Refresh Update');
  });
});
