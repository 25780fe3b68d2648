// Per-socket message rate: up to LIVE_MAX_MESSAGES_PER_SECOND in any one-second window are
// handled; more are refused (rate_limited), and a socket that keeps going at twice the rate is
// dropped. Counted per socket, in memory: a socket lives on one instance.
import { LIVE_MAX_MESSAGES_PER_SECOND } from '@glossa/contracts';

export type RateVerdict = 'ok' | 'refuse' | 'drop';

const WINDOW_MS = 1_000;

export class SocketRate {
  private windowStart = 0;
  private count = 0;

  constructor(
    private readonly limit = LIVE_MAX_MESSAGES_PER_SECOND,
    private readonly now: () => number = Date.now,
  ) {}

  take(): RateVerdict {
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    if (this.count <= this.limit) return 'ok';
    return this.count > 2 * this.limit ? 'drop' : 'refuse';
  }
}
