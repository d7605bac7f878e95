import { expect } from 'chai';
import { answerQuestion } from '../../../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../../../src/core/answers/knowledge-base.js';
import { runCommand } from '../../../src/turns/record-commands.js';
import type { Partnership } from '../../../src/core/model/model.js';
import { readResolutionCommand } from '../../../src/core/resolutions/record-resolution.js';
import type { Actor } from '../../../src/core/model/permissions.js';
import { kentWith } from '../../helpers/kent.js';

const now = new Date('2026-11-24T10:30:00Z');
const secretariat: Actor = { id: 'aad-sec', ids: ['aad-sec'], name: 'Anna Taylor', isAdmin: false };
const member: Actor = { id: 'aad-member', ids: ['aad-member'], name: 'Sam Member', isAdmin: false };

const kent = (): Partnership => kentWith([{ userId: 'aad-sec', name: 'Anna Taylor', role: 'secretariat' }]);
const b3 = (p: Partnership) => p.meetings.find((m) => m.id === 'kcsp-2023-03-21')!.items.find((i) => i.code === 'B3')!;

describe('recording resolutions from chat', () => {
  it('reads the command in its forms, and leaves questions alone', () => {
    expect(readResolutionCommand('resolved for B3 on 21 March 2023: that the update be noted')).to.deep.equal({
      itemCode: 'B3',
      meetingText: '21 March 2023',
      text: 'that the update be noted',
    });
    expect(
      readResolutionCommand('Correct resolution for item b2 at the 21/03/2023 meeting: RESOLVED that X')?.itemCode,
    ).to.equal('B2');
    expect(readResolutionCommand('What did we resolve about B3?')).to.equal(null);
  });

  it('lets the secretariat correct a resolution, keeping who, when and the previous text', () => {
    const partnership = kent();
    const before = b3(partnership).resolution!.text;
    const outcome = runCommand(partnership, {
      text: 'correct resolution for B3 on 21 March 2023: that the MARAC Review Update be noted and a report come back in July 2023.',
      mentions: [],
      actor: secretariat,
      now,
    })!;
    expect(outcome.answer.kind).to.equal('resolution-recorded');
    expect(outcome.answer.facts.find((f) => f.title === 'Previous text')?.value).to.equal(before);
    outcome.change!(partnership);
    expect(b3(partnership).resolution?.text).to.equal(
      'that the MARAC Review Update be noted and a report come back in July 2023.',
    );
    expect(b3(partnership).resolutionHistory).to.deep.equal([
      {
        text: 'that the MARAC Review Update be noted and a report come back in July 2023.',
        previous: before,
        by: { id: 'aad-sec', name: 'Anna Taylor' },
        at: now.toISOString(),
      },
    ]);
    const answer = answerQuestion(new KnowledgeBase(partnership), 'what did we resolve about MARAC?', now);
    expect(answer.summary)
      .to.contain('report come back in July 2023')
      .and.contain('corrected by Anna Taylor')
      .and.contain(before);
  });

  it('refuses a member without the role, saying who can, and changes nothing', () => {
    const outcome = runCommand(kent(), {
      text: 'resolved for B3 on 21 March 2023: something else',
      mentions: [],
      actor: member,
      now,
    })!;
    expect(outcome.answer.kind).to.equal('refused');
    expect(outcome.answer.summary).to.contain('only the chair or the secretariat');
    expect(outcome.change).to.equal(undefined);
  });

  it('lets a bootstrap admin do it whatever their role', () => {
    const outcome = runCommand(kent(), {
      text: 'resolved for A1 on 21 March 2023: that the apologies be noted',
      mentions: [],
      actor: { id: 'x', ids: ['x'], name: 'Admin', isAdmin: true },
      now,
    })!;
    expect(outcome.answer.summary).to.contain('resolution recorded');
    expect(outcome.change).to.be.a('function');
  });

  for (const [label, text, message] of [
    ['an unknown meeting', 'resolved for B3 on 3 March 2021: x', /could not find a meeting held on "3 March 2021"/],
    [
      'an item the meeting does not have',
      'resolved for F9 on 21 March 2023: x',
      /has no item F9 \(its items are A1, A4, B1/,
    ],
    ['empty text', 'resolved for B3 on 21 March 2023:   ', /empty/],
    ['a 5,000-character text', `resolved for B3 on 21 March 2023: ${'x'.repeat(5000)}`, /limit is 2000/],
    [
      'the same text again',
      'resolved for B4 on 21 March 2023: that the Crimestoppers update be noted.',
      /already has exactly that/,
    ],
  ] as const) {
    it(`explains ${label} and changes nothing`, () => {
      const outcome = runCommand(kent(), { text: text, mentions: [], actor: secretariat, now })!;
      expect(outcome.answer.kind).to.equal('invalid');
      expect(outcome.answer.summary).to.match(message);
      expect(outcome.change).to.equal(undefined);
    });
  }
});
