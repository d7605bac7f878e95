/** The channel tab's configuration page: one click adds the Partnership tab to the channel. */
import { app, pages } from '@microsoft/teams-js';

async function main(): Promise<void> {
  await app.initialize();
  pages.config.registerOnSaveHandler((event) => {
    pages.config
      .setConfig({
        entityId: 'partnership',
        contentUrl: `${window.location.origin}/tab`,
        websiteUrl: `${window.location.origin}/tab`,
        suggestedDisplayName: 'Partnership',
      })
      .then(() => event.notifySuccess())
      .catch((error: unknown) => event.notifyFailure(String(error)));
  });
  pages.config.setValidityState(true);
  app.notifySuccess();
}

void main();
