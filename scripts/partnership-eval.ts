/**
 * What a new district would do, measured: for a question file whose questions each name their
 * `partnership` ("Full Name (Short)") and a folder of that partnership's published pages, create
 * each partnership and import its pages through `npm run import`'s own code, start the real bot
 * (HTTP server, Bot Connector stand-in), bind a channel and a personal chat to each partnership as
 * its members would, ask every question in the conversation it names, and check each reply as
 * shared/eval/README.md defines (normalised substrings: all, any, none).
 *
 * Which pages belong to which partnership: the files its questions cite in `source`, and every
 * file of the same council (`NN_<council>_...` names), so uncited pages are imported too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runImport } from '../src/cli/import-minutes.js';
import { partnershipIdFor, readPartnershipName } from '../src/core/partnerships/new-partnership.js';
import { normaliseForCompare } from '../test/helpers/reply-text.js';
import { startRunningBot, type RunningBot } from '../test/helpers/running-bot.js';
import { channelMessage, personalMessage, type TeamsActivityOptions } from '../test/helpers/teams-activities.js';
import { makeTempFolder } from '../test/helpers/temp-folder.js';

export interface EvalQuestion {
  id: string;
  ask: string;
  conversation: 'personal' | 'channel';
  expect_all: string[];
  expect_any: string[];
  expect_none: string[];
  kind: string;
  source?: string;
  partnership: string;
}

export interface QuestionResult {
  question: EvalQuestion;
  passed: boolean;
  reply: string;
  problems: string[];
}

export interface PartnershipResult {
  name: string;
  shortName: string;
  id: string;
  files: string[];
  importLines: string[];
  importExit: number;
  results: QuestionResult[];
}

/** One member per partnership, an admin of the bot (linking a channel is an admin's or the chair's job). */
function memberOf(index: number): TeamsActivityOptions {
  const aadObjectId = `0e0e0e0e-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
  return { userId: `29:eval-member-${index + 1}`, aadObjectId, userName: `Eval Member ${index + 1}` };
}

export function readQuestions(file: string): EvalQuestion[] {
  const questions = JSON.parse(readFileSync(file, 'utf8')) as EvalQuestion[];
  const unassigned = questions.filter((q) => typeof q.partnership !== 'string' || q.partnership.trim() === '');
  if (unassigned.length > 0)
    throw new Error(
      `${file}: every question needs a "partnership" field; missing in ${unassigned.map((q) => q.id).join(', ')}`,
    );
  return questions;
}

/** The council part of a page's file name: `16_arun_2023-01-24_minutes.txt` -> `arun`. */
function councilOf(file: string): string | undefined {
  return /^\d+_([a-z0-9-]+)_/i.exec(file)?.[1]?.toLowerCase();
}

/** The pages of each partnership, by the files its questions cite and their councils. */
export function pagesByPartnership(questions: readonly EvalQuestion[], folder: string): Map<string, string[]> {
  const files = readdirSync(folder)
    .filter((f) => /\.(txt|md)$/i.test(f) && !/^(INDEX|README)\.md$/i.test(f))
    .sort();
  const result = new Map<string, string[]>();
  for (const q of questions) {
    const cited = (q.source ?? '')
      .split(';')
      .map((s) => s.trim().split('#')[0] ?? '')
      .filter((f) => files.includes(f));
    const councils = new Set(cited.map(councilOf).filter((c): c is string => c !== undefined));
    const mine = new Set(result.get(q.partnership) ?? []);
    for (const f of files) if (cited.includes(f) || councils.has(councilOf(f) ?? '\0')) mine.add(f);
    result.set(q.partnership, [...mine].sort());
  }
  return result;
}

function check(question: EvalQuestion, text: string): QuestionResult {
  const reply = normaliseForCompare(text);
  const problems: string[] = [];
  for (const phrase of question.expect_all)
    if (!reply.includes(normaliseForCompare(phrase))) problems.push(`missing "${phrase}"`);
  if (question.expect_any.length > 0 && !question.expect_any.some((p) => reply.includes(normaliseForCompare(p))))
    problems.push(
      `none of ${JSON.stringify(question.expect_any.slice(0, 6))}${question.expect_any.length > 6 ? '...' : ''}`,
    );
  for (const phrase of question.expect_none)
    if (reply.includes(normaliseForCompare(phrase))) problems.push(`contains "${phrase}"`);
  return { question, passed: problems.length === 0, reply, problems };
}

async function ask(
  bot: RunningBot,
  text: string,
  conversation: 'personal' | 'channel',
  channelId: string,
  member: TeamsActivityOptions,
): Promise<string> {
  const activity =
    conversation === 'channel'
      ? channelMessage(text, { ...member, conversationId: channelId, channelId })
      : personalMessage(text, { ...member, conversationId: `a:eval-${member.userId}` });
  const { result, text: reply } = await bot.send(activity);
  if (result.status !== 200) throw new Error(`the bot answered HTTP ${result.status} to "${text}"`);
  return reply;
}

/** Runs the whole evaluation; `log` receives the import reports as they happen. */
export async function runPartnershipEval(
  questionsFile: string,
  pagesFolder: string,
  log: (line: string) => void = () => undefined,
): Promise<PartnershipResult[]> {
  const questions = readQuestions(questionsFile);
  const pages = pagesByPartnership(questions, pagesFolder);
  const folder = makeTempFolder('csp-eval-');
  const dataFile = path.join(folder.path, 'store.json');
  const results: PartnershipResult[] = [];
  try {
    for (const [full, files] of pages) {
      const name = readPartnershipName(full);
      if (typeof name === 'string') throw new Error(`"${full}": ${name}`);
      const id = partnershipIdFor(name);
      const importLines: string[] = [];
      const collect = (line: string) => importLines.push(line);
      const importExit = await runImport(
        ['--partnership', id, '--name', full, ...files.map((f) => path.join(pagesFolder, f))],
        { env: { DATA_FILE: dataFile }, out: collect, err: collect },
      );
      importLines.forEach(log);
      results.push({ name: name.name, shortName: name.shortName, id, files, importLines, importExit, results: [] });
    }
    const bot = await startRunningBot({
      DATA_FILE: dataFile,
      BOT_ADMINS: results.map((_, i) => memberOf(i).aadObjectId).join(','),
    });
    try {
      for (const [index, entry] of results.entries()) {
        const channelId = `19:eval-${index}-${entry.id}@thread.tacv2`;
        const member = memberOf(index);
        await ask(bot, `link this channel to ${entry.shortName}`, 'channel', channelId, member);
        await ask(bot, `use ${entry.shortName}`, 'personal', channelId, member);
        for (const q of questions.filter(
          (x) => readPartnershipName(x.partnership) && x.partnership === `${entry.name} (${entry.shortName})`,
        )) {
          entry.results.push(check(q, await ask(bot, q.ask, q.conversation, channelId, member)));
        }
      }
    } finally {
      await bot.stop();
    }
  } finally {
    folder.remove();
  }
  return results;
}

export function scoreLines(results: readonly PartnershipResult[], verbose = false): string[] {
  const lines: string[] = [];
  const pct = (n: number, d: number) => (d === 0 ? '-' : `${Math.round((100 * n) / d)}%`);
  let passed = 0;
  let total = 0;
  for (const r of results) {
    const ok = r.results.filter((x) => x.passed).length;
    passed += ok;
    total += r.results.length;
    lines.push(
      `${r.shortName.padEnd(16)} ${String(ok).padStart(3)}/${String(r.results.length).padEnd(3)} ${pct(ok, r.results.length).padStart(4)}  pages ${r.files.length}${r.importExit === 0 ? '' : ' (some refused)'}`,
    );
    if (verbose)
      for (const x of r.results.filter((y) => !y.passed))
        lines.push(
          `   x ${x.question.id} ${x.question.ask} :: ${x.problems.join('; ')}\n     reply: ${x.reply.slice(0, 400)}`,
        );
  }
  lines.push(
    `${'overall'.padEnd(16)} ${String(passed).padStart(3)}/${String(total).padEnd(3)} ${pct(passed, total).padStart(4)}`,
  );
  return lines;
}
