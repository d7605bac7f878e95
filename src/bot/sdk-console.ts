/**
 * The Bot Framework SDK writes its own failures (a refused token, a missing activity type) to the
 * console, with stack traces, outside the one-JSON-line-per-event logs. The running bot routes them
 * into the logger: one line each, the first line of the message only, no stack.
 */
import { format } from 'node:util';
import type { Logger } from 'pino';

export function routeSdkConsole(logger: Logger): void {
  const line = (args: unknown[]): string => {
    const first = args[0] instanceof Error ? `${args[0].name}: ${args[0].message}` : format(...args);
    return (first.split('\n')[0] ?? '').slice(0, 300);
  };
  console.error = (...args: unknown[]) => logger.warn({ source: 'sdk' }, line(args));
  console.warn = (...args: unknown[]) => logger.warn({ source: 'sdk' }, line(args));
}

/** What of an error may be logged: its kind and status, and the first line of its message, without the bodies a connector error carries. */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 200) };
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    type: error.name,
    message: (error.message.split('\n')[0] ?? '').slice(0, 200),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}
