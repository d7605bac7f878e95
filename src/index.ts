/**
 * Entry point: reads the configuration (the environment, and .env when there is one), starts
 * the application and stops it cleanly on SIGINT/SIGTERM. In local mode (no MicrosoftAppId) it
 * says so loudly: anyone who can reach the port can talk to the bot.
 */
import { pino } from 'pino';
import { startApp } from './app.js';
import { routeSdkConsole } from './bot/sdk-console.js';
import { ConfigError, describeConfigSource, loadConfig, readEnvFile } from './config.js';

async function main(): Promise<void> {
  const source = readEnvFile();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    // Say which file a bad value may have come from.
    if (error instanceof ConfigError) console.error(describeConfigSource(source));
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  routeSdkConsole(logger);
  logger.info({ envFile: source.envFile ?? null, fromFile: source.fromFile }, describeConfigSource(source));
  const app = await startApp(config, logger);
  if (config.localMode) {
    logger.warn(
      'LOCAL MODE: MicrosoftAppId is not set, so requests are NOT authenticated. Use this only on your own machine ' +
        '(Microsoft 365 Agents Playground, tests). Set MicrosoftAppId and MicrosoftAppPassword before exposing the bot.',
    );
  }
  // Last: whoever waits for the bot to be up has every start-up line by then.
  logger.info({ url: app.url, dataFile: config.dataFile }, 'bot listening on /api/messages');
  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping');
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || (error instanceof Error && error.name === 'StoreError')) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
