/** The slowest reader of chat text on adversarial input: 28k characters against 1k, in the same process. */
import { performance } from 'node:perf_hooks';
import { runActionCommand, type ActionsView } from '../src/core/actions/action-commands.js';
import { answerQuestion } from '../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../src/core/answers/knowledge-base.js';
import type { CommandInput } from '../src/core/commands/command.js';
import { runCommand } from '../src/turns/record-commands.js';
import { partnershipCommand } from '../src/core/partnerships/partnership-commands.js';
import { loadDefaultStore } from '../src/store/default-store.js';
import { adversarialInputs } from '../test/helpers/adversarial-inputs.js';

export interface SlowestReader {
  size: number;
  slowestMs: number;
  reader: string;
  input: string;
}

export function benchAdversarialInput(size: number): SlowestReader {
  const store = loadDefaultStore();
  const kent = store.partnerships['kent-csp']!;
  const kb = new KnowledgeBase(kent);
  const now = new Date();
  const noActions: ActionsView = { all: () => [], get: () => undefined, loggedBy: () => undefined };
  const input = (text: string): CommandInput => ({
    text,
    mentions: [],
    actor: { id: 'admin', ids: ['admin'], name: 'Ada Admin', isAdmin: true },
    now,
    directory: store,
  });
  const readers: [string, (text: string) => unknown][] = [
    ['partnership commands', (text) => partnershipCommand(store, input(text))],
    ['commands', (text) => runCommand(kent, input(text))],
    ['actions', (text) => runActionCommand(kent, noActions, input(text))],
    ['questions', (text) => answerQuestion(kb, text, now)],
  ];
  let slowest: SlowestReader = { size, slowestMs: 0, reader: '', input: '' };
  for (const text of adversarialInputs(size)) {
    for (const [reader, read] of readers) {
      const start = performance.now();
      read(text);
      const ms = performance.now() - start;
      if (ms > slowest.slowestMs) slowest = { size, slowestMs: ms, reader, input: JSON.stringify(text.slice(0, 30)) };
    }
  }
  return slowest;
}
