import { expect } from 'chai';
import type { Agenda } from '../../src/core/model/model.js';
import { renderAgendaCard } from '../../src/views/agenda-card.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { replyText } from '../helpers/reply-text.js';

const agenda: Agenda = {
  id: 'agenda-1',
  title: 'Kent Community Safety Partnership meeting',
  startsAt: '2027-03-14T10:00:00.000Z',
  venue: 'Online',
  onlineLink: 'https://teams.microsoft.com/l/meetup-join/x',
  items: [
    {
      code: 'B1',
      title: 'Community Safety Agreement refresh',
      presenter: 'Ms S Brinson',
      paperUrl: 'https://example.org/b1.pdf',
    },
    { code: 'B2', title: '${title} [link](https://evil.example)' },
  ],
  status: 'circulated',
  version: 1,
  createdBy: 'Harry Hill',
  updatedAt: '2026-11-24T10:00:00.000Z',
  posts: [],
  responses: [
    { userId: 'u1', name: 'Ann', answer: 'attending', at: '2026-11-24T10:00:00.000Z' },
    { userId: 'u2', name: 'Bob', answer: 'apologies', note: 'on leave', at: '2026-11-24T10:00:00.000Z' },
  ],
};
const text = (card: unknown): string =>
  replyText([
    { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
  ]);

describe('agenda card', () => {
  it('is valid Adaptive Card 1.5 in every state', () => {
    for (const a of [
      agenda,
      { ...agenda, status: 'cancelled' as const },
      { ...agenda, status: 'draft' as const, responses: [] },
      { ...agenda, version: 3, posts: [{ conversationId: 'c', activityId: 'a', version: 1, postedAt: 'x' }] },
    ]) {
      expect(cardSchemaErrors(renderAgendaCard(a)), a.status).to.deep.equal([]);
    }
  });

  it('shows when, where, items with presenters, and the counts, with Universal Action buttons', () => {
    const card = renderAgendaCard(agenda);
    const shown = text(card);
    for (const part of [
      'Sunday 14 March 2027, 10:00',
      'B1  Community Safety Agreement refresh',
      'Presenter: Ms S Brinson',
      'Attending 1 · Apologies 1 · Substitutes 0',
    ])
      expect(shown).to.contain(part);
    expect(shown).to.contain('${title} [link](https://evil.example)');
    const actions = card.actions as { type: string; verb?: string; title: string }[];
    expect(actions.map((a) => a.title)).to.deep.equal([
      'Join the meeting',
      'Attending',
      'Send apologies',
      'Sending a substitute',
    ]);
    expect(actions[1]?.verb).to.equal('agenda.attending');
    expect((card.refresh as { userIds: string[] }).userIds).to.deep.equal(['u1', 'u2']);
  });

  it('offers the online meeting link as a button, not as text, and not for a cancelled meeting or a link that is not a web address', () => {
    const join = (a: Agenda) =>
      (renderAgendaCard(a).actions as { type: string; title: string; url?: string }[]).find(
        (x) => x.type === 'Action.OpenUrl',
      );
    expect(join(agenda)).to.deep.include({
      title: 'Join the meeting',
      url: 'https://teams.microsoft.com/l/meetup-join/x',
    });
    expect(text(renderAgendaCard(agenda))).to.not.contain('meetup-join');
    expect(join({ ...agenda, status: 'cancelled' })).to.equal(undefined);
    expect(join({ ...agenda, onlineLink: 'javascript:alert(1)' })).to.equal(undefined);
    const linkOnly = { ...agenda, venue: undefined } as Agenda;
    delete linkOnly.venue;
    expect(text(renderAgendaCard(linkOnly))).to.contain('Online');
  });

  it('shows the viewer their own answer, and the chair who has not answered', () => {
    const viewer = {
      userId: 'u2',
      organiser: true,
      expected: [
        { userId: 'u1', name: 'Ann' },
        { userId: 'u2', name: 'Bob' },
        { userId: 'u3', name: 'Cat' },
      ],
    };
    const shown = text(renderAgendaCard(agenda, viewer));
    expect(shown).to.contain('Your answer: sending apologies - "on leave"');
    expect(shown).to.contain('Not answered yet (1): Cat');
  });

  it('says a cancelled meeting is cancelled and offers no buttons', () => {
    const card = renderAgendaCard({ ...agenda, status: 'cancelled' });
    expect(text(card)).to.contain('CANCELLED');
    expect(card.actions ?? []).to.deep.equal([]);
  });
});

describe('agenda card refresh list', () => {
  it('lists at most 60 users for automatic refresh; the card stays right for the rest', () => {
    const many = Array.from({ length: 75 }, (_, i) => ({
      userId: `29:u${i}`,
      name: `User ${i}`,
      answer: 'attending' as const,
      at: '2026-11-24T10:00:00.000Z',
    }));
    const card = renderAgendaCard({ ...agenda, responses: many });
    expect((card.refresh as { userIds: string[] }).userIds).to.have.length(60);
    expect(text(card)).to.contain('Attending 75');
  });
});
