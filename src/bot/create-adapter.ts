/**
 * The Bot Framework adapter: CloudAdapter with authentication built from the configuration.
 * With no app id it runs unauthenticated (local mode); with one, every request must carry a
 * valid Bot Framework token. Turn errors are logged in full and the member gets a short,
 * generic apology in a 1:1 or message turn, never the error text.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Logger } from 'pino';
import type { BotAuthConfig } from '../config.js';
import { loggableError } from './sdk-console.js';
import { isRecordsUnreadable, RECORDS_UNREADABLE_REPLY } from '../core/records/records-unreadable.js';
import { SAVE_FAILED_REPLY, SaveFailedError } from '../core/records/save-failed.js';
import { reportTurn } from './turn-report.js';
import { ReusingBotFrameworkAuthentication } from './reused-clients.js';

/**
 * The public cloud's settings with another place for the channel's signing keys. The SDK takes
 * any one of these settings to mean all are given, so the rest are the public cloud's own.
 */
function withOwnSigningKeys(openIdMetadataUrl: string): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

export function createAdapter(auth: BotAuthConfig, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: auth.MicrosoftAppId,
    MicrosoftAppPassword: auth.MicrosoftAppPassword,
    MicrosoftAppType: auth.MicrosoftAppType,
    MicrosoftAppTenantId: auth.MicrosoftAppTenantId,
    ...(auth.openIdMetadataUrl ? withOwnSigningKeys(auth.openIdMetadataUrl) : {}),
  };
  const authentication = new ReusingBotFrameworkAuthentication(options);
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    if (error instanceof SaveFailedError) {
      // Nothing was saved or confirmed; the member is told so plainly.
      reportTurn(context, { outcome: 'save-failed' });
      logger.warn({ err: error }, 'a change could not be saved');
      await apologise(logger, context, SAVE_FAILED_REPLY);
      return;
    }
    reportTurn(context, { outcome: 'error' });
    logTurnError(logger, context, error);
    // Trying again will not help until the operator mends the file: the member is told what is wrong.
    await apologise(logger, context, isRecordsUnreadable(error) ? RECORDS_UNREADABLE_REPLY : undefined);
  };
  return adapter;
}

function logTurnError(logger: Logger, context: TurnContext, error: unknown): void {
  try {
    logger.error(
      { err: loggableError(error), conversationType: context.activity.conversation?.conversationType },
      'turn failed',
    );
  } catch {
    // Logging must never hide the original failure from the adapter.
  }
}

async function apologise(
  logger: Logger,
  context: TurnContext,
  text = 'Sorry, something went wrong on my side answering that. Please try again in a moment.',
): Promise<void> {
  if (context.activity.type !== 'message') return;
  try {
    await context.sendActivity(text);
  } catch (sendError) {
    logger.error({ err: loggableError(sendError) }, 'could not tell the member about a failed turn');
  }
}
