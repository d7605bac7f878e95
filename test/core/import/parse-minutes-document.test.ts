import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MinutesFormatError, mergeParsedDocument, parseMinutesDocument, type MinutesRecords } from '../../../src/core/import/index.js';
import { sharedFolder } from '../../../scripts/shared-folder.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/minutes');
const seed = (name: string) => parseMinutesDocument(readFileSync(sharedFolder('seeds', name), 'utf8'), name);
const fixture = (name: string) => parseMinutesDocument(readFileSync(path.join(FIXTURES, name), 'utf8'), name);
const S000 = '000_ceed36313205db39.txt';
const S001 = '001_4a379ed57b484013.txt';
const S002 = '002_bc0ead16dd3987d6.txt';
const S003 = '003_0941d698233bc959.txt';
const S004 = '004_733e496a4d42639d.txt';

function importAll(...names: string[]): MinutesRecords {
  return names.reduce<MinutesRecords>((records, name) => mergeParsedDocument(records, seed(name)).records, { meetings: [], people: [] });
}

describe('minutes importer: the published layouts', () => {
  it('reads Markdown notes: header, attendance, apologies, items and RESOLVED text (003)', () => {
    const doc = seed(S003);
    const m = doc.meeting!;
    expect(doc.layout).to.equal('markdown-notes');
    expect(m).to.include({ id: 'kcsp-2023-03-21', body: 'Kent Community Safety Partnership', date: '2023-03-21', time: '10:00', venue: 'Online', status: 'held' });
    expect(m.chairId).to.equal('h-hill');
    expect(m.viceChairId).to.equal('j-rivers');
    expect(m.present).to.have.length(30);
    // The notes list 18 apologies, one pair without a comma between them ("Ms S Robson Mr P Ramewal").
    expect(m.apologies).to.have.length(18);
    expect(m.apologies).to.include.members(['s-robson', 'p-ramewal', 'v-widden', 'a-harper']);
    expect(m.items.map((i) => i.code)).to.deep.equal(['A1', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'D1', 'D2', 'D3']);
    const item = (code: string) => m.items.find((i) => i.code === code)!;
    expect(item('A1').resolution).to.equal(undefined);
    expect(item('B4').resolution?.text).to.equal('that the Crimestoppers update be noted.');
    expect(item('B2').minutes[1]).to.contain("PCCs Crime Reduction Fund. Mr Peerbux said");
    expect(item('B4').minutes).to.have.length(10);
    expect(item('D1').links).to.deep.equal(['https://www.kent.gov.uk/about-the-council/partnerships/kent-community-safety-partnership/domestic-homicide-reviews']);
    expect(item('B3').presenters).to.deep.equal(['a-agyepong']);
    expect(item('B5').presenters).to.deep.equal(['p-steenhuis']);
    expect(item('B4').presenters[0]).to.equal('p-breckon');
  });

  it('reads an "Agenda and minutes" page: ten items, lettered resolutions, planned dates (002)', () => {
    const doc = seed(S002);
    const m = doc.meeting!;
    expect(doc.layout).to.equal('minutes-page');
    expect(m).to.include({ id: 'kcsp-2022-03-24', date: '2022-03-24', time: '10:00', venue: 'online' });
    expect(m.items).to.have.length(10);
    expect(m.items.every((i) => i.code === undefined)).to.equal(true);
    const refresh = m.items[1]!;
    expect(refresh.title).to.equal('Kent Community Safety Agreement Review and Refresh');
    expect(refresh.resolution?.parts).to.have.length(3);
    expect(refresh.resolution?.parts[1]).to.match(/^Agree the priorities and cross-cutting themes for 2022\/23/);
    expect(m.items.find((i) => /Zero Casualty/.test(i.title))?.resolution?.text).to.contain('March 2023');
    expect(doc.plannedMeetings.map((p) => p.date ?? `${p.month} ${p.note}`)).to.deep.equal(['2022-07-14', '2022-11-17', '2023-03 TBC']);
  });

  it('keeps an agenda-item page undated and says so (000, 004)', () => {
    for (const name of [S000, S004]) {
      const doc = seed(name);
      expect(doc.layout).to.equal('agenda-item');
      expect(doc.meeting?.date).to.equal(null);
      expect(doc.meeting?.status).to.equal('undated');
      expect(doc.warnings.join(' ')).to.contain('no meeting date');
    }
  });

  it('reads a committee report for its people only (001)', () => {
    const doc = seed(S001);
    expect(doc.layout).to.equal('report');
    expect(doc.meeting).to.equal(null);
    expect(doc.people.map((p) => [p.name, p.roles[0]?.title])).to.deep.equal([['Anna Taylor', 'Scrutiny Research Officer']]);
  });

  it('names people with their roles and organisations (004)', () => {
    const roles = Object.fromEntries(seed(S004).people.map((p) => [p.name, p.roles.map((r) => [r.title, r.organisation])]));
    expect(roles['Martin Adams']).to.deep.equal([['Assistant Director of Community Engagement', 'Kent Fire and Rescue']]);
    expect(roles['Jessica Mookherjee']).to.deep.equal([['Public Health specialist', undefined]]);
    expect(roles['Sheila Davison']).to.deep.equal([['Head of Health, Parking and Community Safety', 'Ashford Borough Council']]);
  });
});

describe('minutes importer: merging', () => {
  it('merges the same item in two layouts into one, in either order (000 and 003#B1)', () => {
    for (const order of [[S000, S003], [S003, S000]]) {
      const records = importAll(...order);
      expect(records.meetings.map((m) => m.id), order.join(',')).to.deep.equal(['kcsp-2023-03-21']);
      const b1 = records.meetings[0]!.items.find((i) => i.code === 'B1')!;
      expect(b1.sources.map((s) => s.doc).sort()).to.deep.equal([S000, S003]);
      expect(records.meetings[0]!.items).to.have.length(10);
    }
  });

  it('never duplicates anything when a file is imported twice', () => {
    const once = importAll(S002, S003);
    const { records: twice, report } = mergeParsedDocument(once, seed(S003));
    expect(twice).to.deep.equal(once);
    expect(report.added).to.deep.equal([]);
    expect(report.skipped.length).to.be.greaterThan(0);
  });

  it('never matches by title alone: the undated working-group item stays its own (004)', () => {
    const records = importAll(S000, S001, S002, S003, S004);
    const undated = records.meetings.filter((m) => m.status === 'undated');
    expect(undated).to.have.length(1);
    expect(undated[0]!.items[0]!.sources[0]!.doc).to.equal(S004);
    expect(records.meetings.filter((m) => m.status === 'held').map((m) => m.items.length)).to.deep.equal([10, 10]);
  });

  it('knows one person under every form of their name, across documents', () => {
    const records = importAll(S000, S001, S002, S003, S004);
    const peerbux = records.people.find((p) => p.id === 's-peerbux')!;
    expect(peerbux.name).to.equal('Shafick Peerbux');
    expect(peerbux.names).to.include.members(['Mr S Peerbux', 'Shafick Peerbux', 'Mr Peerbux']);
    expect(peerbux.roles.map((r) => r.title)).to.deep.equal(['Head of Community Safety']);
    expect(records.people.find((p) => p.id === 'n-wilkinson')?.roles[0]?.title).to.equal('Assistant Director Contest and Serious Organised Crime');
    // A surname-only mention imported first is renamed when its initial appears, and references follow.
    const march2022 = records.meetings.find((m) => m.id === 'kcsp-2022-03-24')!;
    expect(march2022.items.find((i) => /PREVENT/.test(i.title))?.presenters).to.deep.equal(['n-wilkinson']);
    expect(records.people.filter((p) => p.surname === 'King').map((p) => p.id).sort()).to.deep.equal(['b-king', 'j-king']);
  });
});

describe('minutes importer: other meetings and unusual pages', () => {
  it('reads another body, date, venue, numbered items, several lettered resolutions and an item without RESOLVED', () => {
    const doc = fixture('ashford-minutes-page.txt');
    const m = doc.meeting!;
    expect(m).to.include({ id: 'acsp-2023-09-05', body: 'Ashford Community Safety Partnership', date: '2023-09-05', time: '14:00', venue: 'Civic Centre, Tannery Lane, Ashford' });
    expect(m.items.map((i) => i.title)).to.deep.equal(['Apologies for Absence', 'Community Safety Plan Refresh', 'Youth Diversion Update']);
    expect(m.apologies).to.have.length(2);
    expect(m.items[1]!.resolution?.parts).to.deep.equal(['Agree the draft plan for consultation.', 'Receive the final plan in December 2023.', 'Note the funding position.']);
    expect(m.items[1]!.presenters).to.deep.equal(['t-okafor']);
    expect(m.items[2]!.resolution).to.equal(undefined);
    expect(doc.warnings.join(' ')).to.contain('"Youth Diversion Update" has no RESOLVED text');
  });

  it('reads notes whose items have no codes', () => {
    const m = fixture('notes-item-without-code.md').meeting!;
    expect(m).to.include({ body: 'Swale Community Safety Partnership', date: '2023-10-04', time: '09:30', venue: 'Swale House' });
    expect(m.items.map((i) => [i.id, i.code])).to.deep.equal([['welcome-and-apologies', undefined], ['anti-social-behaviour-hotspots', undefined]]);
    expect(m.items[1]!.minutes[1]).to.equal('Patrols had increased over the summer and reports had fallen by 12% compared with the previous year.');
    expect(m.chairId).to.equal('p-stone');
    expect(m.apologies).to.deep.equal(['j-pike']);
  });

  it('keeps what a cut-off page has and warns', () => {
    const doc = fixture('cut-off-agenda-item.txt');
    expect(doc.meeting?.items[0]?.minutes).to.have.length(2);
    expect(doc.warnings.join(' ')).to.match(/cut off/);
  });

  for (const [name, problem] of [
    ['empty.txt', /empty\.txt line 1: the file is empty/],
    ['binary.png', /binary\.png line 1: .*binary/],
    ['unrecognised.html', /unrecognised\.html line 1: .*HTML/],
    ['plain-prose.txt', /plain-prose\.txt line 1: not a layout/],
  ] as const) {
    it(`refuses ${name} naming the file and line`, () => {
      expect(() => fixture(name)).to.throw(MinutesFormatError, problem);
    });
  }
});
