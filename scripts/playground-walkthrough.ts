/**
 * A user walk-through in the Microsoft 365 Agents Playground: `npm run walkthrough` (`-- --docs`
 * also copies the screenshots to docs/walkthrough/).
 *
 * Starts the bot in local mode on a fresh copy of the default store (Kent CSP) in a temp folder,
 * then one Playground per person, since a Playground always writes as its configured user: the
 * admin (BOT_ADMINS) makes Alex chair and Megan a member; Alex asks about leads, resolutions and
 * the next meeting, links the team's channel, builds and circulates an agenda and answers it on
 * the card; Megan asks for a new agenda, is told who can build one, and asks when the meeting is;
 * Alex asks who has not answered, logs an action, lists his actions, marks it done and says undo.
 * Each step checks the bot's reply (a wrong one fails the run at the end, listing what the bot
 * said) and saves build/screenshots/NN-step.png; the bot's log is build/walkthrough-bot.log.
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH): nothing is downloaded.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ChatPage } from './walkthrough/chat-page.js';
import { ADMIN, CHAIR, MEMBER, type Persona } from './walkthrough/personas.js';
import { BOT_NAME, startBot, startPlayground } from './walkthrough/processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOTS = path.join(ROOT, 'build', 'screenshots');
const DOCS = path.join(ROOT, 'docs', 'walkthrough');

/** A Tuesday about three months ahead, in en-GB words ("16 March 2027"), so the meeting is always to come. */
function meetingDate(now = new Date()): string {
  const day = new Date(now.getTime() + 90 * 24 * 3600 * 1000);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

interface Walk {
  browser: Browser;
  dir: string;
  botUrl: string;
  step: number;
  /** Steps whose reply did not show what it should (see ChatPage). */
  problems: string[];
}

/** Runs `steps` in a Playground writing as `persona`, then stops that Playground. */
async function asPersona(walk: Walk, persona: Persona, steps: (chat: Step) => Promise<void>): Promise<void> {
  const playground = await startPlayground(ROOT, walk.dir, persona, walk.botUrl);
  try {
    const chat = await ChatPage.open(walk.browser, playground.url, SCREENSHOTS, persona.name, walk.problems);
    try {
      await steps(new Step(walk, chat, persona));
    } catch (error) {
      await chat.screenshot('failed');
      throw error;
    } finally {
      await chat.close();
    }
  } finally {
    await playground.stop();
  }
}

/** One person's chat, numbering and saving a screenshot after each step. */
class Step {
  constructor(
    private readonly walk: Walk,
    readonly chat: ChatPage,
    private readonly persona: Persona,
  ) {}

  async shot(name: string): Promise<void> {
    this.walk.step += 1;
    const file = await this.chat.screenshot(`${String(this.walk.step).padStart(2, '0')}-${name}`);
    console.log(`  ${this.persona.name}: ${path.relative(ROOT, file)}`);
  }
}

const bot = { mention: BOT_NAME };

async function adminGrantsRoles(s: Step): Promise<void> {
  await s.chat.openConversation('Kent CSP officers', /Hello!/);
  await s.chat.say([bot, ' make ', { mention: CHAIR.name }, ' chair'], /Alex Wilber is now chair/);
  await s.chat.say([bot, ' make ', { mention: MEMBER.name }, ' member'], /Megan Bowen is now member/);
  await s.shot('admin-grants-roles');
}

async function chairAsksAboutRecords(s: Step): Promise<void> {
  await s.chat.say('who leads road safety?', /Road Safety is led by/, /Source/);
  await s.shot('who-leads-road-safety');
  await s.chat.say('what did we resolve about MARAC?', /MARAC/, /RESOLVED/);
  await s.shot('what-did-we-resolve-about-marac');
  await s.chat.say('when is the next meeting?', /No meeting after today is recorded/);
  await s.shot('when-is-the-next-meeting');
}

async function chairBuildsAgenda(s: Step, date: string): Promise<void> {
  await s.chat.openConversation('Kent CSP - General', /Hello!/);
  await s.chat.say([bot, ' link this channel'], /now linked to the Kent Community Safety Partnership/);
  await s.shot('chair-links-the-channel');
  await s.chat.openConversation('Personal Chat');
  await s.chat.say(`agenda ${date} 10:00 online`, new RegExp(date));
  await s.chat.say('item B1 Community Safety Agreement refresh - Ms S Brinson', /Community Safety Agreement refresh/);
  await s.chat.say(
    'item B2 Road safety update - Martin Adams',
    /B1 Community Safety Agreement refresh/,
    /B2 Road safety update/,
  );
  await s.shot('agenda-built');
  await s.chat.say('circulate', /posted to 1 channel/i);
  await s.shot('agenda-circulated');
  await s.chat.openConversation('Kent CSP - General', /Road safety update/);
  // The counts on the posted card; the personal view ("Your answer") may be replaced by the card's in-place update.
  await s.chat.press('Attending', /Attending 1 · Apologies 0/, { not: /Not answered yet[^\n]*Alex Wilber/ });
  await s.shot('chair-answers-attending');
}

async function memberIsToldWhoBuildsAgendas(s: Step, date: string): Promise<void> {
  await s.chat.say('new agenda', /only the chair or the secretariat/);
  await s.shot('member-told-who-builds-agendas');
  await s.chat.say('when is the next meeting?', new RegExp(`next meeting is \\w+ ${date}`));
  await s.shot('member-sees-the-next-meeting');
}

async function chairChasesAnswersAndActions(s: Step): Promise<void> {
  // Alex answered on the card; Megan has not.
  await s.chat.say("who hasn't answered?", /Megan Bowen/, { not: /Alex Wilber/ });
  await s.shot('who-has-not-answered');
  await s.chat.say(
    'action: I will circulate the road safety plan by the end of next month',
    /Action 1 logged: Alex Wilber/,
  );
  await s.shot('action-logged');
  await s.chat.say('my actions', /#1 Alex Wilber: circulate the road safety plan/);
  await s.shot('my-actions');
  await s.chat.press('Done', /Action 1 is now done/, /Reopen/);
  await s.shot('action-marked-done');
  await s.chat.say('undo', /action 1/i, { not: /Agenda/ });
  await s.shot('undo');
}

async function main(): Promise<void> {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'csp-walkthrough-'));
  const botServer = await startBot(ROOT, dir, [ADMIN], path.join(ROOT, 'build', 'walkthrough-bot.log'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const walk: Walk = { browser, dir, botUrl: botServer.url, step: 0, problems: [] };
  const date = meetingDate();
  try {
    await asPersona(walk, ADMIN, adminGrantsRoles);
    await asPersona(walk, CHAIR, async (s) => {
      await chairAsksAboutRecords(s);
      await chairBuildsAgenda(s, date);
    });
    await asPersona(walk, MEMBER, (s) => memberIsToldWhoBuildsAgendas(s, date));
    await asPersona(walk, CHAIR, chairChasesAnswersAndActions);
  } finally {
    await browser.close();
    await botServer.stop();
    if (!process.env.WALKTHROUGH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
  const shots = readdirSync(SCREENSHOTS).length;
  if (walk.problems.length > 0) {
    throw new Error(
      `${walk.problems.length} step(s) did not show what they should (${shots} screenshots in ${SCREENSHOTS}):\n\n${walk.problems.join('\n\n')}`,
    );
  }
  console.log(`Walk-through passed: ${shots} screenshots in ${SCREENSHOTS}`);
}

/** `--docs`: the screenshots also replace those in docs/walkthrough/ (kept in the repository for the README). */
function copyToDocs(): void {
  rmSync(DOCS, { recursive: true, force: true });
  mkdirSync(DOCS, { recursive: true });
  for (const file of readdirSync(SCREENSHOTS).filter((f) => /^\d{2}-.+\.png$/.test(f))) {
    copyFileSync(path.join(SCREENSHOTS, file), path.join(DOCS, file));
  }
  console.log(`Copied to ${path.relative(ROOT, DOCS)}/`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  // Copied whether or not every step passed: the screens show what a member sees today.
  .finally(() => {
    if (process.argv.includes('--docs') && readdirSync(SCREENSHOTS).length > 0) copyToDocs();
  });
