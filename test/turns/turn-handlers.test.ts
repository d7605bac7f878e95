import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnswerService } from '../../src/core/answers/answer-service.js';
import { capabilities } from '../../src/core/answers/answer-question.js';
import { CARD_VERBS, isCardVerb } from '../../src/core/card-verbs.js';
import type { PartnershipDirectory } from '../../src/core/model/model.js';
import type { Actor } from '../../src/core/model/permissions.js';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { memoryRecords } from '../helpers/memory-records.js';
import { commandMenu } from '../../src/turns/command-menu.js';
import { handlerFor, runTurn } from '../../src/turns/run-turn.js';
import type { PartnershipScope } from '../../src/turns/turn-handler.js';
import { TURN_HANDLERS } from '../../src/turns/turn-handlers.js';
import type { Turn, TurnServices } from '../../src/turns/turn.js';
import { resolveTurn } from '../../src/turns/turn-partnership.js';
import { memberOfResolved } from '../../src/core/partnerships/membership.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = new Date('2026-11-24T10:00:00Z');

const data: PartnershipDirectory = loadDefaultStore();
const kent = data.partnerships[data.defaultPartnershipId]!;
data.memberships['aad-member'] = { seenIn: [kent.id] };
const records = memoryRecords(data);
const answers = new AnswerService({ partnership: records.partnership, revision: () => 1 }, () => NOW);
const actions = {
  view: () => ({ all: () => [], find: () => undefined }) as never,
  exportLink: () => ({ url: 'https://example.org/x', minutes: 5 }),
  add: () => Promise.reject(new Error('not in this test')),
  save: () => Promise.resolve(null),
};
const services: TurnServices = {
  records,
  answers,
  publishedAnswers: answers,
  actions,
  logger: { warn: () => undefined, error: () => undefined },
};

const person = (id: string, isAdmin = false): Actor => ({ id, ids: [id], name: 'Sam Example', isAdmin });
const OUTSIDER = person('aad-outsider');
const MEMBER = person('aad-member');
const ADMIN = person('aad-admin', true);

function turn(text: string, actor: Actor): Turn {
  return {
    input: { text, mentions: [], actor, now: NOW, directory: data },
    files: [],
    from: { aadObjectId: actor.id },
  };
}

function scopeOf(t: Turn): PartnershipScope {
  const resolved = resolveTurn(records, t);
  if (!('partnership' in resolved)) throw new Error('the test turn has no partnership');
  return { partnership: resolved.partnership, resolved, member: memberOfResolved(data, resolved, t.input.actor) };
}

async function helpTopics(actor: Actor): Promise<string[]> {
  const { reply } = await runTurn(turn('help', actor), services);
  if (reply.kind !== 'answer') throw new Error(`help replied with ${reply.kind}`);
  return reply.answer.entries.map((e) => e.heading ?? '');
}

describe('the turn table', () => {
  it('knows every verb the cards send, and routes each to exactly one handler', () => {
    const inCards = readdirSync(path.join(ROOT, 'cards'))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) =>
        [...readFileSync(path.join(ROOT, 'cards', f), 'utf8').matchAll(/"verb": "([^"]+)"/g)].map((m) => m[1]),
      );
    expect(inCards.length).to.be.greaterThan(10);
    for (const verb of inCards) expect(isCardVerb(verb), verb).to.equal(true);
    for (const verb of Object.values(CARD_VERBS).flat()) {
      expect(inCards, `${verb} is sent by no card`).to.include(verb);
      const takers = TURN_HANDLERS.filter((h) => h.verbs?.includes(verb)).map((h) => h.name);
      expect(takers, verb).to.have.length(1);
    }
  });

  it('shows each person what they can do: outsiders ask, members log actions, organisers build agendas', async () => {
    const outsider = await helpTopics(OUTSIDER);
    const member = await helpTopics(MEMBER);
    const admin = await helpTopics(ADMIN);
    expect(outsider).to.include('Priority leads').and.not.include('Log an action');
    expect(member).to.include('Log an action').and.include('Your actions').and.not.include('Agendas');
    expect(admin).to.include('Agendas').and.include('Roles').and.include('Import minutes');
  });

  it('takes every pressable help example to the handler that lists it', () => {
    for (const handler of TURN_HANDLERS)
      for (const line of handler.help ?? []) {
        if (!line.pressable) continue;
        const t = turn(line.example, ADMIN);
        expect(handlerFor(t, scopeOf(t), services), line.example).to.equal(handler.name);
      }
    for (const { example } of capabilities()) {
      const t = turn(example, MEMBER);
      expect(handlerFor(t, scopeOf(t), services), example).to.equal('questions');
    }
  });

  it('is the command menu in the manifest, each entry taken by the handler that lists it', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest', 'manifest.json'), 'utf8')) as {
      bots: { commandLists: unknown }[];
    };
    expect(manifest.bots[0]!.commandLists).to.deep.equal(commandMenu());
    for (const list of commandMenu()) {
      expect(list.commands.length).to.be.within(1, 10);
      for (const c of list.commands) {
        expect(c.title.length, c.title).to.be.at.most(32);
        expect(c.description.length, c.title).to.be.at.most(128);
      }
    }
    for (const handler of TURN_HANDLERS)
      for (const entry of handler.menu ?? []) {
        const t = turn(entry.title, ADMIN);
        expect(handlerFor(t, scopeOf(t), services), entry.title).to.equal(handler.name);
      }
  });
});
