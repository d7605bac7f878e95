import { expect } from 'chai';
import { itemFingerprint } from '../../../src/core/minutes/item-fingerprint.js';
import { parseFixture, parseSeed, SEED } from './documents.js';

describe('minutes importer: ModernGov agenda-item page', () => {
  it('keeps 000 undated, with one item whose minutes are 003 B1 in another layout', () => {
    const doc = parseSeed(SEED.itemPage);
    expect(doc.layout).to.equal('agenda-item');
    expect(doc.meeting).to.include({ date: null, status: 'undated', body: 'Unknown body' });
    expect(doc.meeting?.id).to.match(/^undated-[0-9a-f]{8}$/);
    expect(doc.warnings.some((w) => w.includes('no meeting date on an agenda item page'))).to.equal(true);
    const item = doc.meeting?.items[0];
    expect(doc.meeting?.items).to.have.length(1);
    expect(item?.title).to.equal('Kent Community Safety Agreement Review and Refresh');
    expect(item?.minutes).to.have.length(11);
    expect(item?.resolution?.text).to.match(
      /^that the Kent Community Safety Partnership \(KCSP\) considered and commented .* Agreed to the priorities/,
    );
    const b1 = parseSeed(SEED.notes).meeting?.items.find((i) => i.code === 'B1');
    expect(item && itemFingerprint(item)).to.equal(b1 && itemFingerprint(b1));
  });

  it('reads 004: body named in the title, people with their roles, no guessed date', () => {
    const doc = parseSeed(SEED.olderItemPage);
    expect(doc.meeting).to.include({ body: 'Kent Community Safety Partnership', date: null, status: 'undated' });
    const person = (id: string) => doc.people.find((p) => p.id === id);
    expect(person('m-adams')?.name).to.equal('Martin Adams');
    expect(person('m-adams')?.roles[0]).to.deep.include({
      title: 'Assistant Director of Community Engagement',
      organisation: 'Kent Fire and Rescue',
    });
    expect(person('m-adams')?.roles[0]?.asOf).to.equal(undefined);
    expect(person('j-mookherjee')?.roles[0]).to.deep.include({ title: 'Public Health specialist' });
    expect(person('s-davison')?.roles[0]).to.deep.include({
      title: 'Head of Health, Parking and Community Safety',
      organisation: 'Ashford Borough Council',
    });
    expect(person('n-wickens')?.roles[0]).to.deep.include({
      organisation: 'Office of the Police and Crime Commissioner',
    });
    expect(person('s-peerbux')?.roles[0]).to.deep.include({ title: 'Head of Community Safety', organisation: 'KCC' });
    expect(person('j-king')?.name).to.equal('Jan King');
    expect(person('s-thompson')?.names).to.deep.equal(['Supt. Simon Thompson']);
    expect(doc.people.map((p) => p.id)).to.not.include('s-assessments');
    expect(doc.meeting?.items[0]?.presenters).to.include.members(['m-adams', 's-peerbux']);
    expect(doc.meeting?.items[0]?.resolution?.text).to.equal('that the update be noted.');
  });

  it('warns about an item with minutes but no RESOLVED line', () => {
    const doc = parseFixture('agenda-item-no-resolved.txt');
    expect(doc.meeting?.items[0]?.resolution).to.equal(undefined);
    expect(doc.meeting?.items[0]?.minutes).to.have.length(2);
    expect(doc.meeting?.body).to.equal('Swale Community Safety Partnership');
    expect(doc.warnings).to.include(
      'item "Swale Community Safety Partnership Action Plan" has minutes but no RESOLVED line: kept without a resolution',
    );
  });
});

describe('minutes importer: committee report (001)', () => {
  it('is a report: no meeting, only the author with a role', () => {
    const doc = parseSeed(SEED.report);
    expect(doc.layout).to.equal('report');
    expect(doc.meeting).to.equal(null);
    expect(doc.plannedMeetings).to.deep.equal([]);
    expect(doc.people.map((p) => p.id)).to.deep.equal(['a-taylor']);
    expect(doc.people[0]?.roles).to.deep.equal([
      { title: 'Scrutiny Research Officer', asOf: '2023-07-19', source: { doc: SEED.report, ref: 'By' } },
    ]);
  });
});

describe('minutes importer: an agenda-item page that names its meeting', () => {
  it('takes the date, body and item code from the "Meeting:" line, and drops the agenda description', () => {
    const doc = parseFixture('agenda-item-with-meeting-line.txt');
    expect(doc.meeting).to.include({
      id: 'kcsp-2023-03-21',
      date: '2023-03-21',
      status: 'held',
      body: 'Kent Community Safety Partnership',
    });
    expect(doc.meeting?.items.map((i) => [i.id, i.title, i.minutes])).to.deep.equal([
      ['B1', 'Kent Community Safety Agreement', ['Mr S Peerbux introduced the item.']],
    ]);
    expect(doc.warnings).to.deep.equal([]);
  });
});
