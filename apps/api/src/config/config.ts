// Typed configuration, read once from the environment and validated at boot.
// A wrong value stops the process with a message naming the variable.
import { resolve } from 'node:path';
import { z } from 'zod';

/** The checkout root, from apps/api/dist/config/ (compiled) or apps/api/src/config/. */
const CHECKOUT_ROOT = resolve(__dirname, '..', '..', '..', '..');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  GLOSSA_DATA_DIR: z.string().min(1).default(resolve(CHECKOUT_ROOT, '.glossa-data')),
  GLOSSA_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  GLOSSA_WEB_DIST: z.string().min(1).default(resolve(CHECKOUT_ROOT, 'apps', 'web', 'dist')),
  GLOSSA_IMPORT_SEEDS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  GLOSSA_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type AppConfig = z.infer<typeof Env>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset, as shells and compose files often export them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
