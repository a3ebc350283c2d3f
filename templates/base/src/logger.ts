import { type DestinationStream, pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { currentRequestId } from './request-context.js';

export type { Logger };

/**
 * JSON lines on stdout, or readable lines in development. Tests pass a `destination` to read what was logged.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_PRETTY' | 'NODE_ENV'>,
  destination?: DestinationStream,
): Logger {
  const pretty = destination === undefined && (config.LOG_PRETTY ?? config.NODE_ENV === 'development');
  const options = {
    level: config.LOG_LEVEL,
    // Every line logged while a request is being handled carries its id, however deep the call.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.secret',
        'DATABASE_URL',
      ],
      censor: '[redacted]',
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  };
  if (pretty) return pino(options);
  // Asynchronous writes: a synchronous write per line stalls the event loop under load. pino
  // flushes what is buffered when the process exits, fatal errors included.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
