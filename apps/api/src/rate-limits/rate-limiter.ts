// Fixed-window attempt counters in PostgreSQL, shared by every API instance (the API is stateless).
// Keys are HMACs of an email or IP under the session secret: the table holds neither in clear.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { hmacHex } from '../common/secrets';

/** About one request in this many also sweeps out windows that ended, so the table stays small. */
const SWEEP_EVERY = 100;

/** What a counter counts, and over which subject; one constant per counter. */
export const Counter = {
  LoginFailuresByAccount: 'login-account',
  LoginFailuresByIp: 'login-ip',
  SignupsByAccount: 'signup-account',
  SignupsByIp: 'signup-ip',
} as const;
export type Counter = (typeof Counter)[keyof typeof Counter];

export interface Limit {
  counter: Counter;
  subject: string;
  max: number;
}

@Injectable()
export class RateLimiter {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(limit: Pick<Limit, 'counter' | 'subject'>): string {
    return `${limit.counter}:${hmacHex(this.config.GLOSSA_SESSION_SECRET, limit.subject)}`;
  }

  private get windowSeconds(): number {
    return this.config.GLOSSA_RATE_LIMIT_WINDOW_SECONDS;
  }

  /**
   * Counts one attempt against every limit and answers how many seconds to wait when that
   * went over any of them (null: go ahead). Counting before acting keeps a burst of parallel
   * attempts from slipping past the check; a success can hand its count back with `refund`.
   */
  async consume(limits: Limit[]): Promise<number | null> {
    if (Math.random() * SWEEP_EVERY < 1) {
      await this.dataSource.query(`DELETE FROM rate_limit WHERE window_started_at <= now() - make_interval(secs => $1)`, [this.windowSeconds]);
    }
    let wait: number | null = null;
    for (const limit of limits) {
      const rows: Array<{ hits: number; remaining: number }> = await this.dataSource.query(
        `INSERT INTO rate_limit AS r (key, window_started_at, hits) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
           window_started_at = CASE WHEN r.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE r.window_started_at END
         RETURNING hits, EXTRACT(EPOCH FROM window_started_at + make_interval(secs => $2) - now())::float8 AS remaining`,
        [this.key(limit), this.windowSeconds],
      );
      const row = rows[0];
      if (row && row.hits > limit.max) wait = Math.max(wait ?? 0, row.remaining);
    }
    return wait;
  }

  /** Hands back one counted attempt (a successful sign-in is not a failure). */
  async refund(limit: Pick<Limit, 'counter' | 'subject'>): Promise<void> {
    await this.dataSource.query(`UPDATE rate_limit SET hits = GREATEST(hits - 1, 0) WHERE key = $1`, [this.key(limit)]);
  }

  async reset(limit: Pick<Limit, 'counter' | 'subject'>): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit WHERE key = $1`, [this.key(limit)]);
  }
}
