/**
 * Drives one Agents Playground page as its user would: picks a conversation, types a message
 * (with @mentions picked from the Playground's own suggestions), presses a card's button, then
 * waits for the bot's reply to arrive and settle. Each step checks that the reply says what it
 * should: a reply that never comes stops the walk-through; a wrong one is kept in `problems` (the
 * walk goes on, so every later screen is still seen) and fails the run at the end.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BOT_NAME } from './processes.js';

const REPLY_TIMEOUT_MS = 45_000;
/** A reply is complete once the bot's messages have not changed for this long. */
const SETTLED_MS = 1500;

/** As the Playground lists them (see personas.ts for the group chat's and the team's names). */
export type Conversation = 'Personal Chat' | 'Kent CSP officers' | 'Kent CSP - General';

export type MessagePart = string | { mention: string };
/** What a reply must show, or (`not`) must not. */
export type Expect = RegExp | { not: RegExp };

export class ChatPage {
  /** A channel shows posts with threads (newest first) rather than a chat's list of messages. */
  private inChannel = false;

  /**
   * @param problems where each step whose reply did not show what it should is added, with what
   * the bot said, prefixed by `who`.
   */
  private constructor(
    private readonly page: Page,
    private readonly screenshots: string,
    private readonly who: string,
    private readonly problems: string[],
  ) {}

  static async open(
    browser: Browser,
    url: string,
    screenshots: string,
    who: string,
    problems: string[],
  ): Promise<ChatPage> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // Offline: the page asks a CDN for fonts and animations; only the Playground itself is reached.
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
    });
    await page.goto(url);
    const chat = new ChatPage(page, screenshots, who, problems);
    // The Playground installs the bot on load, and the bot says hello.
    await chat.waitForReply('(opening the Playground)', [], /Hello!/);
    // Room for the conversation: the log panel is for developers.
    await page.getByTitle('Toggle Log Panel').click();
    return chat;
  }

  /** Opens a conversation and waits for its messages to show; the first visit installs the bot, which says hello. */
  async openConversation(name: Conversation, ...expected: Expect[]): Promise<void> {
    await this.page.getByRole('treeitem', { name }).click();
    this.inChannel = name.includes(' - ');
    // Compared with nothing: the other conversation's messages are gone from the pane.
    await this.waitForReply(`(opening ${name})`, [], ...expected);
  }

  /**
   * Types a message and sends it; the bot's new or changed messages must match every pattern in
   * `expected`. `{ mention }` parts are picked from the Playground's @ suggestions, as a person
   * would: in a group chat or a channel the bot hears only messages that @mention it.
   */
  async say(message: string | MessagePart[], ...expected: Expect[]): Promise<string> {
    const typed =
      typeof message === 'string'
        ? message
        : message.map((p) => (typeof p === 'string' ? p : `@${p.mention}`)).join('');
    return this.act(
      `typed "${typed}"`,
      async () => {
        await this.page.getByRole('textbox').first().click();
        for (const part of typeof message === 'string' ? [message] : message) {
          if (typeof part === 'string') {
            await this.page.keyboard.type(part);
          } else {
            await this.page.keyboard.type(`@${part.mention.split(' ')[0] ?? part.mention}`);
            await this.page.getByRole('menuitem').filter({ hasText: part.mention }).first().click();
          }
        }
        // A new post in a channel is sent with its Post button (Enter starts a new line).
        if (this.inChannel) await this.page.getByRole('button', { name: 'Post', exact: true }).click();
        else await this.page.keyboard.press('Enter');
      },
      expected,
    );
  }

  /** Presses the last button titled `title` on the page (in a chat, on the newest card that has one). */
  async press(title: string, ...expected: Expect[]): Promise<string> {
    const button = this.page.getByRole('button', { name: title, exact: true }).last();
    return this.act(`pressed "${title}"`, () => button.click(), expected);
  }

  /** Saves the page as it is now to `<screenshots>/<name>.png`. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.screenshots, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  private async act(what: string, doIt: () => Promise<void>, expected: Expect[]): Promise<string> {
    const before = await this.botMessages();
    await doIt();
    return this.waitForReply(what, before, ...expected);
  }

  /** The text of each of the bot's messages in the open conversation, in the order shown. */
  private botMessages(): Promise<string[]> {
    return this.page.evaluate(
      ({ bot, inChannel }) => {
        if (inChannel) {
          // A post's header and a thread reply's header both hold the author's avatar.
          return [...document.querySelectorAll(`[role="img"][aria-label="${bot}"]`)].map((avatar) => {
            const post = avatar.closest('[id^="fui-CardHeader"]') ? avatar.closest('[role="group"]') : null;
            return ((post ?? avatar.parentElement?.parentElement) as HTMLElement | null)?.innerText ?? '';
          });
        }
        const headers = [...document.querySelectorAll('[aria-label="Message header"]')];
        return headers
          .filter((h) => h.querySelector('[aria-label="Message author"]')?.textContent?.trim() === bot)
          .map((h) => (h.parentElement as HTMLElement | null)?.innerText ?? '');
      },
      { bot: BOT_NAME, inChannel: this.inChannel },
    );
  }

  /** Waits for the bot's messages to change and settle, and checks the new and changed ones. */
  private async waitForReply(what: string, before: string[], ...expected: Expect[]): Promise<string> {
    const started = Date.now();
    let last = before;
    let changedAt = 0;
    for (;;) {
      await this.page.waitForTimeout(250);
      const now = await this.botMessages();
      if (now.join('\u0000') !== last.join('\u0000')) {
        last = now;
        changedAt = Date.now();
      } else if (changedAt > 0 && Date.now() - changedAt >= SETTLED_MS) {
        break;
      }
      if (Date.now() - started > REPLY_TIMEOUT_MS) {
        throw new Error(`${what}: no reply from the bot within ${REPLY_TIMEOUT_MS / 1000} s`);
      }
    }
    // By content, not place: a channel shows its newest post first.
    const reply = last.filter((text) => !before.includes(text)).join('\n---\n');
    const wrong = expected.filter((e) => (e instanceof RegExp ? !e.test(reply) : e.not.test(reply)));
    if (wrong.length > 0) {
      const shows = wrong.map((e) => (e instanceof RegExp ? `does not show ${e}` : `shows ${e.not}`)).join(' and ');
      this.problems.push(`${this.who} ${what}: the reply ${shows}. The bot said:\n${reply.replace(/^/gm, '    ')}`);
    }
    return reply;
  }
}
