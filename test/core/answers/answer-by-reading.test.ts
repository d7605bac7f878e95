/**
 * The reading answerer over a partnership of its own (no curated priorities, leads or aliases),
 * made from two small fixture pages in layouts the importer has no reader for: the question is read
 * into what is asked and which meeting, and the answer gives the fact with its meeting, or says what
 * is not recorded.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../../../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../../../src/core/answers/knowledge-base.js';
import { mergeParsedDocument, parseMinutesDocument, type MinutesRecords } from '../../../src/core/minutes/index.js';
import { newPartnership } from '../../../src/core/partnerships/new-partnership.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/minutes/other-councils');

/** A new partnership with nothing but the fixture pages `files` imported. */
function partnershipOf(id: string, name: string, shortName: string, files: readonly string[]): KnowledgeBase {
  let records: MinutesRecords = { meetings: [], people: [] };
  for (const file of files) {
    records = mergeParsedDocument(
      records,
      parseMinutesDocument(readFileSync(path.join(FIXTURES, file), 'utf8'), file),
    ).records;
  }
  const partnership = newPartnership(id, { name, shortName }, '2026-01-01T00:00:00Z', { id: 't', name: 'Test' });
  return new KnowledgeBase({ ...partnership, ...records });
}

const northtown = (): KnowledgeBase =>
  partnershipOf('snp', 'Safer Northtown Partnership', 'SNP', ['northtown-2021-02-03.txt', 'northtown-undated.txt']);

describe('answer engine: reading the minutes of a partnership with nothing curated', () => {
  const kb = northtown();
  const ask = (q: string) => {
    const a = answerQuestion(kb, q, new Date('2026-11-24T10:00:00Z'));
    return [
      a.summary,
      ...a.entries.map((e) => `${e.heading ?? ''} ${e.text}`),
      ...a.facts.map((f) => `${f.title} ${f.value}`),
      ...a.sources.map((c) => c.label ?? c.doc),
    ].join('\n');
  };

  it('gives the chair of the meeting a date picks, and of the meeting that approved its minutes', () => {
    expect(ask('who was in the chair in feb 2021?')).to.contain('Jo Bloggs').and.not.contain('Ann Lee');
    const later = ask('who chaired the meeting that agreed the minutes of 3 February 2021');
    expect(later).to.contain('Ann Lee').and.not.contain('Bloggs');
  });

  it('lists apologies for a terse date, not the people present', () => {
    const reply = ask('apols 3/2/21 pls');
    expect(reply).to.contain('Patel').and.contain('Wu');
    expect(reply).to.not.contain('Tom Reed');
  });

  it('says a meeting date is not recorded rather than guessing one for an undated page', () => {
    expect(ask('what date was the meeting chaired by Ann Lee?'))
      .to.match(/not recorded/)
      .and.not.match(/February 2021/);
  });

  it('gives the amount a question asks for, with the sentence and its meeting', () => {
    const reply = ask('how much did the camera upgrade cost?');
    expect(reply).to.contain('£25,000').and.contain('3 February 2021');
  });

  it("lists a person's actions, and resolves initials from the meeting's own lists", () => {
    const actions = ask('what actions has Sam Smith got');
    expect(actions).to.contain('camera downtime').and.contain('winter crime figures');
    expect(ask('any declarations of interest in february 2021?')).to.contain('TR declared').and.contain('Tom Reed');
  });

  it('finds no listed priorities and says so, without calling anything a priority', () => {
    const reply = ask('what are the partnership priorities?');
    expect(reply).to.contain('not listed').and.contain('No priorities are published yet');
  });
});

describe('answer engine: a partnership whose one page gives no date', () => {
  const kb = partnershipOf('ecsf', 'Eastmoor Community Safety Forum', 'ECSF', ['eastmoor-undated.txt']);
  const ask = (q: string) => {
    const a = answerQuestion(kb, q, new Date('2026-11-24T10:00:00Z'));
    return [a.summary, ...a.entries.map((e) => e.text), ...a.facts.map((f) => `${f.title} ${f.value}`)].join('\n');
  };

  it('names the chair and the vice-chair apart when one sentence appoints both', () => {
    expect(ask('who was appointed chair?')).to.contain('Fenwick').and.not.contain('Dunmore');
    expect(ask('who became vice chair?')).to.contain('Dunmore').and.not.contain('Fenwick');
  });

  it('answers where the meeting was from its one meeting, which has no date', () => {
    const reply = ask('where was the meeting?');
    expect(reply).to.contain('Harbour Hall').and.not.contain('No meeting');
  });

  it('reads who is to arrange a meeting from the minutes, not the meeting on record', () => {
    expect(ask('who will arrange the meeting with the licensing team?')).to.contain('Ola Brandt');
  });

  it('reads a question about meeting dates from the minutes when no meeting has a date', () => {
    expect(ask('until when should the meeting dates be circulated?')).to.contain('March 2026');
  });
});
