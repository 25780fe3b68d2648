// A small pool of worker threads (piscina) that convert imports off the main thread,
// so one large or pathological upload cannot stall every other request.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { DomainError } from '../../common/domain-error';
import type { ConvertRequest, ConvertResult } from './convert-types';

/** Leave one core to the event loop; at least one worker. */
const MAX_THREADS = Math.max(1, availableParallelism() - 1);
/** Conversions waiting beyond this are refused rather than queued without bound. */
const MAX_QUEUE = 64;
/** What a refused import is told to wait: a conversion takes well under a second in the usual case. */
const RETRY_AFTER_SECONDS = 2;
/** Conversions one person may have waiting or running on this instance; the rest of the queue stays for others. */
export const MAX_CONVERSIONS_PER_OWNER = 8;

@Injectable()
export class DocumentConverter implements OnModuleDestroy {
  private readonly pool = new Piscina<ConvertRequest, ConvertResult>({
    filename: join(__dirname, 'convert.worker.js'),
    minThreads: 1,
    maxThreads: MAX_THREADS,
    maxQueue: MAX_QUEUE,
    idleTimeout: 60_000,
  });

  private readonly inFlight = new Map<string, number>();

  /**
   * Converts on a worker. One person's burst is capped at MAX_CONVERSIONS_PER_OWNER and a full
   * queue refused: both are a 429 with Retry-After (SECURITY.md F4), never an unexplained 500.
   * `owner` is the importing user (null for seeds, which are not capped).
   */
  async convert(request: ConvertRequest, owner: string | null = null): Promise<ConvertResult> {
    const mine = owner === null ? 0 : (this.inFlight.get(owner) ?? 0);
    if (mine >= MAX_CONVERSIONS_PER_OWNER || this.pool.queueSize >= MAX_QUEUE) throw DomainError.rateLimited(RETRY_AFTER_SECONDS);
    if (owner !== null) this.inFlight.set(owner, mine + 1);
    try {
      return await this.pool.run(request);
    } catch (error) {
      if (error instanceof Error && error.message === 'Task queue is at limit') throw DomainError.rateLimited(RETRY_AFTER_SECONDS);
      throw error;
    } finally {
      if (owner !== null) {
        const left = (this.inFlight.get(owner) ?? 1) - 1;
        if (left > 0) this.inFlight.set(owner, left);
        else this.inFlight.delete(owner);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
