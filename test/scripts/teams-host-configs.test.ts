import { expect } from 'chai';
import type { Action, Agenda } from '../../src/core/model/model.js';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { renderActionFormCard } from '../../src/views/action-form-card.js';
import { renderActionsCard } from '../../src/views/actions-card.js';
import { renderAgendaCard } from '../../src/views/agenda-card.js';
import { renderAgendaFormCard } from '../../src/views/agenda-form-card.js';
import { renderLeadFormCard } from '../../src/views/lead-form-card.js';
import { contrastRatio, TEAMS_LIGHT } from '../../scripts/teams-host-configs.js';

const now = '2026-11-24T10:00:00.000Z';
const agenda: Agenda = {
  id: 'a1',
  title: 'Partnership meeting',
  startsAt: '2027-03-16T10:00:00.000Z',
  venue: 'Maidstone',
  onlineLink: 'https://teams.microsoft.com/l/meetup-join/x',
  items: [{ code: 'B1', title: 'Refresh', presenter: 'Ms S Brinson', paperUrl: 'https://example.org/b1.pdf' }],
  status: 'circulated',
  version: 2,
  createdBy: 'Harry Hill',
  updatedAt: now,
  posts: [{ conversationId: 'c', activityId: 'x', version: 1, postedAt: now }],
  responses: [{ userId: 'u1', name: 'Ann', answer: 'attending', at: now }],
};
const action: Action = {
  id: 'kent-csp#1',
  partnershipId: 'kent-csp',
  number: 1,
  owner: { name: 'Shafick Peerbux' },
  description: 'circulate the CSA',
  due: '2026-11-20',
  status: 'open',
  createdBy: { id: 'u', name: 'Sam' },
  createdAt: now,
  history: [],
};

/** Every text colour a card asks for, with whether it is subtle. */
function textColours(
  node: unknown,
  found: { color: string; subtle: boolean }[] = [],
): { color: string; subtle: boolean }[] {
  if (Array.isArray(node)) node.forEach((n) => textColours(n, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' || element.type === 'TextRun')
      found.push({ color: String(element.color ?? 'Default').toLowerCase(), subtle: element.isSubtle === true });
    Object.values(element).forEach((v) => textColours(v, found));
  }
  return found;
}

describe("card colours in Teams' light theme", () => {
  const kent = loadDefaultStore().partnerships['kent-csp']!;
  const cards = {
    'agenda (updated, answered)': renderAgendaCard(
      agenda,
      { userId: 'u1', organiser: true, expected: [{ userId: 'u2', name: 'Bob' }] },
      'Saved.',
    ),
    'agenda (cancelled)': renderAgendaCard({ ...agenda, status: 'cancelled' }),
    'actions (confirmed)': renderActionsCard(
      { title: 'Open actions', summary: '1 action, 1 overdue:', view: 'open actions', actions: [action] },
      '2026-11-24',
      'Action 1 saved.',
      false,
    ),
    'actions (problem)': renderActionsCard(
      { title: 'Open actions', summary: '1 action:', view: 'open actions', actions: [action] },
      '2026-11-24',
      'No such action.',
      true,
    ),
    'agenda form (saved)': renderAgendaFormCard(agenda, 'Partnership meeting', 'Agenda saved.', false),
    'lead form (saved)': renderLeadFormCard(kent, 'Lead saved.', {}, false),
    'action form (problem)': renderActionFormCard(kent, 'Say who owns it.'),
  };

  for (const [name, card] of Object.entries(cards)) {
    it(`${name}: every text colour reaches 4.5:1 on the card background`, () => {
      const colours = textColours(card);
      expect(colours.length).to.be.greaterThan(0);
      for (const { color, subtle } of colours) {
        const palette = TEAMS_LIGHT.colours[color as keyof typeof TEAMS_LIGHT.colours];
        expect(palette, color).to.not.equal(undefined);
        const ratio = contrastRatio(subtle ? palette.subtle : palette.default, TEAMS_LIGHT.background);
        expect(ratio, `${color}${subtle ? ' (subtle)' : ''}`).to.be.at.least(4.5);
      }
    });
  }

  it('measures the palette as the issue reported: green and yellow text fail on white', () => {
    expect(contrastRatio(TEAMS_LIGHT.colours.good.default, '#FFFFFF')).to.be.below(3);
    expect(contrastRatio(TEAMS_LIGHT.colours.warning.default, '#FFFFFF')).to.be.below(3);
    expect(contrastRatio('#000000', '#FFFFFF')).to.be.closeTo(21, 0.01);
  });
});
