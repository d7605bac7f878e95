/**
 * A Teams activity as a turn (see turns/turn.ts): the words with the bot's @mention removed, the
 * card button pressed (a Universal Action invoke or an Action.Submit message), the files attached.
 */
import type { Activity, Attachment, TurnContext } from 'botbuilder';
import type { PartnershipDirectory } from '../core/model/model.js';
import type { CardPress, SentFile, Turn } from '../turns/turn.js';
import { questionText } from './activity-text.js';
import { conversationRefOf } from './conversation-ref.js';
import { actorOf, mentionsOf } from './turn-people.js';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** The files in a message; a name without an extension takes the `fileType` Teams gives. */
function sentFiles(attachments: readonly Attachment[] | undefined): SentFile[] {
  return (attachments ?? []).flatMap((a) => {
    const content = a.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
    if (a.contentType !== FILE_DOWNLOAD_INFO || typeof content?.downloadUrl !== 'string') return [];
    const name = (a.name ?? '').trim() || 'file';
    const type =
      typeof content.fileType === 'string' && /^[a-z0-9]{1,10}$/i.test(content.fileType) ? content.fileType : '';
    return [{ name: name.includes('.') || type === '' ? name : `${name}.${type}`, downloadUrl: content.downloadUrl }];
  });
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The button pressed, if any. A verb the bot never sends is kept only as "unknown" (it could be any text). */
function cardPress(activity: Partial<Activity>): CardPress | undefined {
  if (activity.type === 'invoke') {
    const action = record(record(activity.value).action);
    return { verb: typeof action.verb === 'string' ? action.verb : '', data: record(action.data), via: 'invoke' };
  }
  const value = record(activity.value);
  return typeof value.verb === 'string' ? { verb: value.verb, data: value, via: 'submit' } : undefined;
}

export function turnFromActivity(
  context: TurnContext,
  admins: ReadonlySet<string>,
  now: Date,
  directory: PartnershipDirectory,
): Turn {
  const { activity } = context;
  const conversation = conversationRefOf(activity);
  const card = cardPress(activity);
  return {
    input: {
      text: activity.type === 'invoke' ? '' : questionText(activity),
      mentions: mentionsOf(activity),
      actor: actorOf(activity, admins),
      now,
      directory,
      ...(conversation ? { conversation } : {}),
      ...(activity.id ? { activityId: activity.id } : {}),
    },
    ...(card ? { card } : {}),
    files: activity.type === 'message' ? sentFiles(activity.attachments) : [],
    from: {
      ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
      ...(activity.from?.id ? { teamsId: activity.from.id } : {}),
    },
    working: async () => {
      await context.sendActivity({ type: 'typing' });
    },
  };
}
