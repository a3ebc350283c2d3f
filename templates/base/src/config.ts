import { existsSync } from 'node:fs';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Unset: every interface in production (the container's port must be reachable), loopback elsewhere,
    // so a development server, which puts error details in its responses, is not open to the network.
    HOST: z.string().min(1).optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: booleanFlag.optional(),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
      .pipe(z.array(z.url({ error: 'list full origins such as https://app.example.com, comma separated; a wildcard is not allowed' }))),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'use a size such as 100kb or 1mb').default('100kb'),
    // On SIGTERM, how long to keep accepting connections (readiness 503, `Connection: close`) before the
    // drain, for a load balancer still routing here. 0 where the platform stops routing before it signals.
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(0),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    READINESS_TIMEOUT_MS: z.coerce.number().int().min(1).default(1_000),
  })
  .transform((config) => ({ ...config, HOST: config.HOST ?? (config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1') }));

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once, at start-up, and reports every bad variable together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in .env) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  const problems = [
    ...(result.error?.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`) ?? []),
    // Checked here rather than in the schema, so they are reported together with the other problems.
    ...(present.NODE_ENV === 'production' && present.DATABASE_URL === undefined
      ? ['DATABASE_URL: is required when NODE_ENV is production (the embedded database is for development only)']
      : []),
    ...(present.NODE_ENV === 'production' && (present.LOG_PRETTY === 'true' || present.LOG_PRETTY === '1')
      ? ['LOG_PRETTY: must not be true when NODE_ENV is production (pino-pretty is a development dependency, not installed there)']
      : []),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/** Loads `.env` into process.env outside production, where the platform provides the environment. */
export function loadDotEnv(path = '.env'): void {
  if (process.env.NODE_ENV !== 'production' && existsSync(path)) {
    process.loadEnvFile(path);
  }
}
