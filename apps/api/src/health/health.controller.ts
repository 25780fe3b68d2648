// GET /api/health: 200 only while the database answers, 503 otherwise.
import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Routes, type HealthBody } from '@glossa/contracts';
import { RETRY_AFTER_SECONDS } from '../http/error-response';
import { Public } from '../auth/actor';

/** A probe must answer quickly even when the database hangs rather than refuses. */
const PROBE_TIMEOUT_MS = 2_000;

@Public()
@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(Routes.health)
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthBody> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
        }),
      ]);
      return { status: 'ok' };
    } catch {
      void reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
      return { status: 'unavailable' };
    } finally {
      clearTimeout(timer);
    }
  }
}
