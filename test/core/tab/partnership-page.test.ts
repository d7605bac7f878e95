import { expect } from 'chai';
import { partnershipPage } from '../../../src/core/tab/partnership-page.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('the tab page', () => {
  it("links the last meeting's published minutes where the records know the page, and only then", () => {
    const kent = loadDefaultStore().partnerships['kent-csp']!;
    const now = new Date('2026-11-24T10:00:00Z');
    expect(partnershipPage(kent, [], now).lastMeeting?.publishedAt).to.equal('');
    const held = partnershipPage(kent, [], now).lastMeeting?.when;
    const meeting = kent.meetings.find((m) => m.status === 'held' && m.date === '2023-03-21')!;
    kent.publishedAt = { [meeting.sources[0]!.doc]: 'https://democracy.example.gov.uk/minutes/2023-03-21' };
    const page = partnershipPage(kent, [], now);
    expect(page.lastMeeting?.when).to.equal(held);
    expect(page.lastMeeting?.publishedAt).to.equal('https://democracy.example.gov.uk/minutes/2023-03-21');
  });
});
