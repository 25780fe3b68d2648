// A small pool of worker threads (piscina) that convert imports off the main thread,
// so one large or pathological upload cannot stall every other request.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { ConvertRequest, ConvertResult } from './convert-types';

/** Leave one core to the event loop; at least one worker. */
const MAX_THREADS = Math.max(1, availableParallelism() - 1);
/** Conversions waiting beyond this are refused rather than queued without bound. */
const MAX_QUEUE = 64;

@Injectable()
export class DocumentConverter implements OnModuleDestroy {
  private readonly pool = new Piscina<ConvertRequest, ConvertResult>({
    filename: join(__dirname, 'convert.worker.js'),
    minThreads: 1,
    maxThreads: MAX_THREADS,
    maxQueue: MAX_QUEUE,
    idleTimeout: 60_000,
  });

  convert(request: ConvertRequest): Promise<ConvertResult> {
    return this.pool.run(request);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
