/**
 * The Partnership tab: priorities and leads, the next meeting and its agenda, the last meeting's
 * resolutions, and the action tracker with filters and the CSV export. Inside Teams it follows
 * the Teams theme and asks for an SSO token for the API; opened in a plain browser it works too
 * (the API then says whether it is open, in local mode).
 */
import type { TabData } from '../core/tab/page-types.js';

/** The Teams side (teams.ts), bundled apart and imported only inside Teams. */
interface TeamsSide {
  joinTeams(setTheme: (theme: string | undefined) => void): Promise<boolean>;
  ssoToken(): Promise<string>;
  tabWhere(): { channel?: string; team?: string };
}
const TEAMS_SIDE = '/tab/teams.js';
let teamsSide: TeamsSide | undefined;

type Page = TabData;

const root = document.getElementById('app') as HTMLElement;

/** Text is always set as text, never as HTML: nothing from the data can become markup. */
function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function setTheme(theme: string | undefined): void {
  document.body.dataset.theme = theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'default';
}

async function inTeams(): Promise<boolean> {
  if (window.parent === window) return false;
  try {
    teamsSide = (await import(TEAMS_SIDE)) as TeamsSide;
    return await teamsSide.joinTeams(setTheme);
  } catch {
    return false;
  }
}

async function load(teams: boolean): Promise<Page> {
  const headers: Record<string, string> = {};
  if (teams && teamsSide) headers.authorization = `Bearer ${await teamsSide.ssoToken()}`;
  const query = new URLSearchParams(teams && teamsSide ? teamsSide.tabWhere() : {});
  const response = await fetch(`/api/tab/partnership${query.size > 0 ? `?${query.toString()}` : ''}`, { headers });
  if (!response.ok) throw new Error(`The partnership could not be loaded (${response.status}).`);
  return (await response.json()) as Page;
}

function options(select: HTMLSelectElement, values: [string, string][]): void {
  for (const [value, label] of values) select.append(el('option', { value }, label));
}

function tracker(page: Page): HTMLElement {
  const owner = el('select', { id: 'filter-owner' }) as HTMLSelectElement;
  const priority = el('select', { id: 'filter-priority' }) as HTMLSelectElement;
  const status = el('select', { id: 'filter-status' }) as HTMLSelectElement;
  const overdue = el('input', { id: 'filter-overdue', type: 'checkbox' }) as HTMLInputElement;
  options(owner, [
    ['', 'Everyone'],
    ...[...new Set(page.actions.map((a) => a.owner))].sort().map((o): [string, string] => [o, o]),
  ]);
  options(priority, [['', 'All priorities'], ...Object.entries(page.priorityNames)]);
  options(status, [
    ['', 'Any status'],
    ['open', 'Open'],
    ['in progress', 'In progress'],
    ['done', 'Done'],
    ['dropped', 'Dropped'],
  ]);
  const body = el('tbody');
  const count = el('p', { class: 'note', id: 'action-count' });
  const render = (): void => {
    const rows = page.actions.filter(
      (a) =>
        (!owner.value || a.owner === owner.value) &&
        (!priority.value || a.priority === priority.value) &&
        (!status.value || a.status === status.value) &&
        (!overdue.checked || a.overdue),
    );
    body.replaceChildren(
      ...rows.map((a) =>
        el(
          'tr',
          {},
          el('td', {}, `#${a.number}`),
          el('td', {}, a.owner),
          el('td', {}, a.description),
          el('td', a.overdue ? { class: 'overdue' } : {}, a.overdue ? `${a.dueLabel} (overdue)` : a.dueLabel),
          el('td', {}, a.status),
        ),
      ),
    );
    count.textContent = `${rows.length} of ${page.actions.length} actions shown`;
  };
  for (const control of [owner, priority, status, overdue]) control.addEventListener('change', render);
  render();
  return el(
    'section',
    { 'aria-labelledby': 'actions-heading' },
    el('h2', { id: 'actions-heading' }, 'Action tracker'),
    el(
      'div',
      { class: 'filters' },
      el('label', { for: 'filter-owner' }, 'Owner', owner),
      el('label', { for: 'filter-priority' }, 'Priority', priority),
      el('label', { for: 'filter-status' }, 'Status', status),
      el('label', { for: 'filter-overdue', class: 'check' }, overdue, 'Overdue only'),
      el('a', { href: page.exportUrl, id: 'export-link' }, 'Download CSV'),
    ),
    count,
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el('tr', {}, ...['No.', 'Owner', 'Action', 'Due', 'Status'].map((h) => el('th', { scope: 'col' }, h))),
      ),
      body,
    ),
  );
}

function render(page: Page): void {
  const meeting = page.nextMeeting;
  root.replaceChildren(
    el('h1', {}, page.name),
    el(
      'p',
      { class: 'muted' },
      `Priorities ${page.year}${page.themes.length ? ` · cross-cutting theme: ${page.themes.join('; ')}` : ''}`,
    ),
    ...(page.localMode
      ? [
          el(
            'p',
            { class: 'note', role: 'note' },
            'Local mode: this page and its data are open to anyone who can reach the server.',
          ),
        ]
      : []),
    el(
      'section',
      { 'aria-labelledby': 'priorities-heading' },
      el('h2', { id: 'priorities-heading' }, 'Priorities and leads'),
      ...(page.prioritiesSource ? [el('p', { class: 'note source' }, page.prioritiesSource)] : []),
      el(
        'div',
        { class: 'grid' },
        ...page.priorities.map((p) =>
          el(
            'div',
            { class: 'card' },
            el('strong', {}, p.name),
            p.leads.length ? p.leads.join('; ') : 'No lead recorded',
            ...(p.basis ? [el('div', { class: 'note' }, `Basis: ${p.basis}`)] : []),
            ...(p.source ? [el('div', { class: 'note source' }, p.source)] : []),
          ),
        ),
      ),
    ),
    el(
      'section',
      { 'aria-labelledby': 'meeting-heading' },
      el('h2', { id: 'meeting-heading' }, 'Next meeting'),
      meeting
        ? el(
            'div',
            {},
            el(
              'p',
              {},
              el('strong', {}, meeting.title),
              `${meeting.when}${meeting.where ? `, ${meeting.where}` : ''}${meeting.status === 'cancelled' ? ' (cancelled)' : ''}`,
            ),
            el(
              'ol',
              {},
              ...meeting.items.map((i) =>
                el('li', {}, `${i.code} ${i.title}${i.presenter ? ` (${i.presenter})` : ''}`),
              ),
            ),
          )
        : el('p', { class: 'muted' }, 'No agenda has been circulated for a coming meeting.'),
    ),
    el(
      'section',
      { 'aria-labelledby': 'resolutions-heading' },
      el(
        'h2',
        { id: 'resolutions-heading' },
        page.lastMeeting ? `Resolutions of ${page.lastMeeting.when}` : 'Recent resolutions',
      ),
      ...(page.lastMeeting?.publishedAt
        ? [
            el(
              'p',
              { class: 'note' },
              el(
                'a',
                { href: page.lastMeeting.publishedAt, target: '_blank', rel: 'noopener' },
                'The published minutes',
              ),
            ),
          ]
        : []),
      el(
        'ul',
        {},
        ...(page.lastMeeting?.resolutions ?? []).map((r) =>
          el(
            'li',
            {},
            el('strong', {}, `${r.item}: `),
            r.text,
            ...(r.source ? [el('div', { class: 'note source' }, r.source)] : []),
          ),
        ),
      ),
    ),
    page.membersOnly ? el('p', { class: 'note', role: 'note' }, page.membersOnly) : tracker(page),
  );
}

async function main(): Promise<void> {
  const teams = await inTeams();
  try {
    render(await load(teams));
  } catch (error) {
    root.replaceChildren(
      el('p', { role: 'alert' }, error instanceof Error ? error.message : 'The partnership could not be loaded.'),
    );
  }
}

void main();
