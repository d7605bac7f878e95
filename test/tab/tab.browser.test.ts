import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'build/screenshots');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const OFFICER = { userId: '29:1officer-sam', userName: 'Sam Officer' };

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('Partnership tab in a real browser', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN });
    await grantRole(bot, ADMIN, OFFICER, 'officer');
    for (const line of [
      'action: Shafick Peerbux to circulate the refreshed CSA by 30 November for domestic abuse',
      'action: Martin Adams to report the KSI figures by 15 January for road safety',
      'action: Jessica Mookherjee to share the drug strategy consultation by 20 February',
    ]) {
      await bot.send(personalMessage(line, OFFICER));
    }
    bot.setNow(new Date('2026-12-05T10:00:00Z'));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${bot.app.url}/tab`);
    await page.waitForSelector('#actions-heading');
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('shows the priorities with their leads, the resolutions and the action tracker, with no console errors', async () => {
    const text = await page.locator('main').innerText();
    expect(text).to.contain('Kent Community Safety Partnership');
    expect(text).to.contain('Road Safety').and.contain('Martin Adams, Kent Fire and Rescue');
    expect(text).to.contain('Violence Against Women and Girls\nNo lead recorded');
    expect(text).to.contain('Resolutions of Tuesday 21 March 2023');
    // Sources as chat cites them, never a file name.
    expect(text).to.contain('Source: Community Safety Agreement report, section 2.3');
    expect(text).to.match(/Source: Minutes of Tuesday 21 March 2023, item [A-D]\d/);
    expect(text).to.not.match(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(text).to.contain('Local mode');
    expect(await page.locator('tbody tr').count()).to.equal(3);
    expect(problems).to.deep.equal([]);
  });

  it('filters the tracker by owner, priority, status and overdue', async () => {
    await page.selectOption('#filter-owner', 'Martin Adams');
    expect(await page.locator('tbody tr').count()).to.equal(1);
    await page.selectOption('#filter-owner', '');
    await page.selectOption('#filter-priority', 'domestic-abuse');
    expect(await page.locator('tbody tr').innerText()).to.contain('circulate the refreshed CSA');
    await page.selectOption('#filter-priority', '');
    await page.selectOption('#filter-status', 'done');
    expect(await page.locator('tbody tr').count()).to.equal(0);
    await page.selectOption('#filter-status', '');
    await page.check('#filter-overdue');
    expect(await page.locator('tbody tr').innerText())
      .to.contain('(overdue)')
      .and.contain('Shafick Peerbux');
    await page.uncheck('#filter-overdue');
    expect(await page.locator('#action-count').innerText()).to.equal('3 of 3 actions shown');
    expect(await page.getAttribute('#export-link', 'href')).to.contain('/exports/actions.csv?');
  });

  it('reaches every filter with the keyboard, and Space toggles the overdue filter', async () => {
    await page.focus('body');
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(reached).to.include.members([
      'filter-owner',
      'filter-priority',
      'filter-status',
      'filter-overdue',
      'export-link',
    ]);
    await page.focus('#filter-overdue');
    await page.keyboard.press('Space');
    expect(await page.locator('tbody tr').count()).to.equal(1);
    await page.keyboard.press('Space');
  });

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`meets WCAG 2 A/AA checks (labels, contrast) in the ${theme} theme`, async () => {
      await page.evaluate((t) => (document.body.dataset.theme = t), theme);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      await page.screenshot({ path: path.join(SHOTS, `tab-${theme}.png`), fullPage: true });
      expect(violations).to.deep.equal([]);
    });
  }
});
