import { expect } from 'chai';
import { AnswerService } from '../../src/core/answers/answer-service.js';
import { makeAnswer } from '../../src/core/answers/answer.js';
import type { ConversationRef, PartnershipDirectory } from '../../src/core/model/model.js';
import type { Actor } from '../../src/core/model/permissions.js';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { memoryRecords } from '../helpers/memory-records.js';
import { runTurn } from '../../src/turns/run-turn.js';
import type { TurnHandler } from '../../src/turns/turn-handler.js';
import { answered, type CardPress, type Turn, type TurnServices } from '../../src/turns/turn.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const CHANNEL: ConversationRef = {
  conversationId: '19:linked@thread.tacv2',
  serviceUrl: 'https://smba.example/uk/',
  channelId: 'msteams',
  conversationType: 'channel',
  botId: 'bot',
};

function setUp() {
  const data: PartnershipDirectory = loadDefaultStore();
  const kent = data.partnerships[data.defaultPartnershipId]!;
  kent.channels.push({ ref: CHANNEL, linkedBy: 'x', linkedAt: NOW.toISOString() });
  const records = memoryRecords(data);
  const services: TurnServices = {
    records,
    answers: new AnswerService({ partnership: () => kent, revision: () => 1 }, () => NOW),
    publishedAnswers: new AnswerService({ partnership: () => kent, revision: () => 1 }, () => NOW),
    logger: { warn: () => undefined, error: () => undefined },
  };
  return { data, kent, services };
}

const person = (id: string): Actor => ({ id, ids: [id], name: 'Sam', isAdmin: false });

/** A message in the person's personal chat, or a card press there. */
function turn(text: string, actor: Actor, card?: CardPress): Turn {
  const personal: ConversationRef = {
    ...CHANNEL,
    conversationId: `a:${actor.id}`,
    conversationType: 'personal',
    userId: actor.id,
  };
  return {
    input: { text, mentions: [], actor, now: NOW, conversation: personal },
    ...(card ? { card } : {}),
    files: [],
    from: { aadObjectId: actor.id },
  };
}

const press = (verb: string): CardPress => ({ verb, data: {}, via: 'invoke' });

/** A table that says which row took the turn. */
function table(): TurnHandler[] {
  const row = (name: string, needs: TurnHandler['needs'], word: string, verbs?: string[]): TurnHandler =>
    ({
      name,
      needs,
      ...(verbs ? { verbs } : {}),
      match: (t: Turn) =>
        t.card || t.input.text === word
          ? () => Promise.resolve({ ...answered(name, makeAnswer('help', name, name)), remember: true })
          : null,
    }) as TurnHandler;
  return [
    row('directory', 'nothing', 'directory'),
    row('internal', 'membership', 'internal', ['x.one']),
    row('public', 'partnership', 'public', ['x.two']),
  ];
}

describe('running a turn through the table', () => {
  it('sends a card press only to the row that lists its verb, and an unknown verb nowhere', async () => {
    const { services, data, kent } = setUp();
    data.memberships['aad-m'] = { seenIn: [kent.id] };
    const member = person('aad-m');
    expect((await runTurn(turn('', member, press('x.two')), services, table())).report.command).to.equal('public');
    expect((await runTurn(turn('', member, press('x.one')), services, table())).report.command).to.equal('internal');
    const unknown = await runTurn(turn('', member, press('x.three')), services, table());
    expect(unknown.report.command).to.equal('unknown-card-action');
  });

  it('answers an outsider "for members only" when a membership row matches, and lets other rows answer them', async () => {
    const { services } = setUp();
    const outsider = person('aad-o');
    expect((await runTurn(turn('internal', outsider), services, table())).report.command).to.equal('members-only');
    expect((await runTurn(turn('public', outsider), services, table())).report.command).to.equal('public');
    expect((await runTurn(turn('directory', outsider), services, table())).report.command).to.equal('directory');
  });

  it("remembers a member's channel, but only an outsider's personal chat", async () => {
    const { services, data, kent } = setUp();
    const inChannel = (actor: Actor): Turn => ({
      input: { text: 'public', mentions: [], actor, now: NOW, conversation: CHANNEL },
      files: [],
      from: { aadObjectId: actor.id },
    });
    kent.roles.push({
      userId: 'aad-chair',
      name: 'Chair',
      role: 'chair',
      grantedBy: 'x',
      grantedAt: NOW.toISOString(),
    } as never);
    await runTurn(inChannel(person('aad-chair')), services, table());
    expect(data.memberships['aad-chair']?.seenIn).to.deep.equal([kent.id]);
    await runTurn(turn('public', person('aad-o')), services, table());
    expect(data.memberships['aad-o']).to.equal(undefined);
  });
});
