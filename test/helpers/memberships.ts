/**
 * Makes people members of the partnership the way an admin does in Teams ("make @name member",
 * with the mention Teams sends), so that tests of internal records run as a member would.
 */
import { expect } from 'chai';
import type { RunningBot } from './running-bot.js';
import { personalMessage } from './teams-activities.js';

export interface TestPerson {
  userId: string;
  userName: string;
  aadObjectId?: string;
}

export async function grantRole(
  bot: RunningBot,
  adminAadObjectId: string,
  person: TestPerson,
  role = 'member',
  partnership = '',
): Promise<void> {
  const mention = `<at>${person.userName}</at>`;
  const activity = personalMessage(`make ${mention} ${role}${partnership ? ` of ${partnership}` : ''}`, {
    userId: '29:1admin-granting',
    userName: 'Ada Admin',
    aadObjectId: adminAadObjectId,
  });
  const { text } = await bot.send({
    ...activity,
    entities: [{ type: 'mention', mentioned: { id: person.userId, name: person.userName }, text: mention }],
  });
  expect(text).to.match(new RegExp(`(is now|is already) ${role}`));
}
