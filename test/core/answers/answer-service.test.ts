import { expect } from 'chai';
import { generateStore } from '../../../bench/generate-store.js';
import { AnswerService } from '../../../src/core/answers/answer-service.js';
import { KnowledgeWarmer } from '../../../src/core/answers/knowledge-warmer.js';
import { MeetingIndexes } from '../../../src/core/answers/meeting-indexes.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('AnswerService', () => {
  const data = loadDefaultStore();
  let revision = 1;
  let today = new Date('2026-11-24T09:00:00Z');
  let partnership = data.partnerships['kent-csp']!;
  const service = new AnswerService({ partnership: () => partnership, revision: () => revision }, () => today);

  it('answers a repeated question from its cache, whatever the spacing or case', () => {
    const first = service.answer('Who leads road safety?');
    expect(first?.summary).to.contain('Adams');
    expect(service.answer('  who LEADS   road safety? ')).to.equal(first);
  });

  it("keeps its cache bounded by memory, not only by count: one member's long questions cannot grow it", () => {
    const own = new AnswerService({ partnership: () => partnership, revision: () => revision }, () => today);
    for (let i = 0; i < 600; i++)
      own.answer(`${i} ${'what about the road safety partnership and its meetings '.repeat(400)}`);
    const { entries, bytes } = own.cacheSize();
    expect(bytes).to.be.at.most(8 * 1024 * 1024);
    expect(entries).to.be.below(600);
    expect(own.answer('Who leads road safety?')?.summary).to.contain('Adams');
  });

  it('answers "when is the next meeting?" afresh once the meeting it named has started, the same day', () => {
    const agenda = (id: string, startsAt: string) => ({
      id,
      title: 'Kent Community Safety Partnership meeting',
      startsAt,
      venue: 'Maidstone',
      items: [{ code: 'A1', title: 'Welcome' }],
      status: 'circulated' as const,
      version: 1,
      createdBy: 'chair',
      updatedAt: startsAt,
      posts: [],
      responses: [],
    });
    const withAgendas = {
      ...partnership,
      agendas: [agenda('a1', '2026-12-02T10:00:00.000Z'), agenda('a2', '2027-01-13T10:00:00.000Z')],
    };
    let now = new Date('2026-12-02T09:00:00Z');
    const own = new AnswerService({ partnership: () => withAgendas, revision: () => 1 }, () => now);
    expect(own.answer('When is the next meeting?')?.summary).to.contain('2 December 2026');
    now = new Date('2026-12-02T12:00:00Z');
    expect(own.answer('When is the next meeting?')?.summary).to.contain('13 January 2027');
  });

  it('answers afresh when the store changes', () => {
    const before = service.answer('Who leads road safety?');
    partnership = {
      ...partnership,
      leads: partnership.leads.map((l) =>
        l.priorityId === 'road-safety' ? { ...l, name: 'A New Lead', role: undefined, organisation: undefined } : l,
      ),
    };
    revision++;
    const after = service.answer('Who leads road safety?');
    expect(after).to.not.equal(before);
    expect(after?.summary).to.contain('A New Lead');
  });

  it('answers afresh on another day ("next meeting" depends on the date)', () => {
    const before = service.answer('When is the next meeting?');
    expect(before?.summary).to.contain('No meeting after today');
    today = new Date('2022-06-01T09:00:00Z');
    const after = service.answer('When is the next meeting?');
    expect(after?.summary).to.contain('14 July 2022');
  });
});

describe('AnswerService knowledge bases', () => {
  const kent = () => loadDefaultStore().partnerships['kent-csp']!;

  it('keeps the meeting index when a change leaves the meetings as they were, and still answers from the change', () => {
    let partnership = kent();
    let revision = 1;
    const service = new AnswerService({ partnership: () => partnership, revision: () => revision });
    const before = service.knowledgeBase()!;
    expect(service.answer('Who leads zebra crossings?')?.summary).to.not.contain('Adams');
    partnership = { ...partnership, aliases: { ...partnership.aliases, 'zebra crossings': 'road-safety' } };
    revision++;
    const after = service.knowledgeBase()!;
    expect(after).to.not.equal(before);
    expect(after.meetingIndex).to.equal(before.meetingIndex);
    expect(service.answer('Who leads zebra crossings?')?.summary).to.contain('Adams');
  });

  it('indexes changed minutes again, reading only the meeting that changed', () => {
    let partnership = kent();
    let revision = 1;
    const service = new AnswerService({ partnership: () => partnership, revision: () => revision });
    const question = 'What did the minutes say about the quokka survey?';
    expect(service.answer(question)?.summary ?? '').to.not.contain('quokka');
    const [first, ...rest] = partnership.meetings;
    const item = first!.items[0]!;
    const changed = {
      ...first!,
      items: [
        { ...item, minutes: [...item.minutes, 'The quokka survey was completed and reported.'] },
        ...first!.items.slice(1),
      ],
    };
    const before = service.knowledgeBase()!;
    partnership = { ...partnership, meetings: [changed, ...rest] };
    revision++;
    const after = service.knowledgeBase()!;
    expect(after.meetingIndex).to.not.equal(before.meetingIndex);
    expect(after.passages.some((p) => p.text.includes('quokka'))).to.equal(true);
    expect(after.passageIndex.search('quokka')).to.have.length.above(0);
    expect(service.answer(question)?.summary).to.contain('quokka');
  });

  it('builds ahead when warmed, and shares one index between services showing the same meetings', async () => {
    const partnership = kent();
    const indexes = new MeetingIndexes();
    const members = new AnswerService({ partnership: () => partnership, revision: () => 1 }, undefined, indexes);
    const published = new AnswerService(
      { partnership: () => ({ ...partnership, roles: [], meetings: [...partnership.meetings] }), revision: () => 1 },
      undefined,
      indexes,
    );
    const warmer = new KnowledgeWarmer([members, published]);
    warmer.warm(['kent-csp']);
    expect(warmer.building()).to.equal(1);
    await warmer.idle();
    expect(warmer.building()).to.equal(0);
    const index = indexes.get('kent-csp', partnership.meetings);
    expect(members.knowledgeBase()!.meetingIndex).to.equal(index);
    expect(published.knowledgeBase()!.meetingIndex).to.equal(index);
    expect(members.answer('Who leads road safety?')?.summary).to.contain('Adams');
  });

  it('rebuilds the index of changed meetings ahead when warmed after the change, before anyone asks', async () => {
    let partnership = kent();
    let revision = 1;
    const indexes = new MeetingIndexes();
    const service = new AnswerService({ partnership: () => partnership, revision: () => revision }, undefined, indexes);
    const warmer = new KnowledgeWarmer([service]);
    warmer.warm(['kent-csp']);
    await warmer.idle();
    const [first, ...rest] = partnership.meetings;
    partnership = { ...partnership, meetings: [{ ...first!, items: [...first!.items] }, ...rest] };
    revision++;
    expect(indexes.ready('kent-csp', partnership.meetings)).to.equal(false);
    warmer.warm(['kent-csp']);
    await warmer.idle();
    expect(indexes.ready('kent-csp', partnership.meetings)).to.equal(true);
    expect(service.knowledgeBase()!.meetingIndex.holds(partnership.meetings)).to.equal(true);
  });
  it('gives up building ahead the index of meetings that a change replaced, and builds the new ones instead', async () => {
    let partnership = generateStore(1, 30).partnerships['kent-csp']!;
    let revision = 1;
    const indexes = new MeetingIndexes();
    const service = new AnswerService({ partnership: () => partnership, revision: () => revision }, undefined, indexes);
    const before = partnership.meetings;
    let pauses = 0;
    // A meeting changes while the first build is under way, between two of its slices.
    const pause = async (): Promise<void> => {
      if (pauses++ > 0) return;
      const [first, ...rest] = before;
      partnership = { ...partnership, meetings: [{ ...first!, note: 'changed' }, ...rest] };
      revision++;
    };
    await service.warm('kent-csp', pause);
    expect(pauses).to.be.greaterThan(1);
    expect(indexes.ready('kent-csp', before)).to.equal(false);
    expect(indexes.ready('kent-csp', partnership.meetings)).to.equal(true);
    expect(service.knowledgeBase()!.meetingIndex.holds(partnership.meetings)).to.equal(true);
  });

  it('lets go of the index of meetings that every service has moved on from, and only then', async () => {
    let partnership = kent();
    let revision = 1;
    const indexes = new MeetingIndexes();
    const source = { partnership: () => partnership, revision: () => revision };
    const members = new AnswerService(source, undefined, indexes);
    const published = new AnswerService(source, undefined, indexes);
    const warmer = new KnowledgeWarmer([members, published]);
    warmer.warm(['kent-csp']);
    await warmer.idle();
    const before = partnership.meetings;
    const [first, ...rest] = before;
    partnership = { ...partnership, meetings: [{ ...first!, note: 'moved' }, ...rest] };
    revision++;
    await members.warm('kent-csp');
    // The published answers still use the old index: it is kept for them.
    expect(indexes.ready('kent-csp', before)).to.equal(true);
    await published.warm('kent-csp');
    expect(indexes.ready('kent-csp', before)).to.equal(false);
    expect(indexes.ready('kent-csp', partnership.meetings)).to.equal(true);
    expect(published.knowledgeBase()!.meetingIndex).to.equal(members.knowledgeBase()!.meetingIndex);
  });
});
