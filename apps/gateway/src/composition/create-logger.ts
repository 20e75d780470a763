import pino, { type Logger as PinoLogger } from 'pino';

/** JSON logs on stdout; request logs never carry bodies, and secrets are redacted if they slip in. */
export function createLogger(level: string): PinoLogger {
  return pino({
    level,
    base: { service: 'icc-gateway' },
    redact: ['req.headers.authorization', 'token', 'headers.authorization', 'headers["x-icc-signature"]'],
  });
}
