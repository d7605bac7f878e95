import { expect } from 'chai';
import { AnswerService } from '../../../src/core/answers/answer-service.js';
import { publishedRecords } from '../../../src/core/partnerships/membership.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('publishedRecords', () => {
  const kent = loadDefaultStore().partnerships['kent-csp']!;
  const [minuted, other] = kent.meetings;
  // Its minutes are published, but who came was confirmed on an agenda card in Teams.
  const confirmedInTeams = {
    ...minuted!,
    sources: [...minuted!.sources, { doc: 'agenda 2023-03-21', ref: 'attendance' }],
    present: ['person-confirmed-in-teams'],
    // Confirming attendance also names who did not answer, and the chair from the chair's role.
    notAnswered: ['Cllr Quiet Member'],
    chairId: 'person-chair-by-role',
  };
  const partnership = { ...kent, meetings: [confirmedInTeams, other!] };

  it('leaves out the attendance taken in Teams, who did not answer and the chair by role, keeping the published minutes', () => {
    const [meeting, untouched] = publishedRecords(partnership).meetings;
    expect(meeting!.present).to.deep.equal([]);
    expect(meeting!.apologies).to.deep.equal([]);
    expect(meeting).to.not.have.any.keys('notAnswered', 'chairId');
    expect(meeting!.items).to.equal(confirmedInTeams.items);
    expect(untouched).to.equal(other);
  });

  it('gives the same meetings for a later version whose meetings did not change, so that their indexes are reused', () => {
    const later = { ...partnership, aliases: { ...partnership.aliases, 'safer streets': 'road-safety' } };
    const before = publishedRecords(partnership).meetings;
    const after = publishedRecords(later).meetings;
    expect(after).to.have.length(before.length);
    after.forEach((meeting, i) => expect(meeting).to.equal(before[i]));
  });

  it("keeps the published answers' name matchers across a change to other records, and follows a change to people", () => {
    const fromTeams = {
      ...kent.people[0]!,
      id: 'person-from-teams',
      sources: [{ doc: 'agenda 2023-03-21', ref: 'attendance' }],
    };
    const withTeamsPerson = { ...partnership, people: [...kent.people, fromTeams] };
    let records = withTeamsPerson;
    let revision = 1;
    const service = new AnswerService({ partnership: () => publishedRecords(records), revision: () => revision });
    const before = service.knowledgeBase()!;
    expect(before.partnership.people.map((p) => p.id)).to.not.include('person-from-teams');
    records = { ...records, aliases: { ...records.aliases, 'safer streets': 'road-safety' } };
    revision++;
    const after = service.knowledgeBase()!;
    expect(after).to.not.equal(before);
    expect(after.people).to.equal(before.people);
    records = { ...records, people: records.people.slice(1) };
    revision++;
    const changed = service.knowledgeBase()!;
    expect(changed.people).to.not.equal(before.people);
    expect(changed.partnership.people).to.have.length(kent.people.length - 1);
  });
});
