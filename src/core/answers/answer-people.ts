/**
 * Who someone is: their role and organisation as the documents give them, the priorities they
 * are taken to lead, the items they presented and the meetings they attended. Also who holds
 * the chair. A name the records do not hold is said to be unknown, never matched loosely.
 */
import type { Person } from '../model/model.js';
import { makeAnswer, type Answer } from './answer.js';
import { itemLabel, meetingLabel, personWithRole, uniqueSources } from './format.js';
import { HONORIFICS, type KnowledgeBase } from './knowledge-base.js';
import { lastMeeting } from './meeting-lookup.js';
import type { Question } from './question.js';
import { topicWords } from './answer-resolutions.js';

/** Words that ask who someone is, or what they do: "who is", "tell me about", "what is X's role". */
const WHO_THEY_ARE =
  /^(?:who|whos|tell|about|role|roles|job|title|position|organi[sz]ation|work|works|from|represents?|lead|leads|do|does|cover|covers|s|chair\w*|vice)$/;

/** Roles the minutes give, then any the leads table adds ("Kent Police"). */
function roleLines(kb: KnowledgeBase, person: Person): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const fromLeads = kb.partnership.leads
    .filter((l) => l.personId === person.id)
    .map((l) => ({ title: l.role, organisation: l.organisation }));
  for (const role of [...person.roles, ...fromLeads]) {
    const text = [role.title, role.organisation].filter(Boolean).join(', ');
    if (!text || seen.has(text) || lines.some((l) => l.includes(text))) continue;
    seen.add(text);
    lines.push(text);
  }
  return lines;
}

function describePerson(kb: KnowledgeBase, person: Person): Answer {
  const roles = roleLines(kb, person);
  const leads = kb.partnership.leads
    .filter((l) => l.personId === person.id)
    .map((l) => kb.findPriorityOrTheme(l.priorityId).priority?.name)
    .filter((n): n is string => Boolean(n));
  const presented = kb
    .allItems()
    .filter(({ item }) => item.presenters.includes(person.id))
    .map(({ meeting, item }) => `${itemLabel(item)} (${meetingLabel(meeting)})`);
  const attended = kb.datedMeetings.filter((m) => m.present.includes(person.id)).map(meetingLabel);
  const sentApologies = kb.datedMeetings.filter((m) => m.apologies.includes(person.id)).map(meetingLabel);
  const chaired = kb.datedMeetings.filter((m) => m.chairId === person.id).map(meetingLabel);

  const summary =
    roles.length > 0
      ? `${person.name}: ${roles.join('; ')}.`
      : `${person.name} is named in the minutes; the documents give no role.`;
  const facts = [
    ...(leads.length > 0 ? [{ title: 'Leads', value: leads.join('; ') }] : []),
    ...(chaired.length > 0 ? [{ title: 'Chaired', value: chaired.join('; ') }] : []),
    ...(presented.length > 0 ? [{ title: 'Presented', value: presented.slice(0, 3).join('; ') }] : []),
    ...(attended.length > 0 ? [{ title: 'Present at', value: attended.join('; ') }] : []),
    ...(sentApologies.length > 0 ? [{ title: 'Apologies', value: sentApologies.join('; ') }] : []),
    ...(person.names.length > 1
      ? [{ title: 'Also written', value: person.names.filter((n) => n !== person.name).join('; ') }]
      : []),
  ];
  return makeAnswer('person', person.name, summary, {
    facts,
    sources: uniqueSources(person.roles.map((r) => r.source).concat(person.sources)).slice(0, 4),
    suggestions: leads.length > 0 ? [`Who leads ${leads[0]}?`] : [],
  });
}

function answerChair(kb: KnowledgeBase, question: Question, today: Date): Answer {
  const vice = /\bvice/.test(question.lower);
  const meetings = [...kb.datedMeetings].reverse().filter((m) => (vice ? m.viceChairId : m.chairId));
  const latest = meetings[0];
  const role = vice ? 'Vice-Chair' : 'Chair';
  const id = latest ? (vice ? latest.viceChairId : latest.chairId) : undefined;
  const person = id ? kb.person(id) : undefined;
  if (!latest || !person) {
    const last = lastMeeting(kb, today);
    return makeAnswer(
      'person',
      role,
      `The ${role} is not recorded in the minutes on record${last ? ` (the last meeting was ${meetingLabel(last)})` : ''}.`,
    );
  }
  return makeAnswer(
    'person',
    role,
    `The ${role} is ${person.name}, ${role} at the meeting of ${meetingLabel(latest)} (the latest minutes that record it).`,
    {
      facts: [{ title: role, value: personWithRole(person) }],
      sources: latest.sources,
      suggestions: [`Who is ${person.name}?`, 'Who attended the last meeting?'],
    },
  );
}

export function answerPerson(kb: KnowledgeBase, question: Question, today: Date): Answer | null {
  const [best, ...rest] = question.people;
  if (!best) {
    if (/\b(vice[- ]?)?chair(man|woman|person)?\b/.test(question.lower)) return answerChair(kb, question, today);
    return null;
  }
  // "Who is PC Arnold liaising with about the crime figures?" asks what the minutes say, not who he is.
  const asked = question.words.filter((w, i) => i < best.start || i >= best.end);
  const more = topicWords({ ...question, words: asked }).filter((w) => !WHO_THEY_ARE.test(w) && !HONORIFICS.has(w));
  if (more.length > 0) return null;
  const tied = rest.filter((m) => m.score === best.score && m.id !== best.id);
  if (tied.length > 0) {
    const candidates = [best, ...tied].map((m) => kb.person(m.id)).filter((p): p is Person => p !== undefined);
    return makeAnswer(
      'clarify',
      'Which person?',
      `More than one person matches: ${candidates.map((p) => personWithRole(p)).join('; ')}. Which one do you mean?`,
      {
        suggestions: candidates.map((p) => `Who is ${p.name}?`),
      },
    );
  }
  const person = kb.person(best.id);
  return person ? describePerson(kb, person) : null;
}
