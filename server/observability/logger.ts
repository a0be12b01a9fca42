import { pino, stdTimeFunctions, type Logger } from 'pino';

export type { Logger };

/**
 * Where credentials could hide if someone logged a request or its headers: censored by pino itself, so a careless
 * `log.info({ headers })` still cannot leak a key or an embed token.
 */
const REDACT = ['authorization', 'cookie', 'key', 'token', 'secret', '*.authorization', '*.cookie', '*.key', '*.token', '*.secret', 'headers.authorization', 'req.headers.authorization'];

/** pino's levels, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export interface LoggerOptions {
  /** trace, debug, info, warn, error, fatal or silent. @default process.env.LOG_LEVEL ?? 'info' */
  level?: string;
  /** @default standard output, written synchronously so nothing is lost when the process is killed */
  destination?: NodeJS.WritableStream;
}

/** Structured JSON logs, one object per line. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const opts = { level: options.level ?? process.env.LOG_LEVEL ?? 'info', redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'rapport' }, timestamp: stdTimeFunctions.isoTime };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}
