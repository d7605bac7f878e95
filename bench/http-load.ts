/**
 * Closed-loop HTTP load against a bot's messaging endpoint, modelling many Teams users each having a
 * conversation: every simulated conversation sends its next turn only after the previous POST has
 * completed, and all conversations run concurrently. CloudAdapter answers the POST only after the
 * turn and its outbound replies to the connector have finished, so the POST round trip is the
 * user-visible turn latency. A warm-up phase (JIT, keep-alive sockets, caches) runs first and is
 * excluded from the figures. Uses the global fetch so undici's default agent keeps connections alive.
 */
import { performance } from 'node:perf_hooks';
import { postActivity } from '../test/helpers/http.js';
import {
  channelMessage,
  groupChatMessage,
  personalConversationId,
  personalMessage,
  type InboundActivity,
  type TeamsActivityOptions,
  type TeamsConversationKind,
} from '../test/helpers/teams-activities.js';
import { summarise, type LatencySummary } from './stats.js';

export interface HttpLoadOptions {
  botUrl: string;
  /** The connector (stand-in) url put on every activity as serviceUrl. */
  serviceUrl: string;
  conversations?: number;
  /** Measured turns per conversation; ignored when durationMs is given. */
  turnsPerConversation?: number;
  /** Run the measured phase for this long instead of a fixed number of turns. */
  durationMs?: number;
  /**
   * Text of each turn. `i` is a global sequence number across all conversations (warm-up included),
   * so cycling through a question list spreads different questions over concurrent conversations.
   */
  makeText: (i: number, conversationIndex: number) => string;
  conversation?: TeamsConversationKind;
  warmupTurnsPerConversation?: number;
  authorization?: string;
  /** Keeps at most this many error descriptions for the report. */
  maxErrorSamples?: number;
}

export interface HttpLoadResult {
  turns: number;
  errors: number;
  durationMs: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  latency: LatencySummary;
  errorSamples: string[];
}

interface PhaseResult {
  samples: number[];
  errors: number;
  errorSamples: string[];
  durationMs: number;
}

function activityFor(
  kind: TeamsConversationKind,
  text: string,
  conversationIndex: number,
  serviceUrl: string,
): InboundActivity {
  const n = conversationIndex.toString().padStart(4, '0');
  const opts: TeamsActivityOptions = {
    serviceUrl,
    userId: `29:1bench-user-${n}`,
    userName: `Bench User ${n}`,
    aadObjectId: `00000000-0000-4000-8000-00000000${n}`,
  };
  switch (kind) {
    case 'personal':
      return personalMessage(text, { ...opts, conversationId: personalConversationId(conversationIndex) });
    case 'groupChat':
      return groupChatMessage(text, { ...opts, conversationId: `19:bench-chat-${n}@thread.v2` });
    case 'channel':
      return channelMessage(text, opts);
  }
}

export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const conversations = options.conversations ?? 32;
  const kind = options.conversation ?? 'personal';
  const maxErrorSamples = options.maxErrorSamples ?? 10;
  if (options.durationMs === undefined && options.turnsPerConversation === undefined) {
    throw new Error('runHttpLoad: give turnsPerConversation or durationMs');
  }
  let sequence = 0;
  // Conversation ids are fixed per simulated user for the whole run, as in a real chat.
  const conversationIds = new Map<number, string>();

  const sendTurn = async (conversationIndex: number): Promise<{ ms: number; error?: string }> => {
    const text = options.makeText(sequence++, conversationIndex);
    const fresh = activityFor(kind, text, conversationIndex, options.serviceUrl);
    const existing = conversationIds.get(conversationIndex);
    const activity =
      existing !== undefined && fresh.conversation
        ? { ...fresh, conversation: { ...fresh.conversation, id: existing } }
        : fresh;
    if (existing === undefined && fresh.conversation) conversationIds.set(conversationIndex, fresh.conversation.id);
    const started = performance.now();
    try {
      const result = await postActivity(
        options.botUrl,
        activity,
        options.authorization !== undefined ? { authorization: options.authorization } : {},
      );
      const ms = performance.now() - started;
      if (result.status >= 300) {
        return { ms, error: `HTTP ${result.status}: ${JSON.stringify(result.body)?.slice(0, 200) ?? ''}` };
      }
      return { ms };
    } catch (err: unknown) {
      return { ms: performance.now() - started, error: err instanceof Error ? err.message : String(err) };
    }
  };

  const runPhase = async (turns: number | undefined, durationMs: number | undefined): Promise<PhaseResult> => {
    const samples: number[] = [];
    const errorSamples: string[] = [];
    let errors = 0;
    const started = performance.now();
    const deadline = durationMs === undefined ? Number.POSITIVE_INFINITY : started + durationMs;
    const limit = turns ?? Number.POSITIVE_INFINITY;
    const conversation = async (index: number): Promise<void> => {
      for (let turn = 0; turn < limit && performance.now() < deadline; turn += 1) {
        const outcome = await sendTurn(index);
        samples.push(outcome.ms);
        if (outcome.error !== undefined) {
          errors += 1;
          if (errorSamples.length < maxErrorSamples) errorSamples.push(outcome.error);
        }
      }
    };
    await Promise.all(Array.from({ length: conversations }, (_, i) => conversation(i)));
    return { samples, errors, errorSamples, durationMs: performance.now() - started };
  };

  const warmup = options.warmupTurnsPerConversation ?? 2;
  if (warmup > 0) await runPhase(warmup, undefined);

  const measured =
    options.durationMs !== undefined
      ? await runPhase(undefined, options.durationMs)
      : await runPhase(options.turnsPerConversation, undefined);
  const latency = summarise(measured.samples);
  return {
    turns: measured.samples.length,
    errors: measured.errors,
    durationMs: measured.durationMs,
    turnsPerSecond: measured.durationMs > 0 ? (measured.samples.length * 1000) / measured.durationMs : 0,
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    latency,
    errorSamples: measured.errorSamples,
  };
}
