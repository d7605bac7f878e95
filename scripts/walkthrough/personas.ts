/**
 * The people of the walk-through, as the Agents Playground's configuration file knows them
 * (`.m365agentsplayground.yml`, schema 0.1.1). The Playground always writes as its `currentUser`,
 * so each persona runs its own Playground with the same users and itself as the current one.
 * Object ids are GUIDs (the Playground's built-in ones are not), so BOT_ADMINS accepts them.
 */
export interface Persona {
  /** Teams user id, as in `from.id` and in an @mention. */
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

export const TENANT_ID = '7e57c5b0-0000-4000-8000-000000000001';

/** Alex: made chair by the admin, then builds the agenda and logs an action. */
export const CHAIR: Persona = {
  id: 'user-id-0',
  name: 'Alex Wilber',
  aadObjectId: 'a1e8c0de-0000-4000-8000-000000000020',
  email: 'alexw@example.com',
};

/** Megan: a member with no organiser role. */
export const MEMBER: Persona = {
  id: 'user-id-1',
  name: 'Megan Bowen',
  aadObjectId: 'b0a2e000-0000-4000-8000-000000000021',
  email: 'meganb@example.com',
};

/** Lynne: the bootstrap admin (BOT_ADMINS), who grants the roles. */
export const ADMIN: Persona = {
  id: 'user-id-5',
  name: 'Lynne Robbins',
  aadObjectId: 'f1a2b3c4-0000-4000-8000-000000000025',
  email: 'lynner@example.com',
};

// The Playground wants at least five other users.
const OTHERS: Persona[] = [
  {
    id: 'user-id-2',
    name: 'Adele Vance',
    aadObjectId: 'c0de0000-0000-4000-8000-000000000022',
    email: 'adelev@example.com',
  },
  {
    id: 'user-id-3',
    name: 'Isaiah Langer',
    aadObjectId: 'd0de0000-0000-4000-8000-000000000023',
    email: 'isaiahl@example.com',
  },
  {
    id: 'user-id-4',
    name: 'Patti Fernandez',
    aadObjectId: 'e0de0000-0000-4000-8000-000000000024',
    email: 'pattif@example.com',
  },
];

const EVERYONE = [CHAIR, MEMBER, ...OTHERS, ADMIN];

function userYaml(p: Persona, indent: string): string {
  const [givenName, ...rest] = p.name.split(' ');
  return [
    `id: ${p.id}`,
    `name: ${p.name}`,
    `userPrincipleName: ${p.email}`,
    `aadObjectId: ${p.aadObjectId}`,
    `givenName: ${givenName ?? p.name}`,
    `surname: ${rest.join(' ')}`,
    `email: ${p.email}`,
  ].join(`\n${indent}`);
}

/** The Playground configuration with `current` as the one writing; everyone else can be @mentioned. */
export function playgroundConfig(current: Persona, botName: string): string {
  const users = EVERYONE.filter((p) => p !== current).map((p) => `  - ${userYaml(p, '    ')}`);
  return [
    'version: "0.1.1"',
    `tenantId: ${TENANT_ID}`,
    'bot:',
    '  id: 00000000-0000-0000-0000-00000000000011',
    `  name: ${botName}`,
    'currentUser:',
    `  ${userYaml(current, '  ')}`,
    'users:',
    ...users,
    'personalChat:',
    `  id: personal-chat-${current.id}`,
    'groupChat:',
    '  id: group-chat-kent-csp',
    '  name: Kent CSP officers',
    'team:',
    '  id: team-kent-csp',
    '  name: Kent CSP',
    '  aadGroupId: 0c5b0000-0000-4000-8000-000000000031',
    '  channels:',
    '    - id: channel-announcements-id',
    '      name: Announcements',
    '',
  ].join('\n');
}
