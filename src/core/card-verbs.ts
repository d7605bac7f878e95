/**
 * Every verb a card button sends, in one place: the turn table routes by them and a test checks
 * that every verb in `cards/` is one of them.
 */
export const CARD_VERBS = {
  agenda: ['agenda.attending', 'agenda.apologies', 'agenda.substitute', 'agenda.refresh'],
  agendaForm: [
    'agendaForm.addItem',
    'agendaForm.setItem',
    'agendaForm.remove',
    'agendaForm.up',
    'agendaForm.down',
    'agendaForm.save',
    'agendaForm.preview',
    'agendaForm.circulate',
  ],
  leadForm: ['leadForm.save'],
  actions: ['action.status', 'action.undo', 'action.edit', 'actionForm.log'],
  minutesImport: ['minutesImport.import', 'minutesImport.cancel'],
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS][number];

const ALL: ReadonlySet<string> = new Set(Object.values(CARD_VERBS).flat());

export function isCardVerb(verb: unknown): verb is CardVerb {
  return typeof verb === 'string' && ALL.has(verb);
}
