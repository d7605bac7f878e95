import { expect } from 'chai';
import type { CommandInput } from '../../../src/core/commands/command.js';
import { runCommand } from '../../../src/turns/record-commands.js';
import type { Partnership } from '../../../src/core/model/model.js';
import { readMeetingTime } from '../../../src/core/agendas/read-meeting-time.js';
import type { Actor } from '../../../src/core/model/permissions.js';
import { kentWith } from '../../helpers/kent.js';

const now = new Date('2026-11-24T10:00:00Z');
const chair: Actor = { id: 'aad-chair', ids: ['aad-chair'], name: 'Harry Hill', isAdmin: false };
const member: Actor = { id: 'aad-m', ids: ['aad-m'], name: 'Sam Member', isAdmin: false };
const kent = (): Partnership => kentWith([{ userId: 'aad-chair', name: 'Harry Hill', role: 'chair' }]);
/** Runs a command and applies its change, as the bot does. */
function say(p: Partnership, text: string, actor: Actor = chair) {
  const input: CommandInput = { text, mentions: [], actor, now };
  const outcome = runCommand(p, input)!;
  outcome.change?.(p);
  return outcome;
}

describe('reading meeting times', () => {
  it('reads en-GB dates and times as London time, in winter and in summer', () => {
    expect(readMeetingTime('14 March 2027 10:00 online', now)).to.deep.equal({
      startsAt: '2027-03-14T10:00:00.000Z',
      venue: 'Online',
    });
    expect(readMeetingTime('14/07/2027 10am at County Hall, Maidstone', now)).to.deep.equal({
      startsAt: '2027-07-14T09:00:00.000Z',
      venue: 'County Hall, Maidstone',
    });
    expect(readMeetingTime('Thu 14 January 2:30pm https://teams.microsoft.com/l/meetup-join/x', now)).to.deep.equal({
      startsAt: '2027-01-14T14:30:00.000Z',
      venue: 'Online',
      onlineLink: 'https://teams.microsoft.com/l/meetup-join/x',
    });
  });
  it('explains a missing or malformed date, a missing time and a past time', () => {
    expect(readMeetingTime('banana', now)).to.have.property('problem').that.contains('could not find the meeting date');
    expect(readMeetingTime('31/02/2027 10:00', now)).to.have.property('problem');
    expect(readMeetingTime('14 March 2027', now)).to.have.property('problem').that.contains('not the start time');
    expect(readMeetingTime('1 January 2020 10:00', now)).to.have.property('problem').that.contains('in the past');
  });
});

describe('building an agenda from chat', () => {
  it('starts an agenda, adds items with presenters and papers, reorders and removes them', () => {
    const p = kent();
    expect(say(p, 'agenda 14 March 2027 10:00 online').answer.summary).to.contain(
      'Draft agenda started for Sunday 14 March 2027, 10:00',
    );
    say(p, 'item B1 Community Safety Agreement refresh - Ms S Brinson');
    say(p, 'item B2 Working Group update - Mr S Peerbux https://example.org/papers/b2.pdf');
    say(p, 'item B3 MARAC review');
    say(p, 'move item B3 before B1');
    const agenda = p.agendas[0]!;
    expect(agenda.items.map((i) => i.code)).to.deep.equal(['B3', 'B1', 'B2']);
    expect(agenda.items[1]).to.deep.equal({
      code: 'B1',
      title: 'Community Safety Agreement refresh',
      presenter: 'Ms S Brinson',
    });
    expect(agenda.items[2]?.paperUrl).to.equal('https://example.org/papers/b2.pdf');
    say(p, 'item B1 Community Safety Agreement refresh 2027 - Shafick Peerbux');
    expect(p.agendas[0]!.items[1]?.presenter).to.equal('Shafick Peerbux');
    say(p, 'remove item B3');
    say(p, 'agenda title Kent CSP annual meeting');
    const preview = say(p, 'show agenda', member).answer;
    expect(preview.title).to.equal('Kent CSP annual meeting');
    expect(preview.entries.map((e) => e.heading)).to.deep.equal([
      'B1 Community Safety Agreement refresh 2027',
      'B2 Working Group update',
    ]);
    expect(p.agendas).to.have.length(1);
    // Nobody has seen the draft: its edits are not versions (a card marks UPDATED only changes after circulation).
    expect(p.agendas[0]!.version).to.equal(1);
  });

  it('refuses members, and explains bad input without changing anything', () => {
    const p = kent();
    expect(say(p, 'agenda 14 March 2027 10:00 online', member).answer.summary).to.contain(
      'only the chair or the secretariat',
    );
    expect(p.agendas).to.deep.equal([]);
    say(p, 'agenda 14 March 2027 10:00 online');
    const before = structuredClone(p.agendas);
    for (const [text, message] of [
      ['agenda 31/02/2027 10:00', /could not find the meeting date/],
      [`item B1 ${'x'.repeat(5000)}`, /5000 characters long/],
      ['remove item Z9', /has no item Z9/],
      ['move item B7 up', /has no item B7/],
    ] as const) {
      const outcome = say(p, text);
      expect(outcome.answer.summary, text).to.match(message);
      expect(outcome.change, text).to.equal(undefined);
    }
    expect(p.agendas).to.deep.equal(before);
  });

  it('leaves questions about the agenda to the answers', () => {
    expect(runCommand(kent(), { text: "what's on the agenda?", mentions: [], actor: member, now })).to.equal(null);
  });
});
