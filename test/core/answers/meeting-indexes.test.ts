import { expect } from 'chai';
import { generateStore } from '../../../bench/generate-store.js';
import { AnswerService } from '../../../src/core/answers/answer-service.js';
import { KnowledgeWarmer } from '../../../src/core/answers/knowledge-warmer.js';
import { MeetingIndex } from '../../../src/core/answers/meeting-index.js';
import { MeetingIndexes } from '../../../src/core/answers/meeting-indexes.js';
import type { Meeting, Partnership } from '../../../src/core/model/model.js';
import { publishedRecords } from '../../../src/core/partnerships/membership.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

/** A meeting only Teams knows (attendance confirmed on an agenda card): members see it, the public does not. */
function teamsOnlyMeeting(present: string[]): Meeting {
  return {
    id: 'kcsp-2026-01-10',
    body: 'KCSP',
    date: '2026-01-10',
    status: 'held',
    present,
    apologies: [],
    items: [],
    sources: [{ doc: 'agenda a1', ref: 'attendance confirmed in Teams' }],
  } as unknown as Meeting;
}

/** The members' and the published answer services over one changing partnership, as the app wires them. */
function twoServices(start: Partnership) {
  const state = { partnership: start, revision: 1 };
  const indexes = new MeetingIndexes();
  const members = new AnswerService(
    { partnership: () => state.partnership, revision: () => state.revision },
    undefined,
    indexes,
  );
  let published: { revision: number; records: Partnership } | undefined;
  const publishedAnswers = new AnswerService(
    {
      partnership: () => {
        if (published?.revision !== state.revision)
          published = { revision: state.revision, records: publishedRecords(state.partnership) };
        return published.records;
      },
      revision: () => state.revision,
    },
    undefined,
    indexes,
  );
  const change = (next: Partnership) => {
    state.partnership = next;
    state.revision++;
  };
  return { state, indexes, members, publishedAnswers, change };
}

/** Counts the meeting-index builds started while `run` runs, by how many meetings each indexes. */
async function countBuilds(run: () => Promise<void>): Promise<number[]> {
  const original = MeetingIndex.build.bind(MeetingIndex);
  const builds: number[] = [];
  MeetingIndex.build = (meetings) => {
    builds.push(meetings.length);
    return original(meetings);
  };
  try {
    await run();
  } finally {
    MeetingIndex.build = original;
  }
  return builds;
}

describe('MeetingIndexes', () => {
  it('drops a build that failed, so that the next question builds afresh (once the meetings are mended)', () => {
    const kent = loadDefaultStore().partnerships['kent-csp']!;
    const meeting = kent.meetings[0]!;
    // Two items with one id (a hand-edited or restored file): the full-text index refuses them.
    const twice = { ...meeting, items: [meeting.items[0]!, { ...meeting.items[0]!, title: 'again' }] };
    let partnership = { ...kent, meetings: [twice, ...kent.meetings.slice(1)] };
    let revision = 1;
    const service = new AnswerService({ partnership: () => partnership, revision: () => revision });
    expect(() => service.answer('Who leads road safety?')).to.throw(/duplicate ID/);
    expect(() => service.answer('Who leads road safety?')).to.throw(/duplicate ID/);
    partnership = { ...partnership, meetings: [meeting, ...kent.meetings.slice(1)] };
    revision++;
    expect(service.answer('Who leads road safety?')?.summary).to.contain('Adams');
  });

  it("does not give up a build the published answers still need when only members' meetings changed", async () => {
    const { state, members, publishedAnswers, change } = twoServices(generateStore(1, 60).partnerships['kent-csp']!);
    let pauses = 0;
    let changeAt = -1;
    const pause = async (): Promise<void> => {
      if (++pauses !== changeAt) return;
      // Mid-build, attendance is confirmed in Teams for a meeting without minutes: the members'
      // meetings change again, the published ones do not.
      change({ ...state.partnership, meetings: [...state.partnership.meetings, teamsOnlyMeeting(['x'])] });
    };
    const warmer = new KnowledgeWarmer([members, publishedAnswers], undefined, pause);
    warmer.warm(['kent-csp']);
    await warmer.idle();
    // A minuted meeting is corrected: both services now show these meetings.
    const [first, ...rest] = state.partnership.meetings;
    change({ ...state.partnership, meetings: [{ ...first!, note: 'corrected' }, ...rest] });
    const corrected = state.partnership.meetings;
    changeAt = pauses + 3;
    const builds = await countBuilds(async () => {
      warmer.warm(['kent-csp']);
      await warmer.idle();
    });
    expect(pauses).to.be.greaterThan(changeAt);
    // The index of the corrected meetings, once (the published answers'), and the members' with the Teams meeting.
    expect(builds.filter((n) => n === corrected.length)).to.have.length(1);
    expect(publishedAnswers.knowledgeBase()!.meetingIndex.holds(corrected)).to.equal(true);
    expect(members.knowledgeBase()!.meetingIndex.holds(state.partnership.meetings)).to.equal(true);
  });

  it("keeps the published answers' index while members' meetings alone keep changing", async () => {
    const start = generateStore(1, 40).partnerships['kent-csp']!;
    const { state, indexes, members, publishedAnswers, change } = twoServices({
      ...start,
      meetings: [...start.meetings, teamsOnlyMeeting([])],
    });
    const warmer = new KnowledgeWarmer([members, publishedAnswers]);
    warmer.warm(['kent-csp']);
    await warmer.idle();
    const publishedIndex = publishedAnswers.knowledgeBase()!.meetingIndex;
    const builds = await countBuilds(async () => {
      for (let i = 0; i < 4; i++) {
        // Attendance corrected in Teams: a new members' index each time, the published one unchanged.
        const meetings = state.partnership.meetings;
        change({ ...state.partnership, meetings: [...meetings.slice(0, -1), teamsOnlyMeeting([`person-${i}`])] });
        warmer.warm(['kent-csp']);
        await warmer.idle();
      }
    });
    expect(builds).to.deep.equal([41, 41, 41, 41]);
    expect(publishedAnswers.knowledgeBase()!.meetingIndex).to.equal(publishedIndex);
    expect(indexes.ready('kent-csp', publishedRecords(state.partnership).meetings)).to.equal(true);
  });
});
