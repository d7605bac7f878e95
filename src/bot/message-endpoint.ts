/**
 * Connects the HTTP edge to the bot: each POSTed activity is processed by the CloudAdapter,
 * which authenticates it (outside local mode), runs the bot's turn and writes the response.
 */
import type { ActivityHandler, CloudAdapter, Request, Response } from 'botbuilder';

export function createMessageEndpoint(adapter: CloudAdapter, bot: ActivityHandler): (req: Request, res: Response) => Promise<void> {
  return (req, res) => adapter.process(req, res, (context) => bot.run(context));
}
