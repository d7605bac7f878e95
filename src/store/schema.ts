/**
 * The store file's schema. Validated on every load so that a hand-edited or damaged file is
 * refused with the exact path of the problem, never half-read and never overwritten.
 */
import { z } from 'zod';

export const CURRENT_STORE_VERSION = 3;

const source = z.strictObject({ doc: z.string().min(1), ref: z.string().optional() });
const sources = z.array(source);

const priority = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().optional(),
  sources,
});
const theme = z.strictObject({ id: z.string().min(1), name: z.string().min(1), sources });

const priorityYear = z.strictObject({
  year: z.string().regex(/^\d{4}\/\d{2}$/, 'a financial year such as 2023/24'),
  priorities: z.array(priority),
  themes: z.array(theme),
  note: z.string().optional(),
  sources,
});

const priorityChange = z.strictObject({
  id: z.string().min(1),
  year: z.string().nullable(),
  kind: z.enum(['added', 'extended', 'renamed', 'merged', 'retained', 'split', 'retired', 'reordered']),
  subjects: z.array(z.string()),
  priorityIds: z.array(z.string()),
  text: z.string().min(1),
  meetingId: z.string().optional(),
  sources,
});

const personRole = z.strictObject({
  title: z.string().optional(),
  organisation: z.string().optional(),
  asOf: z.string().optional(),
  source,
});

const person = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  names: z.array(z.string()),
  honorific: z.string().optional(),
  givenName: z.string().optional(),
  initials: z.string().optional(),
  surname: z.string().min(1),
  roles: z.array(personRole),
  sources,
});

const lead = z.strictObject({
  priorityId: z.string().min(1),
  personId: z.string().nullable(),
  name: z.string().optional(),
  role: z.string().optional(),
  organisation: z.string().optional(),
  contact: z.string().optional(),
  basis: z.string(),
  sources,
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const resolutionChange = z.strictObject({
  text: z.string(),
  previous: z.string().optional(),
  by: z.strictObject({ id: z.string(), name: z.string() }),
  at: z.string(),
});

const meetingItem = z.strictObject({
  id: z.string().min(1),
  code: z.string().optional(),
  title: z.string().min(1),
  minutes: z.array(z.string()),
  resolution: z.strictObject({ text: z.string(), parts: z.array(z.string()) }).optional(),
  resolutionHistory: z.array(resolutionChange).optional(),
  presenters: z.array(z.string()),
  links: z.array(z.string()),
  sources,
});

export const meetingSchema = z.strictObject({
  id: z.string().min(1),
  body: z.string().min(1),
  date: isoDate.nullable(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  time: z.string().optional(),
  venue: z.string().optional(),
  status: z.enum(['held', 'planned', 'undated']),
  note: z.string().optional(),
  chairId: z.string().optional(),
  viceChairId: z.string().optional(),
  present: z.array(z.string()),
  apologies: z.array(z.string()),
  notAnswered: z.array(z.string()).optional(),
  items: z.array(meetingItem),
  sources,
});

const roleGrant = z.strictObject({
  userId: z.string().min(1),
  name: z.string(),
  role: z.enum(['chair', 'secretariat', 'officer', 'member']),
  grantedBy: z.string(),
  grantedAt: z.string(),
});

const draftAction = z.strictObject({
  id: z.string().min(1),
  owner: z.string().min(1),
  ownerPersonId: z.string().optional(),
  what: z.string().min(1),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM-DD or month YYYY-MM')
    .optional(),
  meetingId: z.string(),
  itemId: z.string(),
  sentence: z.string(),
  status: z.enum(['draft', 'confirmed', 'discarded']),
  sources,
});

const conversationRef = z.strictObject({
  conversationId: z.string().min(1),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
  botId: z.string(),
  botName: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  channelName: z.string().optional(),
  userId: z.string().optional(),
});

const linkedChannel = z.strictObject({ ref: conversationRef, linkedBy: z.string(), linkedAt: z.string() });

const agendaItem = z.strictObject({
  code: z.string().min(1).max(10),
  title: z.string().min(1).max(300),
  presenter: z.string().max(200).optional(),
  paperUrl: z.string().url().optional(),
});

const agenda = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1).max(200),
  startsAt: z.string().datetime(),
  venue: z.string().max(300).optional(),
  onlineLink: z.string().url().optional(),
  items: z.array(agendaItem),
  status: z.enum(['draft', 'circulated', 'cancelled']),
  version: z.number().int().min(1),
  createdBy: z.string(),
  updatedAt: z.string(),
  posts: z.array(
    z.strictObject({
      conversationId: z.string(),
      activityId: z.string(),
      version: z.number().int(),
      postedAt: z.string(),
    }),
  ),
  responses: z.array(
    z.strictObject({
      userId: z.string(),
      name: z.string(),
      answer: z.enum(['attending', 'apologies', 'substitute']),
      note: z.string().max(500).optional(),
      substitute: z.string().max(200).optional(),
      at: z.string(),
    }),
  ),
  reminder: z.strictObject({ sentTo: z.array(z.string()), sentAt: z.string().optional() }).optional(),
  remindedPersonally: z.array(z.string()).optional(),
});

export const partnershipSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  shortName: z.string().min(1),
  agreement: z.strictObject({ text: z.string(), sources }).optional(),
  publishedAt: z.record(z.string(), z.string().regex(/^https?:\/\/\S{1,2000}$/, 'a web address')).optional(),
  responsibleAuthorities: z.strictObject({ names: z.array(z.string()), sources }).optional(),
  // A new partnership has none until its first year is published.
  priorityYears: z.array(priorityYear),
  priorityChanges: z.array(priorityChange),
  aliases: z.record(z.string(), z.string()),
  leads: z.array(lead),
  people: z.array(person),
  meetings: z.array(meetingSchema),
  roles: z.array(roleGrant),
  draftActions: z.array(draftAction),
  channels: z.array(linkedChannel),
  agendas: z.array(agenda),
  digest: z.strictObject({ week: z.string(), sentTo: z.array(z.string()), done: z.boolean().optional() }).optional(),
  changes: z
    .array(
      z.strictObject({
        id: z.number().int().min(1),
        at: z.string(),
        by: z.strictObject({ id: z.string(), name: z.string() }),
        subject: z.string().min(1),
        summary: z.string(),
        // Absent when there was no value before (a new alias) or after (one removed).
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        undone: z.strictObject({ at: z.string(), by: z.string() }).optional(),
      }),
    )
    .optional(),
  priorityDraft: z
    .strictObject({ year: priorityYear, from: z.string().nullable(), startedBy: z.string(), startedAt: z.string() })
    .optional(),
  teams: z
    .array(
      z.strictObject({
        teamId: z.string().min(1),
        teamName: z.string().optional(),
        linkedBy: z.string(),
        linkedAt: z.string(),
      }),
    )
    .optional(),
});

export const storeSchema = z.strictObject({
  version: z.literal(CURRENT_STORE_VERSION),
  defaultPartnershipId: z.string().min(1),
  partnerships: z.record(z.string(), partnershipSchema),
  /** Team channels the bot has been told about (installed in, or addressed from), linked or not. */
  conversations: z.array(conversationRef),
  /** Member id -> the partnerships they have written in, and the one they chose for their personal chat. */
  memberships: z.record(
    z.string(),
    z.strictObject({ seenIn: z.array(z.string()), chosen: z.string().optional(), teamsUserId: z.string().optional() }),
  ),
});

export type StoreData = z.infer<typeof storeSchema>;
