/**
 * Proves the connector stand-in speaks the protocol botbuilder really uses, by pointing botbuilder's
 * own CloudAdapter (the bench echo bot, local mode) at it rather than asserting against our reading
 * of the docs. Also pins down adapter behaviours other tests rely on: replies go to serviceUrl as
 * replyToActivity, 429 with Retry-After is retried by the connector client (three retries, then the
 * turn fails with 500), malformed JSON is refused by restify with 400, and the load runner's figures
 * are sane.
 */
import { expect } from 'chai';
import { startEchoBot, type EchoBot } from '../../bench/echo-bot.js';
import { runHttpLoad } from '../../bench/http-load.js';
import { percentile, summarise } from '../../bench/stats.js';
import { matchConnectorRoute, startConnectorStandIn, type ConnectorStandIn } from './connector-stand-in.js';
import { postActivity, postRaw } from './http.js';
import { channelMessage, invokeAction, personalMessage } from './teams-activities.js';

/** CloudAdapter console.errors every failed turn; silence it where failure is the point of the test. */
async function withQuietConsoleError<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => undefined;
  try {
    return await fn();
  } finally {
    console.error = original;
  }
}

describe('connector stand-in', () => {
  let bot: EchoBot;
  let connector: ConnectorStandIn;

  before(async () => {
    bot = await startEchoBot({ logErrors: false });
    connector = await startConnectorStandIn();
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => connector.clear());

  it('routes the v3 paths and decodes Teams conversation ids', () => {
    const id = '19:abc@thread.tacv2;messageid=17';
    const encoded = encodeURIComponent(id);
    expect(matchConnectorRoute('POST', `/v3/conversations/${encoded}/activities/17`)).to.deep.equal({
      operation: 'replyToActivity',
      conversationId: id,
      activityId: '17',
    });
    expect(matchConnectorRoute('POST', `/v3/conversations/${encoded}/activities`).operation).to.equal(
      'sendToConversation',
    );
    expect(matchConnectorRoute('PUT', `/v3/conversations/${encoded}/activities/17`).operation).to.equal(
      'updateActivity',
    );
    expect(matchConnectorRoute('DELETE', `/v3/conversations/${encoded}/activities/17`).operation).to.equal(
      'deleteActivity',
    );
    expect(matchConnectorRoute('POST', '/v3/conversations').operation).to.equal('createConversation');
    expect(matchConnectorRoute('GET', `/v3/conversations/${encoded}/members`).operation).to.equal('unknown');
  });

  it('answers unknown routes with 404 JSON and createConversation with ids', async () => {
    const missing = await postRaw(`${connector.url}v3/nowhere`, '{}', { 'content-type': 'application/json' });
    expect(missing.status).to.equal(404);
    expect(missing.body).to.have.nested.property('error.code', 'NotFound');
    const created = await postRaw(`${connector.url}v3/conversations`, JSON.stringify({ isGroup: false }), {
      'content-type': 'application/json',
    });
    expect(created.status).to.equal(201);
    expect(created.body).to.have.property('id').that.is.a('string');
    expect(created.body).to.have.property('activityId').that.is.a('string');
  });

  it('receives the echo of a personal message as a reply on the same conversation', async () => {
    const inbound = personalMessage('hello there', { serviceUrl: connector.url });
    const result = await postActivity(bot.url, inbound);
    // CloudAdapter answers only after the turn's outbound replies completed, so the reply is already here.
    expect(result.status).to.equal(200);
    expect(result.body).to.equal(undefined);
    const [reply] = await connector.waitForActivities(1, {
      conversationId: inbound.conversation?.id ?? '',
      timeoutMs: 2_000,
    });
    expect(reply?.text).to.equal('hello there');
    expect(reply?.replyToId).to.equal(inbound.id);
    const [request] = connector.requests;
    expect(request?.operation).to.equal('replyToActivity');
    expect(request?.activityId).to.equal(inbound.id);
    // Local mode (no MicrosoftAppId) sends no bearer token to the connector.
    expect(request?.authorization).to.equal(undefined);
  });

  it('receives the echo of a channel message on the thread conversation id, mention included', async () => {
    const inbound = channelMessage('what are our priorities?', { serviceUrl: connector.url });
    const conversationId = inbound.conversation?.id ?? '';
    expect(conversationId).to.match(/^19:.+@thread\.tacv2;messageid=\d+$/);
    const result = await postActivity(bot.url, inbound);
    expect(result.status).to.equal(200);
    const [reply] = await connector.waitForActivities(1, { conversationId, timeoutMs: 2_000 });
    expect(reply?.text).to.equal(inbound.text);
    expect(reply?.replyToId).to.equal(inbound.id);
    expect(connector.activitiesFor(conversationId)).to.have.length(1);
  });

  it('answers an invoke with no invoke response as 501 with an empty body', async () => {
    const result = await postActivity(bot.url, invokeAction('refresh', { id: 1 }, { serviceUrl: connector.url }));
    expect(result.status).to.equal(501);
    expect(result.body).to.equal(undefined);
    expect(connector.requests).to.have.length(0);
  });

  it('has the connector client honour Retry-After on 429 and retry', async () => {
    connector.respond429(1, 1);
    const started = Date.now();
    const result = await postActivity(bot.url, personalMessage('throttled', { serviceUrl: connector.url }));
    expect(result.status).to.equal(200);
    expect(Date.now() - started).to.be.at.least(900);
    expect(connector.requests.map((r) => r.status)).to.deep.equal([429, 200]);
    expect(connector.messageCount).to.equal(1);
  });

  it('surfaces persistent 429s as a failed turn (500) after three retries', async () => {
    connector.failNext({ status: 429, count: 10, retryAfterSeconds: 0 });
    const result = await withQuietConsoleError(() =>
      postActivity(bot.url, personalMessage('throttled', { serviceUrl: connector.url })),
    );
    expect(result.status).to.equal(500);
    expect(connector.requests.map((r) => r.status)).to.deep.equal([429, 429, 429, 429]);
    connector.failNext({ status: 429, count: 0 });
  });

  it('does not retry a 429 that has no Retry-After', async () => {
    connector.failNext({ status: 429, count: 1 });
    const result = await withQuietConsoleError(() =>
      postActivity(bot.url, personalMessage('throttled', { serviceUrl: connector.url })),
    );
    expect(result.status).to.equal(500);
    expect(connector.requests.map((r) => r.status)).to.deep.equal([429]);
  });

  it('gets a 4xx from the echo bot for malformed JSON', async () => {
    const result = await postRaw(bot.url, '{"type": "message", "text": ', { 'content-type': 'application/json' });
    expect(result.status).to.be.within(400, 499);
  });

  it('rejects waitForActivities with a listing of what did arrive', async () => {
    await postActivity(bot.url, personalMessage('only one', { serviceUrl: connector.url }));
    let message = '';
    await connector.waitForActivities(2, { timeoutMs: 100 }).catch((err: unknown) => {
      message = err instanceof Error ? err.message : String(err);
    });
    expect(message).to.contain('expected 2 message activities');
    expect(message).to.contain('"only one"');
  });

  it('counts without recording when record is false', async () => {
    const counting = await startConnectorStandIn({ record: false });
    try {
      await postActivity(bot.url, personalMessage('uncounted body', { serviceUrl: counting.url }));
      expect(await counting.waitForActivities(1, { timeoutMs: 1_000 })).to.deep.equal([]);
      expect(counting.messageCount).to.equal(1);
      expect(counting.requests).to.have.length(0);
    } finally {
      await counting.close();
    }
  });

  it('runs a short closed-loop load with sane figures', async () => {
    const result = await runHttpLoad({
      botUrl: bot.url,
      serviceUrl: connector.url,
      conversations: 2,
      turnsPerConversation: 5,
      warmupTurnsPerConversation: 1,
      makeText: (i) => `turn ${i}`,
      conversation: 'personal',
    });
    expect(result.errors).to.equal(0);
    expect(result.turns).to.equal(10);
    expect(result.p50Ms).to.be.greaterThan(0);
    expect(result.p99Ms).to.be.at.least(result.p50Ms);
    expect(result.turnsPerSecond).to.be.greaterThan(0);
    // Warm-up turns reach the connector too: 2 conversations x (1 + 5) echoes.
    expect(connector.messageCount).to.equal(12);
    expect(new Set(connector.requests.map((r) => r.conversationId)).size).to.equal(2);
  });
});

describe('bench stats', () => {
  it('uses nearest-rank percentiles on unsorted input', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).to.equal(5);
    expect(percentile(samples, 99)).to.equal(10);
    expect(percentile(samples, 0)).to.equal(1);
    expect(Number.isNaN(percentile([], 50))).to.equal(true);
    expect(summarise(samples)).to.include({ count: 10, minMs: 1, maxMs: 10, meanMs: 5.5, p50Ms: 5 });
  });
});
