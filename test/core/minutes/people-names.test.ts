import { expect } from 'chai';
import { readApologiesText, readNameList } from '../../../src/core/minutes/name-lists.js';
import { areCompatible, findSamePerson, keyOf, type PersonKey } from '../../../src/core/minutes/people-identity.js';
import { findNameMentions, parseName } from '../../../src/core/minutes/people-names.js';
import { readRoleAfter, splitRole } from '../../../src/core/minutes/people-roles.js';
import { findPresenters } from '../../../src/core/minutes/presenters.js';

function namesIn(text: string): string[] {
  return findNameMentions(text).map((m) => m.text);
}

describe('minutes importer: people names', () => {
  it("parses honorifics, initials, given names, hyphenated and Mc/Mac/O' surnames", () => {
    expect(parseName('Mr S Mochrie-Cox')).to.deep.equal({
      text: 'Mr S Mochrie-Cox',
      honorific: 'Mr',
      initials: 'S',
      surname: 'Mochrie-Cox',
    });
    expect(parseName('Supt. Simon Thompson')).to.deep.include({
      honorific: 'Supt',
      givenName: 'Simon',
      surname: 'Thompson',
    });
    expect(parseName('Chief Superintendent A B Jones')).to.deep.include({
      honorific: 'Chief Superintendent',
      initials: 'AB',
      surname: 'Jones',
    });
    expect(parseName('Cllr Mrs J Smith')).to.deep.include({ honorific: 'Cllr', initials: 'J', surname: 'Smith' });
    expect(parseName('Mr McMullan')).to.deep.include({ surname: 'McMullan' });
    expect(parseName("Ms P O'Neill")).to.deep.include({ surname: "O'Neill" });
    expect(parseName('Anna Taylor')).to.deep.include({ givenName: 'Anna', surname: 'Taylor' });
    expect(parseName('Peerbux')).to.equal(undefined);
    expect(parseName('Kent Police')).to.equal(undefined);
  });

  it('finds people in prose but not titles, groups or organisations', () => {
    expect(namesIn('The Chair asked Mr Breckon about funding; A Partnership Member noted it.')).to.deep.equal([
      'Mr Breckon',
    ]);
    expect(namesIn('The Vice-Chairman requested that Members receive a report from Kent Police.')).to.deep.equal([]);
    expect(namesIn('Nick Wilkinson thanked the team. Strategic Assessments agreed as the first.')).to.deep.equal([
      'Nick Wilkinson',
    ]);
    expect(namesIn('the Anti-Social Behaviour (ASB) priority and Kent Fire and Rescue provided funds')).to.deep.equal(
      [],
    );
    expect(namesIn('Jan King from the Angelis Foundation and Mr Adams.')).to.deep.equal(['Jan King', 'Mr Adams']);
    // The end of a job title, not a person: "Consumer Protection", "Children Safeguarding".
    expect(namesIn('The Head of Trading Standards and Consumer Protection explained the scheme.')).to.deep.equal([]);
    expect(namesIn('The Director of Children Safeguarding noted the report.')).to.deep.equal([]);
  });

  it('splits a list on commas, "and", and honorifics where a comma is missing', () => {
    const list = readNameList('Mr H Hill (Chair), Ms S Robson Mr P Ramewal, Ms L Connor and DI J Ross,');
    expect(list.names.map((n) => n.parts.text)).to.deep.equal([
      'Mr H Hill',
      'Ms S Robson',
      'Mr P Ramewal',
      'Ms L Connor',
      'DI J Ross',
    ]);
    expect(list.names[0]?.role).to.deep.equal({ title: 'Chair' });
    expect(list.unread).to.deep.equal([]);
  });

  it("ends an entry at its bracket where no comma does, and reads a table cell's apologies", () => {
    const text = readApologiesText(
      'Minutes: Apologies for absence were intimated by:- Rhona Kerr (ABC) Ewan Moffat (SP) Isla Grant (RNLI)',
    );
    const list = readNameList(text ?? '');
    expect(list.names.map((n) => [n.parts.text, n.role?.organisation ?? n.role?.title])).to.deep.equal([
      ['Rhona Kerr', 'ABC'],
      ['Ewan Moffat', 'SP'],
      ['Isla Grant', 'RNLI'],
    ]);
    expect(list.unread).to.deep.equal([]);
  });
});

describe('minutes importer: roles', () => {
  it('splits title and organisation only where the wording makes it clear', () => {
    expect(splitRole('Head of Community Safety, KCC')).to.deep.equal({
      title: 'Head of Community Safety',
      organisation: 'KCC',
    });
    expect(splitRole('Assistant Director of Community Engagement for Kent Fire and Rescue')).to.deep.equal({
      title: 'Assistant Director of Community Engagement',
      organisation: 'Kent Fire and Rescue',
    });
    expect(splitRole('Head of Health, Parking and Community Safety at Ashford Borough Council')).to.deep.equal({
      title: 'Head of Health, Parking and Community Safety',
      organisation: 'Ashford Borough Council',
    });
    expect(splitRole('from the Office of the Police and Crime Commissioner')).to.deep.equal({
      organisation: 'Office of the Police and Crime Commissioner',
    });
    expect(splitRole('Cabinet Member for Community and Regulatory Services')).to.deep.equal({
      title: 'Cabinet Member for Community and Regulatory Services',
    });
    expect(splitRole('Public Health specialist')).to.deep.equal({ title: 'Public Health specialist' });
    expect(splitRole('Kent Police')).to.deep.equal({ organisation: 'Kent Police' });
  });

  it('reads a role in brackets, between commas before a verb, or after "from the"', () => {
    const text = 'Shafick Peerbux, Head of Community Safety, KCC, provided an update';
    const [mention] = findNameMentions(text);
    const role = mention && readRoleAfter(text, mention.end);
    expect(role?.role).to.deep.equal({ title: 'Head of Community Safety', organisation: 'KCC' });
    expect(text.slice(role?.end)).to.equal(', provided an update');
  });
});

describe('minutes importer: presenters and identity', () => {
  function presentersOf(text: string): string[] {
    const mentions = findNameMentions(text);
    const placed = mentions.map((m) => ({ start: m.start, end: readRoleAfter(text, m.end)?.end ?? m.end }));
    return findPresenters(text, placed).map((i) => mentions[i]?.surname ?? '');
  }

  it('counts those who introduced, presented, gave or provided the update, report or presentation', () => {
    expect(presentersOf('Mr Powell gave Members an update on the work.')).to.deep.equal(['Powell']);
    expect(presentersOf('Mr McMullan updated Members on the strategy.')).to.deep.equal(['McMullan']);
    expect(presentersOf('Mr Wilkinson (Assistant Director, KCC) provided an update.')).to.deep.equal(['Wilkinson']);
    expect(presentersOf('Ms A Tyler and Ms S Scott then gave a presentation.')).to.deep.equal(['Tyler', 'Scott']);
    expect(presentersOf('Ms S Brinson gave an overview of updates made.')).to.deep.equal([]);
    expect(presentersOf('Mr P Rollington gave further details on zones.')).to.deep.equal([]);
  });

  it('joins forms of one name, keeps conflicting initials apart, and refuses to guess', () => {
    const key = (text: string): PersonKey => keyOf(parseName(text) ?? { text, surname: text });
    expect(areCompatible(key('Mr S Peerbux'), key('Shafick Peerbux'))).to.equal(true);
    expect(areCompatible(key('Jan King'), key('Ms B King'))).to.equal(false);
    expect(areCompatible(key('Mr A Smith'), key('Ms A Smith'))).to.equal(false);
    const kings = [key('Jan King'), key('Ms B King')];
    expect(findSamePerson(kings, (k) => k, key('Ms King'))).to.equal(undefined);
    expect(findSamePerson([key('Ms B King')], (k) => k, key('Ms King'))).to.deep.equal(key('Ms B King'));
  });
});
