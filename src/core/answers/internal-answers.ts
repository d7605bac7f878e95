/**
 * Answers about records that are internal by nature: someone outside the partnership is told they
 * are for members, never "none". (An agenda answer is not among them: past meetings' agendas are
 * in the published minutes, and what outsiders are answered from holds no circulated agenda.)
 */
import type { Answer, AnswerKind } from './answer.js';

const INTERNAL_ANSWERS: ReadonlySet<AnswerKind> = new Set(['draft-actions', 'actions', 'roles', 'channels', 'export']);

export function isInternalAnswer(answer: Answer): boolean {
  return INTERNAL_ANSWERS.has(answer.kind);
}
