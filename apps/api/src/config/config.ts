// Typed configuration, read once from the environment and validated at boot.
// A wrong value stops the process with a message naming the variable.
import { resolve } from 'node:path';
import { z } from 'zod';

/** The checkout root, from apps/api/dist/config/ (compiled) or apps/api/src/config/. */
const CHECKOUT_ROOT = resolve(__dirname, '..', '..', '..', '..');

const flag = (fallback: 'true' | 'false') => z.enum(['true', 'false']).default(fallback).transform((v) => v === 'true');
const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** Used only outside production, so a developer needs no setup; production must bring its own. */
export const DEVELOPMENT_SESSION_SECRET = 'glossa-development-secret-never-use-in-production';
export const MIN_SESSION_SECRET_LENGTH = 32;
/** A secret of one repeated character (or a handful) is long but not strong. */
const MIN_SESSION_SECRET_DISTINCT = 10;

/**
 * Fastify's trustProxy: unset/false trusts no X-Forwarded-For; `true` trusts any hop (only behind
 * a proxy that overwrites the header); a number trusts that many hops; otherwise a comma-separated
 * list of proxy addresses or CIDRs.
 */
const TrustProxy = z
  .string()
  .default('false')
  .transform((value): boolean | number | string[] => {
    if (value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((part) => part.trim()).filter(Boolean);
  });

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
  /** The origin people reach Glossa at; https:// turns on Secure and __Host- cookies. Default http://localhost:PORT. */
  GLOSSA_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  /** Lets anyone sign up and get a workspace of their own; otherwise only the first account and invitees can. */
  GLOSSA_OPEN_SIGNUP: flag('false'),
  GLOSSA_SESSION_SECRET: z.string().optional(),
  GLOSSA_TRUST_PROXY: TrustProxy,
  GLOSSA_LOGIN_MAX_FAILURES_PER_ACCOUNT: count(10),
  GLOSSA_LOGIN_MAX_FAILURES_PER_IP: count(30),
  GLOSSA_SIGNUP_MAX_PER_ACCOUNT: count(5),
  GLOSSA_SIGNUP_MAX_PER_IP: count(10),
  GLOSSA_RATE_LIMIT_WINDOW_SECONDS: count(900),
  /** Memory for each instance's cache of whole annotation lists (per document and reader); 0 turns it off. */
  GLOSSA_LIST_CACHE_MB: z.coerce.number().int().min(0).max(4_096).default(64),
  /** A request whose headers and body take longer than this to arrive is answered 408 and closed (a trickling upload). */
  GLOSSA_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** Live updates over Socket.IO at /socket.io (docs/LIVE.md); every instance on one database should agree. */
  GLOSSA_LIVE: flag('true'),
  /** Origins besides the app's own whose pages may open a live connection: comma-separated scheme://host[:port]. */
  GLOSSA_LIVE_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must list http:// or https:// origins, comma-separated' }))),
});

type ParsedEnv = z.infer<typeof Env>;

export type AppConfig = Omit<ParsedEnv, 'GLOSSA_PUBLIC_URL' | 'GLOSSA_SESSION_SECRET'> & {
  /** The public origin (scheme://host[:port]), without a path. */
  GLOSSA_PUBLIC_URL: string;
  GLOSSA_SESSION_SECRET: string;
  /** True when served over HTTPS: cookies get Secure and the __Host- prefix. */
  secureCookies: boolean;
};

function sessionSecretProblem(env: ParsedEnv): string | null {
  const secret = env.GLOSSA_SESSION_SECRET;
  if (env.NODE_ENV !== 'production') return null;
  if (!secret) return `is required when NODE_ENV=production (at least ${MIN_SESSION_SECRET_LENGTH} random characters, e.g. \`openssl rand -base64 48\`)`;
  if (secret.length < MIN_SESSION_SECRET_LENGTH || new Set(secret).size < MIN_SESSION_SECRET_DISTINCT || secret === DEVELOPMENT_SESSION_SECRET) {
    return `is too weak: use at least ${MIN_SESSION_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 48\`)`;
  }
  return null;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset, as shells and compose files often export them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const secretProblem = sessionSecretProblem(values);
  if (secretProblem) throw new ConfigError(`Invalid configuration:\n  GLOSSA_SESSION_SECRET: ${secretProblem}`);
  const publicUrl = new URL(values.GLOSSA_PUBLIC_URL ?? `http://localhost:${values.PORT}`).origin;
  return {
    ...values,
    GLOSSA_PUBLIC_URL: publicUrl,
    GLOSSA_SESSION_SECRET: values.GLOSSA_SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    secureCookies: publicUrl.startsWith('https:'),
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
