import { expect } from 'chai';
import type { Meeting, MeetingItem } from '../../../src/core/model/model.js';
import { parseFixture, parseSeed, SEED } from './documents.js';

function item(meeting: Meeting | null, code: string): MeetingItem {
  const found = meeting?.items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

describe('minutes importer: Markdown notes (003)', () => {
  const doc = parseSeed(SEED.notes);
  const meeting = doc.meeting;

  it('reads the meeting header', () => {
    expect(doc.layout).to.equal('markdown-notes');
    expect(meeting).to.include({
      id: 'kcsp-2023-03-21',
      body: 'Kent Community Safety Partnership',
      date: '2023-03-21',
      time: '10:00',
      venue: 'Online',
      status: 'held',
      chairId: 'h-hill',
      viceChairId: 'j-rivers',
    });
    expect(meeting?.sources).to.deep.equal([{ doc: SEED.notes }]);
  });

  it('reads PRESENT in order and every apology, including two names without a comma between them', () => {
    expect(meeting?.present).to.have.length(30);
    expect(meeting?.present.slice(0, 3)).to.deep.equal(['h-hill', 'j-rivers', 's-peerbux']);
    expect(meeting?.present).to.include.members([
      's-mochrie-cox',
      's-annan-veitch',
      'j-ross',
      'p-steenhuis',
      's-beaumont',
    ]);
    expect(meeting?.apologies).to.have.length(18);
    expect(meeting?.apologies).to.include.members(['s-robson', 'p-ramewal', 'l-conner', 'l-connor', 'v-widden']);
  });

  it('keeps the items in order, with their RESOLVED text', () => {
    expect(meeting?.items.map((i) => i.id)).to.deep.equal(['A1', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'D1', 'D2', 'D3']);
    expect(item(meeting, 'B4').resolution).to.deep.equal({
      text: 'that the Crimestoppers update be noted.',
      parts: [],
    });
    expect(item(meeting, 'B2').resolution?.text).to.equal(
      'the Kent Community Safety Partnership noted the progress and actions undertaken by the Working Group and the work of the KCST.',
    );
    expect(item(meeting, 'A4').resolution?.text).to.match(
      /^that the notes of the meeting held on 17 November 2022 were correctly recorded/,
    );
    expect(item(meeting, 'A1').resolution).to.equal(undefined);
    expect(item(meeting, 'B4').title).to.equal('Crimestoppers Update');
    expect(item(meeting, 'B1').sources).to.deep.equal([{ doc: SEED.notes, ref: 'B1' }]);
  });

  it('joins paragraphs broken across a page break and removes numbering', () => {
    const b2 = item(meeting, 'B2');
    expect(b2.minutes).to.have.length(7);
    expect(b2.minutes[1]).to.equal(
      'Work was ongoing with the Kent Community Safety Team (KCST) and partners to identify projects for the new year to fund from the PCCs Crime Reduction Fund. Mr Peerbux said that he would welcome any ideas for projects from partnership members.',
    );
    expect(item(meeting, 'B4').minutes[6]).to.include('It had been shown to be effective');
    expect(item(meeting, 'B1').minutes[0]).to.equal(
      'Mr S Peerbux (Head of Community Safety, KCC) introduced the update.',
    );
  });

  it('collects links and presenters', () => {
    expect(item(meeting, 'D1').links).to.deep.equal([
      'https://www.kent.gov.uk/about-the-council/partnerships/kent-community-safety-partnership/domestic-homicide-reviews',
    ]);
    expect(item(meeting, 'B4').presenters).to.deep.equal(['p-breckon']);
    expect(item(meeting, 'B5').presenters).to.deep.equal(['p-steenhuis']);
    expect(item(meeting, 'B3').presenters[0]).to.equal('a-agyepong');
    expect(item(meeting, 'D2').presenters).to.deep.equal(['n-wilkinson']);
    expect(item(meeting, 'B1').presenters).to.deep.equal(['s-peerbux']);
  });

  it('names people with their roles, and no organisations or phrases as people', () => {
    const person = (id: string) => doc.people.find((p) => p.id === id);
    expect(person('s-peerbux')?.names).to.include.members(['Mr S Peerbux', 'Mr Peerbux']);
    expect(person('s-peerbux')?.roles[0]).to.deep.include({
      title: 'Head of Community Safety',
      organisation: 'KCC',
      asOf: '2023-03-21',
    });
    expect(person('n-wilkinson')?.name).to.equal('Nick Wilkinson');
    expect(person('n-wilkinson')?.roles[0]).to.deep.include({
      title: 'Assistant Director Contest and Serious Organised Crime',
      organisation: 'KCC',
    });
    expect(person('h-hill')?.roles[0]).to.deep.include({ title: 'Chair', source: { doc: SEED.notes, ref: 'PRESENT' } });
    expect(person('b-king')?.roles).to.deep.equal([]);
    const names = doc.people.map((p) => p.name);
    expect(names.filter((n) => /Chair|Member|Behaviour|Partnership/.test(n))).to.deep.equal([]);
    expect(doc.warnings).to.deep.equal([]);
  });
});

describe('minutes importer: Markdown notes fixture with an item without a code', () => {
  const doc = parseFixture('notes-uncoded-item.md');

  it('reads a different body, venue and time from the notes line and date line', () => {
    expect(doc.meeting).to.include({
      id: 'mcsp-2024-01-12',
      body: 'Medway Community Safety Partnership',
      venue: 'Gun Wharf, Chatham',
      time: '14:30',
    });
    expect(doc.meeting?.chairId).to.equal('t-ahmed');
    expect(doc.meeting?.apologies).to.deep.equal(['r-stone', 'p-quaye']);
  });

  it('gives an uncoded heading an id from its title, and joins a page break inside a list', () => {
    const items = doc.meeting?.items ?? [];
    expect(items.map((i) => i.id)).to.deep.equal(['1', 'serious-violence-duty', 'any-other-business']);
    expect(items[1]?.code).to.equal(undefined);
    expect(items[1]?.sources).to.deep.equal([{ doc: 'notes-uncoded-item.md', ref: 'Serious Violence Duty' }]);
    expect(items[1]?.minutes[0]).to.match(/by the end of the year following consultation/);
    expect(items[1]?.presenters).to.deep.equal(['m-patel']);
    expect(doc.people.find((p) => p.id === 'j-obrien')?.names).to.include.members(["Mrs J O'Brien", "Mrs O'Brien"]);
  });

  it('warns about an item with minutes but no RESOLVED line', () => {
    expect(doc.warnings).to.deep.equal([
      'item "Any Other Business" has minutes but no RESOLVED line: kept without a resolution',
    ]);
  });
});
