/**
 * Whether a message from someone outside the partnership asks for its internal records: any
 * command, form or card answer (the question reader only ever sees what the partnership publishes).
 */
import { runActionCommand, type ActionsView } from '../core/actions/action-commands.js';
import { OPEN_ACTION_FORM } from '../core/actions/action-form.js';
import { isFormRequest, isFormVerb } from '../core/agendas/agenda-form.js';
import type { Answer, AnswerKind } from '../core/answers/answer.js';
import type { CommandInput } from '../core/commands/command.js';
import { runCommand } from '../core/commands/run-command.js';
import type { Partnership } from '../core/model.js';
import { OPEN_LEAD_FORM } from '../core/priorities/lead-form.js';
import { isAgendaSubmit } from './agenda-actions.js';

/**
 * Answers about records that are internal by nature: someone outside the partnership is told they are
 * for members, never "none". (An agenda answer is not among them: past meetings' agendas are in the
 * published minutes, and what outsiders are answered from holds no circulated agenda.)
 */
const INTERNAL_ANSWERS: ReadonlySet<AnswerKind> = new Set(['draft-actions', 'actions', 'roles', 'channels', 'export']);

export function isInternalAnswer(answer: Answer): boolean {
  return INTERNAL_ANSWERS.has(answer.kind);
}

export function readsInternalRecords(
  partnership: Partnership,
  input: CommandInput,
  value: unknown,
  actions: ActionsView | undefined,
): boolean {
  const { text } = input;
  const verb = (value as { verb?: unknown } | undefined)?.verb;
  return (
    isAgendaSubmit(value) ||
    isFormVerb(verb) ||
    OPEN_LEAD_FORM.test(text) ||
    isFormRequest(text) ||
    OPEN_ACTION_FORM.test(text) ||
    (actions !== undefined && runActionCommand(partnership, actions, input) !== null) ||
    runCommand(partnership, input) !== null
  );
}
