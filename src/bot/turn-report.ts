/**
 * What a turn did, for its one log line: the command or kind of question, and how it ended
 * (the answer's kind: "lead", "refused", "invalid"...). Never the member's words. The endpoint
 * hands each turn an empty report and reads it once the turn is over (the TurnContext itself is
 * revoked by then).
 */
import type { TurnContext } from 'botbuilder';

export interface TurnReport {
  command?: string;
  outcome?: string;
}

const TURN_REPORT = Symbol('turnReport');

export function startReport(context: TurnContext): TurnReport {
  const report: TurnReport = {};
  context.turnState.set(TURN_REPORT, report);
  return report;
}

export function reportTurn(context: TurnContext, update: TurnReport): void {
  const report = context.turnState.get(TURN_REPORT) as TurnReport | undefined;
  if (report) Object.assign(report, update);
}
