/**
 * The general reader over the other councils' pages (shared/eval/other-csp-dev): every page is
 * imported, its meeting date is the one its file name gives (or none where the page states none),
 * and an own fixture of an unseen layout shows the cues it relies on.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { sharedFolder } from '../../../scripts/shared-folder.js';
import { parseMinutesDocument } from '../../../src/core/minutes/index.js';

describe('minutes importer: pages of other councils, read by general cues', () => {
  const folder = sharedFolder('eval', 'other-csp-dev');
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt'));

  it('imports every page, with the meeting date its file name gives and none where the page gives none', () => {
    expect(files).to.have.length(25);
    for (const file of files) {
      const parsed = parseMinutesDocument(readFileSync(`${folder}/${file}`, 'utf8'), file);
      const named = /_(\d{4}-\d{2}-\d{2})_/.exec(file)?.[1] ?? null;
      expect(parsed.meeting?.date ?? null, file).to.equal(named);
      expect(parsed.meeting?.items.length, file).to.be.greaterThan(0);
      if (!named) expect(parsed.warnings.join(' '), file).to.contain('no meeting date');
    }
  });

  it('reads an unseen layout: a British date line, "Item N" headings, a Present list, AGREED decisions', () => {
    const text = [
      'Safer Northtown Partnership',
      'Notes of meeting',
      'Date: 3rd February, 2021',
      'Time: 2.30 p.m.',
      'Place: Room 4, Town Hall',
      '',
      'Present:',
      'Jo Bloggs (Chair), Sam Smith (Police), Ann Lee (Fire)',
      'Apologies for absence:',
      'Raj Patel, Kim Wu',
      '',
      'Item 1 - Minutes of the previous meeting',
      'The minutes of the meeting held on 4 November 2020 were agreed as a correct record.',
      '',
      'Item 2 - Night Time Economy',
      'Sam Smith reported a fall of 12% in violent crime in the town centre.',
      'AGREED that the plan be adopted.',
    ].join('\n');
    const parsed = parseMinutesDocument(text, 'northtown.txt');
    const meeting = parsed.meeting!;
    expect(parsed.layout).to.equal('general');
    expect([meeting.date, meeting.time, meeting.venue, meeting.body]).to.deep.equal([
      '2021-02-03',
      '14:30',
      'Room 4, Town Hall',
      'Safer Northtown Partnership',
    ]);
    expect(meeting.items.map((i) => i.title)).to.deep.equal([
      'Attendance',
      'Minutes of the previous meeting',
      'Night Time Economy',
    ]);
    expect(meeting.items[2]?.minutes.join(' ')).to.contain('12%');
    const names = (ids: string[]) => ids.map((id) => parsed.people.find((p) => p.id === id)?.surname);
    expect(names(meeting.apologies)).to.have.members(['Patel', 'Wu']);
    expect(names(meeting.present)).to.include.members(['Bloggs', 'Smith', 'Lee']);
  });

  it('reads a table saved as text, "No 1." headings, and apologies a person a bullet', () => {
    const text = [
      'Minutes of the Westdale Community Safety Partnership 2 May 2024',
      '',
      'Attendance',
      '| Name | Agency |',
      '|---|---|',
      '| Cllr Nia Hale | Westdale Council (Chair) |',
      '| Superintendent Omar Reid | Westdale Police |',
      '| Priya Shah | Probation Service |',
      '',
      'Apologies',
      '- Tom Ward (Office of the Police and Crime Commissioner)',
      ' - Ada Frost (Domestic Abuse Forum)',
      '  • Cllr Ben Cole, Westdale and Eastfield Fire and Rescue Authority',
      '',
      'Item',
      'No 1. Community Safety Plan',
      '1.1 Priya Shah presented the draft plan, which was agreed.',
    ].join('\n');
    const parsed = parseMinutesDocument(text, 'westdale.txt');
    const meeting = parsed.meeting!;
    const person = (id: string | undefined) => parsed.people.find((p) => p.id === id);
    // A row is read as the line a page printing the table would give, without its rules.
    expect(meeting.items[0]?.minutes.join(' '))
      .to.contain('Cllr Nia Hale Westdale Council (Chair)')
      .and.not.contain('|');
    expect(meeting.items.map((i) => [i.code, i.title])).to.deep.include(['1', 'Community Safety Plan']);
    expect(meeting.apologies.map((id) => person(id)?.surname)).to.deep.equal(['Ward', 'Frost', 'Cole']);
    const cole = person(meeting.apologies[2]);
    expect(cole?.roles[0]?.organisation).to.equal('Westdale and Eastfield Fire and Rescue Authority');
    expect(parsed.warnings.join(' ')).to.not.contain('could not read');
  });

  it('still refuses unrelated prose', () => {
    expect(() =>
      parseMinutesDocument(
        'The history of the parish church goes back to the twelfth century.\nVisitors are welcome.',
        'prose.txt',
      ),
    ).to.throw(/not committee minutes/);
  });
});
