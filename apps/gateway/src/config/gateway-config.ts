import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** The gateway's environment, validated once at start. */
export const GatewayEnv = z.object({
  PORT: z.coerce
    .number({ error: 'expected a port number from 0 to 65535' })
    .int('expected a port number from 0 to 65535')
    .min(0, 'expected a port number from 0 to 65535')
    .max(65535, 'expected a port number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ICC_DATA_DIR: z.string().min(1).default('./data'),
  ICC_VENDOR: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a lower-case vendor name such as mock')
    .default('mock'),
  ICC_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ICC_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ICC_FAKE_CLOCK: z.iso
    .datetime({ offset: true, message: 'expected an ISO-8601 instant such as 2026-03-10T09:00:00Z' })
    .optional(),
  ICC_DEMO_TRAFFIC: booleanFlag,
  /** Public intake: sustained requests per second per client IP (bursts of six times that). */
  ICC_INTAKE_RATE_PER_SECOND: z.coerce.number({ error: 'expected requests per second, e.g. 5' }).positive('must be more than 0').max(100_000).default(5),
  ICC_WORKSPACE_DIR: z.string().min(1).default('dist/apps/workspace'),
  ICC_OPENFRAME_DIR: z.string().min(1).default('dist/apps/servicenow-openframe'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});
export type GatewayEnv = z.infer<typeof GatewayEnv>;

/** A configuration problem, worded as one line that names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; an empty variable counts as unset. Throws `ConfigError`. */
export function parseGatewayEnv(env: Record<string, string | undefined>): GatewayEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = GatewayEnv.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') || 'environment';
    throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid value'} (got ${JSON.stringify(present[variable] ?? '')})`);
  }
  const config = parsed.data;
  if (config.ICC_FAKE_CLOCK !== undefined && config.NODE_ENV === 'production') {
    throw new ConfigError('ICC_FAKE_CLOCK: the fake clock is refused when NODE_ENV=production');
  }
  return config;
}
