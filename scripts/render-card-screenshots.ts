/**
 * Renders the main cards (an answer, the agenda, the action tracker) with the Adaptive Cards
 * JavaScript renderer 3.x (which draws Action.Execute buttons) in Chromium, with Teams-like light
 * and dark host configs, for the README: `npm run screenshots`. The cards come from the real
 * templates and answers; Teams draws them in its own style, close to this.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { answerQuestion } from '../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../src/core/answers/knowledge-base.js';
import type { Action, Agenda } from '../src/core/model/model.js';
import { loadDefaultStore } from '../src/store/default-store.js';
import { renderAgendaCard } from '../src/views/agenda-card.js';
import { renderActionsCard } from '../src/views/actions-card.js';
import { renderAnswerCard } from '../src/views/answer-card.js';
import { hostConfig, TEAMS_DARK, TEAMS_LIGHT, type TeamsTheme } from './teams-host-configs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const now = new Date('2026-11-24T10:00:00Z');
const kb = new KnowledgeBase(loadDefaultStore().partnerships['kent-csp']!);
const agenda: Agenda = {
  id: 'agenda-demo',
  title: 'Kent Community Safety Partnership meeting',
  startsAt: '2027-03-16T10:00:00.000Z',
  venue: 'Online',
  onlineLink: 'https://teams.microsoft.com/l/meetup-join/example',
  items: [
    { code: 'B1', title: 'Community Safety Agreement refresh 2027/28', presenter: 'Ms S Brinson' },
    { code: 'B2', title: 'Working Group update', presenter: 'Shafick Peerbux' },
    { code: 'B3', title: 'MARAC review: one year on', presenter: 'Ms A Agyepong' },
  ],
  status: 'circulated',
  version: 1,
  createdBy: 'Harry Hill',
  updatedAt: now.toISOString(),
  posts: [],
  responses: [
    { userId: '29:a', name: 'Ann', answer: 'attending', at: now.toISOString() },
    { userId: '29:b', name: 'Bob', answer: 'apologies', note: 'On leave', at: now.toISOString() },
  ],
};
const action = (
  number: number,
  owner: string,
  description: string,
  due: string,
  status: Action['status'] = 'open',
): Action => ({
  id: `kent-csp#${number}`,
  partnershipId: 'kent-csp',
  number,
  owner: { name: owner },
  description,
  due,
  status,
  createdBy: { id: 'u', name: 'Sam' },
  createdAt: now.toISOString(),
  history: [],
});
const cards = {
  'card-answer': renderAnswerCard(answerQuestion(kb, 'Who leads road safety?', now)),
  'card-resolutions': renderAnswerCard(answerQuestion(kb, 'What are the recent resolutions?', now)),
  'card-agenda': renderAgendaCard(agenda, { userId: '29:b', organiser: false, expected: [] }),
  'card-actions': renderActionsCard(
    {
      title: 'Open actions',
      summary: '3 actions, 1 overdue:',
      view: 'open actions',
      actions: [
        action(1, 'Shafick Peerbux', 'circulate the refreshed CSA', '2026-11-20'),
        action(2, 'Martin Adams', 'report the KSI figures', '2027-01-15', 'in progress'),
        action(3, 'Jessica Mookherjee', 'share the drug strategy consultation', '2027-02-20'),
      ],
    },
    '2026-11-24',
  ),
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 1 });
await page.addScriptTag({
  content: readFileSync(path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js'), 'utf8'),
});
// Buttons drawn roughly as Teams does (the renderer leaves their look to the host).
const BUTTONS = (theme: TeamsTheme) =>
  `.ac-pushButton{font:600 14px 'Segoe UI',sans-serif;padding:4px 12px;border-radius:4px;cursor:pointer;border:1px solid ${theme.name === 'light' ? '#D1D1D1' : '#5C5C5C'};background:${theme.background};color:${theme.colours.default.default}}.ac-pushButton.style-positive{background:#5B5FC7;border-color:#5B5FC7;color:#fff}`;
for (const theme of [TEAMS_LIGHT, TEAMS_DARK]) {
  // Teams' chat background around the card, the card on its own background as the host config says.
  await page.evaluate(
    ({ chat, card, css }) => {
      document.body.style.cssText = `margin:0;padding:12px;background:${chat};font-family:'Segoe UI',sans-serif`;
      document.body.innerHTML = `<style>${css}</style><div id="card" style="background:${card};border-radius:6px;width:600px;overflow:hidden"></div>`;
    },
    { chat: theme.name === 'light' ? '#F5F5F5' : '#1F1F1F', card: theme.background, css: BUTTONS(theme) },
  );
  for (const [name, card] of Object.entries(cards)) {
    const problems = await page.evaluate(
      ({ json, config }) => {
        const AC = (
          window as unknown as {
            AdaptiveCards: {
              AdaptiveCard: new () => {
                hostConfig: unknown;
                parse(j: unknown, c?: unknown): void;
                render(): HTMLElement | undefined;
              };
              HostConfig: new (c: unknown) => unknown;
              SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
            };
          }
        ).AdaptiveCards;
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(config);
        const context = new AC.SerializationContext();
        adaptive.parse(json, context);
        document.getElementById('card')!.replaceChildren(adaptive.render() ?? document.createTextNode('not rendered'));
        return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
      },
      { json: card, config: hostConfig(theme) },
    );
    // The 3.x renderer knows Action.Execute; anything it drops would be reported here.
    if (problems.length > 0) console.warn(`${name} (${theme.name}): ${problems.join('; ')}`);
    await page.locator('#card').screenshot({ path: path.join(ROOT, 'docs/screenshots', `${name}-${theme.name}.png`) });
  }
}
await browser.close();
console.log(`wrote ${Object.keys(cards).length * 2} card screenshots (Teams light and dark) to docs/screenshots`);
