/**
 * The Teams side of the tab, loaded only when the page runs inside Teams: teams-js fetches its
 * list of valid domains as soon as it loads, which a plain browser neither needs nor can reach.
 */
import { app, authentication } from '@microsoft/teams-js';

let where: { channel?: string; team?: string } = {};

/** Initialises the tab in Teams and follows its theme; false when Teams does not answer. */
export async function joinTeams(setTheme: (theme: string | undefined) => void): Promise<boolean> {
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('not in Teams')), 3000)),
    ]);
    const context = await app.getContext();
    where = {
      ...(context.channel?.id ? { channel: context.channel.id } : {}),
      ...(context.team?.internalId ? { team: context.team.internalId } : {}),
    };
    setTheme(context.app.theme);
    app.registerOnThemeChangeHandler(setTheme);
    app.notifySuccess();
    return true;
  } catch {
    return false;
  }
}

export function ssoToken(): Promise<string> {
  return authentication.getAuthToken();
}

/** The channel and team the tab is in, so that it shows that channel's partnership. */
export function tabWhere(): { channel?: string; team?: string } {
  return where;
}
