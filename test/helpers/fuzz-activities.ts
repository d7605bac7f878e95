/**
 * Generated hostile input for the fuzz test: Teams-shaped activities (messages in every scope, card
 * submits, Universal Action invokes, unknown invokes and activity types) whose every user-supplied
 * field carries random or malicious text: template expressions, markdown and HTML links, Unicode
 * edge cases, control characters, huge strings, wrong types and extra fields. Seeded, so a failing
 * case can be replayed. None of it is a valid change (no known owner, no real agenda, no role), so
 * the store must come out byte for byte as it went in.
 */
import { seededRandom } from './seeded-random.js';
import {
  channelMessage,
  groupChatMessage,
  invokeAction,
  personalMessage,
  type InboundActivity,
  type TeamsActivityOptions,
} from './teams-activities.js';

/** Expands to this word only if a template engine evaluated it; its own text never contains it. */
export const EXPANSION_MARK = 'EXPANDED';
/** The host of every link the fuzzer writes: any link to it in a card must have come from the input. */
export const EVIL_HOST = 'evil.example';

const INJECTIONS = [
  "${concat('EXP','ANDED')}",
  "${if(true,concat('EXP','ANDED'),'x')}",
  '${$root.title}',
  '${user.name}',
  '{{concat("EXP","ANDED")}}',
  `[click here](https://${EVIL_HOST}/phish)`,
  `<a href="https://${EVIL_HOST}/a">link</a>`,
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  `**bold** _it_ ~~s~~ \`code\` # heading\n- list\n> quote [x](javascript:alert(1))`,
  `![img](https://${EVIL_HOST}/pixel.png)`,
  '"; DROP TABLE actions; --',
  '../../etc/passwd',
  '%s%s%s%n',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏴‍☠️',
  '\uD800 lone surrogate \uDFFF',
  '\u0000\u0001\u0007\u001B[31m',
  'İıŞşĞğ ß ﬁ Ⅻ',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

const PREFIXES = [
  '',
  'action: ',
  'action ',
  'alias ',
  'set lead for road safety: ',
  'add co-lead for ',
  'clear lead for ',
  'make ',
  'remove role from ',
  'create partnership ',
  'use ',
  'start priorities for ',
  'add priority ',
  'rename priority ',
  'retire priority ',
  'publish priorities',
  'link this channel to ',
  'unlink this channel',
  'resolved for B3 on 21 March 2023: ',
  'agenda ',
  'item B9 ',
  'circulate',
  'cancel the meeting',
  'undo',
  'confirm draft D',
  'discard draft D',
  '12 done',
  'action 3 in progress',
  'export the store',
  'export actions',
  'history of ',
  'who leads ',
  'what did we resolve about ',
  'who is ',
  'when is the next meeting',
];

export class FuzzActivities {
  private readonly next: () => number;
  constructor(
    seed: number,
    /** A fixed pool of members without roles, so the store knows every one of them beforehand. */
    readonly users: readonly TeamsActivityOptions[],
    private readonly channel: TeamsActivityOptions,
  ) {
    this.next = seededRandom(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  private randomChars(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      const r = this.next();
      out +=
        r < 0.6
          ? String.fromCharCode(32 + Math.floor(this.next() * 95))
          : r < 0.9
            ? String.fromCharCode(Math.floor(this.next() * 0xd7ff))
            : this.pick([' ', '\n', '\t', '$', '{', '}', '[', ']', '(', ')', '<', '>', '"', "'", '\\']);
    }
    return out;
  }

  /** A piece of hostile text, usually short, sometimes huge. */
  text(): string {
    const r = this.next();
    if (r < 0.5) return this.pick(INJECTIONS);
    if (r < 0.8) return this.randomChars(1 + Math.floor(this.next() * 80));
    if (r < 0.97) return `${this.pick(INJECTIONS)} ${this.randomChars(20)} ${this.pick(INJECTIONS)}`;
    return this.randomChars(5_000 + Math.floor(this.next() * 60_000));
  }

  /** A value of a random JSON type, for card data that expects a string or a number. */
  value(): unknown {
    const r = this.next();
    if (r < 0.4) return this.text();
    if (r < 0.5) return Math.floor(this.next() * 1e9) - 5e8;
    if (r < 0.6) return this.next() < 0.5;
    if (r < 0.7) return null;
    if (r < 0.8) return [this.text(), 1, { nested: this.text() }];
    // Own "__proto__" and "constructor" keys, as JSON.parse makes them: a merge that trusts keys would pollute prototypes.
    if (r < 0.9)
      return JSON.parse(
        `{"$ref": ${JSON.stringify(this.text())}, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`,
      ) as unknown;
    return 1e308 * 10;
  }

  private who(): TeamsActivityOptions {
    // Names are the member's own text, shown back in replies: hostile too.
    return { ...this.pick(this.users), userName: this.text().slice(0, 300) };
  }

  private data(): Record<string, unknown> {
    const fields = [
      'agendaId',
      'number',
      'status',
      'description',
      'due',
      'owner',
      'note',
      'substitute',
      'title',
      'code',
      'presenter',
      'paperUrl',
      'startsAt',
      'venue',
      'question',
      'priorityId',
      this.text().slice(0, 30),
    ];
    const out: Record<string, unknown> = {};
    for (let i = 0; i < 1 + Math.floor(this.next() * 6); i++) out[this.pick(fields)] = this.value();
    return out;
  }

  activity(): InboundActivity {
    const r = this.next();
    const who = this.who();
    if (r < 0.55) {
      const text = `${this.pick(PREFIXES)}${this.text()}`;
      const scope = this.next();
      const message =
        scope < 0.5
          ? personalMessage(text, who)
          : scope < 0.8
            ? channelMessage(text, { ...who, ...this.channel })
            : groupChatMessage(text, who);
      // A hostile @mention (not on action lines: a mentioned member is a valid owner).
      if (this.next() < 0.2 && !/^action/i.test(text))
        message.entities = [
          ...(message.entities ?? []),
          {
            type: 'mention',
            mentioned: { id: `29:${this.text().slice(0, 40)}`, name: this.text().slice(0, 80) },
            text: `<at>${this.text().slice(0, 40)}</at>`,
          },
        ];
      return message;
    }
    if (r < 0.7) {
      const verbs = [
        'agenda.attending',
        'agenda.apologies',
        'agenda.substitute',
        'agenda.refresh',
        'agendaForm.save',
        'agendaForm.addItem',
        'agendaForm.circulate',
        'actionForm.log',
        this.text().slice(0, 40),
      ];
      return {
        ...personalMessage('', who),
        text: undefined,
        value: { verb: this.pick(verbs), ...this.data() },
      } as InboundActivity;
    }
    if (r < 0.88) {
      const verbs = [
        'agenda.attending',
        'agenda.apologies',
        'agenda.substitute',
        'agenda.refresh',
        'action.status',
        'action.undo',
        'action.edit',
        'actionForm.log',
        'agendaForm.save',
        'agendaForm.moveUp',
        this.text().slice(0, 40),
      ];
      const invoke = invokeAction(this.pick(verbs), this.data(), {
        ...who,
        ...(this.next() < 0.5 ? { kind: 'channel' as const, ...this.channel } : {}),
      });
      if (this.next() < 0.15) invoke.value = this.value() as never;
      return invoke;
    }
    if (r < 0.95) {
      const invoke = invokeAction('x', {}, who);
      invoke.name = this.pick([
        'composeExtension/query',
        'task/fetch',
        'task/submit',
        'signin/verifyState',
        'fileConsent/invoke',
        'actionableMessage/executeAction',
        this.text().slice(0, 60),
      ]);
      invoke.value = this.value() as never;
      return invoke;
    }
    const other = personalMessage('', who);
    return {
      ...other,
      type: this.pick([
        'typing',
        'messageReaction',
        'event',
        'endOfConversation',
        'handoff',
        'trace',
        'deleteUserData',
        this.text().slice(0, 30),
      ]),
      text: this.text(),
      value: this.value(),
    } as InboundActivity;
  }
}
