/**
 * The answer engine on its own, over the default store, with phrasings other than the sample
 * questions: typos, abbreviations, terse and long forms. Asserts what the answer states, and
 * that it states nothing it should not (other priorities' leads, guesses).
 */
import { expect } from 'chai';
import type { Answer } from '../../../src/core/answers/answer.js';
import { answerQuestion } from '../../../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../../../src/core/answers/knowledge-base.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

const kb = new KnowledgeBase(loadDefaultStore().partnerships['kent-csp']!);
const today = new Date('2026-11-24T10:00:00Z');
const ask = (q: string): Answer => answerQuestion(kb, q, today);
const everything = (a: Answer): string =>
  [
    a.summary,
    ...a.entries.flatMap((e) => [e.heading ?? '', e.text]),
    ...a.facts.flatMap((f) => [f.title, f.value]),
  ].join(' ');
const LEADS = ['Adams', 'Mookherjee', 'Wilkinson', 'Peerbux', 'Steenhuis'];

describe('answer engine', () => {
  describe('leads', () => {
    for (const [question, lead] of [
      ['who leads raod saftey', 'Adams'],
      ['DA lead?', 'Peerbux'],
      ["who's the lead for domestic violence", 'Peerbux'],
      ['who is responsible for antisocial behavior', 'Steenhuis'],
      ['lead for county lines', 'Wilkinson'],
      ['who heads up Prevent', 'Wilkinson'],
      ['who leads on drugs and alcohol', 'Mookherjee'],
      ['KSI lead', 'Adams'],
    ] as const) {
      it(`"${question}" names ${lead} and no other lead`, () => {
        const answer = ask(question);
        expect(answer.kind).to.equal('lead');
        const text = everything(answer);
        expect(text).to.contain(lead);
        for (const other of LEADS.filter((l) => l !== lead)) expect(text).to.not.contain(other);
        expect(answer.sources.length).to.be.greaterThan(0);
      });
    }

    it('says "not recorded" for a priority without a lead, naming nobody', () => {
      const text = everything(ask('who leads on scams?'));
      expect(text).to.contain('No lead is recorded for Safeguarding Vulnerable People');
      for (const name of LEADS) expect(text).to.not.contain(name);
    });

    it('says a topic is not a priority instead of guessing a lead', () => {
      const answer = ask('who leads homelessness');
      expect(answer.summary).to.contain('Homelessness is not one of the partnership');
      for (const name of LEADS) expect(everything(answer)).to.not.contain(name);
    });

    it('lists every priority with its lead or "not recorded"', () => {
      const answer = ask('list the leads for all priorities');
      expect(answer.kind).to.equal('leads');
      expect(answer.entries).to.have.length(8);
      expect(answer.entries.filter((e) => e.text.startsWith('No lead is recorded'))).to.have.length(2);
    });
  });

  describe('priorities', () => {
    it('answers a named year and refuses an unrecorded one honestly', () => {
      expect(ask('what were the priorities for 2022/23').summary).to.contain('8 priorities for 2022/23');
      expect(ask('priorities 2024/25').summary).to.contain('No priorities are recorded for 2024/25');
    });
    it('says that the current priorities are the latest recorded when their year is over', () => {
      expect(ask('what are the current priorities?').summary).to.equal(
        'The latest recorded are the 8 priorities for 2023/24; no later year has been published:',
      );
      expect(answerQuestion(kb, 'what are the current priorities?', new Date('2024-01-10T10:00:00Z')).summary).to.equal(
        'The partnership has 8 priorities for 2023/24:',
      );
    });
    it('knows a topic that comes under a priority, and one that is not a priority', () => {
      expect(ask('is county lines a priority?').summary).to.match(/^Yes: Serious and Organised Crime/);
      expect(ask('is mental health a priority?').summary).to.contain('Mental health is not one of');
      expect(ask('is crime a priority?').summary).to.contain('not a priority on its own');
    });
    it('answers the history of a theme without the word "theme"', () => {
      expect(ask('what happened to covid?').summary).to.contain('Significant Community Events');
    });
  });

  describe('meetings and resolutions', () => {
    it('describes a planned meeting as scheduled, not held', () => {
      expect(ask('when was the meeting in July 2022?').summary).to.contain('scheduled for Thursday 14 July 2022');
    });
    it("pages a meeting's resolutions and offers the next page", () => {
      const first = ask('resolutions from the march 2022 meeting');
      expect(first.entries).to.have.length(5);
      expect(first.more?.question).to.equal('Resolutions of 24 March 2022, page 2');
      const second = ask(first.more!.question);
      expect(second.entries).to.have.length(5);
      expect(second.entries[0]?.text).to.not.equal(first.entries[0]?.text);
      expect(second.more).to.equal(undefined);
    });
    it('finds the resolution for an item code', () => {
      expect(ask('what did we resolve about B3?').summary).to.contain('MARAC');
    });
    it('answers an undated item as undated, never with a guessed date', () => {
      const answer = ask('what did we resolve about road safety?');
      const undated = [answer.summary, ...answer.entries.map((e) => e.heading ?? '')].find((t) => /undated/i.test(t));
      expect(undated).to.match(/the source gives no date/);
    });
    it('routes attendance of something other than a meeting to the minutes', () => {
      expect(ask('how many people attended the VAWG conference?').summary).to.contain('150 people');
      expect(ask('who was at the last meeting?').summary).to.contain(
        'Present at the meeting of Tuesday 21 March 2023 (30)',
      );
    });
    it('names who presented an item', () => {
      expect(ask('who presented B5?').summary).to.contain('Steenhuis');
    });
  });

  describe('minutes search', () => {
    it('answers with the sentence that holds the fact, and where it is', () => {
      const answer = ask('when does the new neighbourhood policing model launch?');
      expect(answer.kind).to.equal('search');
      expect(answer.summary).to.contain('7 June 2023');
      expect(answer.summary.length).to.be.below(300);
      expect(answer.facts.map((f) => f.value)).to.include('B5 Neighbourhood Policing Review Update');
    });
    it('understands acronyms the minutes define', () => {
      expect(ask('how much was the DHR funding gap?').summary).to.contain('£20k');
      expect(ask('what was the CRG underspend?').summary).to.contain('£10,000');
    });
    it('says it does not know rather than guess', () => {
      for (const q of [
        'what is the capital of France?',
        'how many burglaries were there last year?',
        'asdfghjkl',
        'who is Boris Johnson?',
      ]) {
        expect(ask(q).kind, q).to.equal('unknown');
      }
    });
  });

  describe('people', () => {
    it('asks which person when a surname is shared', () => {
      expect(ask('who is King?').kind).to.equal('clarify');
    });
    it('gives the role and what someone leads', () => {
      const answer = ask('what does Shafick Peerbux lead?');
      expect(answer.summary).to.contain('Head of Community Safety');
      expect(answer.facts.find((f) => f.title === 'Leads')?.value).to.equal('Domestic Abuse');
    });
    it('answers who someone is however it is asked', () => {
      for (const q of ['where does Ms Brinson work?', 'Ms Brinson?', "what is Ms Brinson's role?"]) {
        expect(ask(q).summary, q).to.contain('Community Safety Team Leader');
      }
    });
    it('answers what the minutes say of someone, not who they are, when that is what is asked', () => {
      const answer = ask('what did Ms Brinson say about the team co-location?');
      expect(answer.kind).to.not.equal('person');
      expect(everything(answer)).to.contain('would no longer be co-located');
    });
  });

  describe('more held-out phrasings', () => {
    it('reads "agree about" as a question about resolutions', () => {
      expect(ask('what did we agree about vawg?').kind).to.equal('resolutions');
    });
    it('reads "when did the partnership last meet?" as the last meeting', () => {
      expect(ask('When did the partnership last meet?').summary).to.contain('Tuesday 21 March 2023');
    });
    it('answers whether a named person attended', () => {
      expect(ask('Was Mr Harper at the last meeting?').summary).to.equal(
        'Mr A Harper sent apologies for the meeting of Tuesday 21 March 2023.',
      );
      expect(ask('was Nick Wilkinson present on 21 March 2023').summary).to.contain('was present');
    });
    it("gives a lead's organisation from the leads table when the minutes give no role", () => {
      expect(ask('Who is Supt Steenhuis?').summary).to.contain('Kent Police');
    });
    it('answers "the last refresh" and "extended" from the recorded changes', () => {
      expect(ask('What changed at the last refresh?').summary).to.contain('retain the priorities');
      expect(ask('When was ASB extended to neighbourhood crime?').summary).to.contain('2022/23 refresh');
    });
    it('matches a word the stemmer keeps apart ("attended", "attendees")', () => {
      expect(ask('how many attended the extremism conference').summary).to.contain('300 attendees');
    });
    it('offers the closest passage, saying plainly it may not answer, when coverage is partial', () => {
      const answer = ask('How many crime reports did crimestoppers generate in Kent?');
      expect(answer.summary).to.match(/^I don't have a clear answer to that\. The closest passage/);
      expect(answer.summary).to.contain('6,000 crime reports');
    });
  });

  it('never throws, whatever the text', () => {
    for (const q of [
      '',
      '   ',
      '${1+1}',
      '<at>x</at>',
      '?'.repeat(5000),
      '\u0000\u202e',
      'é'.repeat(300),
      'who leads '.repeat(100),
    ]) {
      expect(() => ask(q)).to.not.throw();
    }
  });
});
