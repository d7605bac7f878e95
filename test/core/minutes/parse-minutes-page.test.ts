import { expect } from 'chai';
import { parseFixture, parseSeed, SEED } from './documents.js';

describe('minutes importer: ModernGov "Agenda and minutes" page (002)', () => {
  const doc = parseSeed(SEED.minutesPage);
  const items = doc.meeting?.items ?? [];

  it('reads the header line and venue', () => {
    expect(doc.layout).to.equal('minutes-page');
    expect(doc.meeting).to.include({
      id: 'kcsp-2022-03-24',
      body: 'Kent Community Safety Partnership',
      date: '2022-03-24',
      time: '10:00',
      venue: 'online',
      status: 'held',
    });
  });

  it('finds exactly ten items, titles without the "pdf icon" tail, ids from titles', () => {
    expect(items).to.have.length(10);
    expect(items[0]?.title).to.equal('Notes of meeting held on 18 November 2021');
    expect(items[0]?.id).to.equal('notes-of-meeting-held-on-18-november-2021');
    expect(items[0]?.code).to.equal(undefined);
    expect(items[0]?.minutes).to.deep.equal([]);
    expect(items.map((i) => i.title)).to.include('Date of meetings in 2022');
    expect(items.every((i) => i.resolution !== undefined)).to.equal(true);
    expect(items[9]?.sources).to.deep.equal([
      { doc: SEED.minutesPage, ref: 'Kent and Medway Joint Exploitation Group Update' },
    ]);
  });

  it('keeps lettered resolution parts', () => {
    const resolution = items[1]?.resolution;
    expect(resolution?.parts).to.deep.equal([
      'Consider and comment on the proposed changes to the refreshed Kent Community Safety Agreement.',
      'Agree the priorities and cross-cutting themes for 2022/23 taking into account the comments about VAWG and DA and Prevention of Neighbourhood Crime.',
      'Note the upcoming Scrutiny Committee arrangements.',
    ]);
    expect(resolution?.text).to.match(
      /^that the Kent Community Safety Partnership a\) Consider and comment .* c\) Note the upcoming Scrutiny Committee arrangements\.$/,
    );
  });

  it('lists the future meeting dates as planned meetings, a month-only one with its note', () => {
    expect(doc.plannedMeetings.map((m) => [m.id, m.date, m.month, m.note, m.status])).to.deep.equal([
      ['kcsp-2022-07-14', '2022-07-14', undefined, undefined, 'planned'],
      ['kcsp-2022-11-17', '2022-11-17', undefined, undefined, 'planned'],
      ['kcsp-2023-03', null, '2023-03', 'TBC', 'planned'],
    ]);
  });

  it('reads the Vision Zero resolution and the presenters', () => {
    const visionZero = items.find((i) => /Zero Casualty/.test(i.title));
    expect(visionZero?.resolution?.text).to.include('March 2023');
    expect(visionZero?.presenters).to.deep.equal(['mcmullan']);
    expect(items[1]?.presenters).to.deep.equal(['s-peerbux']);
    expect(items.find((i) => /Violence Reduction/.test(i.title))?.presenters).to.deep.equal(['powell']);
    expect(doc.people.find((p) => p.id === 's-peerbux')?.names).to.include.members(['Shafick Peerbux', 'Mr Peerbux']);
  });
});

describe('minutes importer: a minutes page of another body, with numbered items', () => {
  const doc = parseFixture('minutes-page-ashford.txt');
  const items = doc.meeting?.items ?? [];

  it('reads body, date, 24-hour time and venue', () => {
    expect(doc.meeting).to.include({
      id: 'acsp-2023-09-05',
      body: 'Ashford Community Safety Partnership',
      date: '2023-09-05',
      time: '14:00',
      venue: 'Council Chamber, Civic Centre, Ashford',
    });
  });

  it('takes item numbers from the table, drops the agenda description and attachments', () => {
    expect(items.map((i) => i.id)).to.deep.equal(['1', '2', '3', '4']);
    expect(items[1]?.title).to.equal('Community Safety Plan 2023-26');
    expect(items[1]?.minutes).to.have.length(2);
    expect(items[1]?.minutes[0]).to.match(/^Dr Amira Haddad, Community Safety Lead/);
  });

  it('reads several lettered resolutions, on their own lines and inline', () => {
    expect(items[1]?.resolution?.parts).to.deep.equal([
      'approve the Community Safety Plan 2023-26',
      'note the consultation results',
      'ask the Working Group to report on progress in March 2024.',
    ]);
    expect(items[2]?.resolution?.parts).to.deep.equal([
      'the update be noted',
      'a further report be brought to the next meeting',
      'thanks be given to the volunteers.',
    ]);
  });

  it('reads apologies in an item, roles, presenters and the next meeting', () => {
    expect(doc.meeting?.apologies).to.deep.equal(['t-brennan', 'p-oneill']);
    expect(items[1]?.presenters).to.deep.equal(['a-haddad', 'd-macleod']);
    const haddad = doc.people.find((p) => p.id === 'a-haddad');
    expect(haddad?.roles[0]).to.deep.include({
      title: 'Community Safety Lead',
      organisation: 'Ashford Borough Council',
      asOf: '2023-09-05',
    });
    expect(doc.people.find((p) => p.id === 'd-macleod')?.roles[0]).to.deep.include({ organisation: 'Kent Police' });
    expect(doc.plannedMeetings.map((m) => [m.id, m.time])).to.deep.equal([['acsp-2023-12-05', '14:00']]);
    expect(doc.warnings).to.deep.equal([]);
  });
});

describe('minutes importer: a cut-off minutes page', () => {
  const doc = parseFixture('minutes-page-cut-off.txt');

  it('keeps what is there and warns instead of failing', () => {
    const items = doc.meeting?.items ?? [];
    expect(items).to.have.length(2);
    expect(items[1]?.minutes[0]).to.match(/injured on Kent roads had$/);
    expect(items[1]?.resolution).to.equal(undefined);
    expect(doc.warnings).to.have.length(2);
    expect(doc.warnings[1]).to.match(/Road Safety Update.*cut off/);
  });
});

describe('minutes importer: a minutes page whose first items have no RESOLVED', () => {
  const doc = parseFixture('minutes-page-items-without-resolved.txt');
  const items = doc.meeting?.items ?? [];

  it('still finds each title standing alone after a finished paragraph', () => {
    expect(items.map((i) => i.title)).to.deep.equal([
      'Apologies for Absence',
      'Declarations of Interest',
      'Minutes of the meeting held on 12 July 2023',
      'Domestic Abuse Strategy',
      'Date of Next Meeting',
    ]);
    expect(doc.meeting?.apologies).to.deep.equal(['j-brown', 'k-green']);
  });

  it('reads numbered resolution parts, a role written before the name, and the next meeting', () => {
    expect(items[3]?.resolution?.parts).to.deep.equal([
      'the strategy be endorsed',
      'progress be reported in six months.',
    ]);
    expect(items[3]?.presenters).to.deep.equal(['l-okoro']);
    expect(doc.people.find((p) => p.id === 'l-okoro')?.roles[0]?.title).to.equal('Community Safety Manager');
    expect(doc.plannedMeetings.map((m) => [m.id, m.time])).to.deep.equal([['mcsp-2024-02-07', '10:30']]);
  });
});

describe('minutes importer: apologies listed a name a line after "the following:"', () => {
  const doc = parseFixture('minutes-page-apologies-listed.txt');
  const items = doc.meeting?.items ?? [];

  it('reads each name as one who sent apologies, not as an item of its own', () => {
    expect(items.map((i) => i.title)).to.deep.equal([
      'Apologies',
      'Declarations of Interest',
      'Anti-social Behaviour Update',
    ]);
    // The member who sent apologies is the one before the dash, not the substitute.
    expect(doc.meeting?.apologies).to.deep.equal(['p-nair', 't-archer', 'o-macleod']);
    expect(doc.warnings.join('\n')).not.to.match(/the following|no RESOLVED line[^\n]*Apologies/);
  });

  it('keeps each name its own line of the minutes, and a sentence after a colon as it is', () => {
    expect(items[0]?.minutes).to.deep.equal([
      'Apologies for absence were received from the following:',
      'Priya Nair',
      'Cllr Tom Archer - Helen Voss substituted',
      'Dr Owen MacLeod',
    ]);
    expect(items[2]?.minutes).to.deep.equal([
      'Sergeant Dana Fell reported the following:',
      'Calls about anti-social behaviour in the town centre had fallen since the dispersal order was made.',
    ]);
  });
});
