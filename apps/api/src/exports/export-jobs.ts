// Exports run as jobs: the prepared export is written into the database in 1 MiB slices while
// the job row records progress and a heartbeat; any instance can then report the job and serve
// the file. A job whose heartbeat stops (its server died) reads as failed; jobs and their files
// older than a day are removed when a new one starts.
import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { API_PREFIX, Routes, type ExportFormat, type ExportJob, type ExportJobStatus } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { returnedRows } from '../database/returning';
import type { PreparedExport } from './export-runner';

/** Bytes per stored slice of a job's file. */
const SLICE_BYTES = 1024 * 1024;
/** A running job whose heartbeat is older than this has lost its server. */
const STALE_AFTER_SECONDS = 30;
/** How long finished jobs and their files are kept. */
const KEEP_HOURS = 24;
/** How often a running job says it is alive, whatever its pace. */
const HEARTBEAT_MS = 10_000;
/** Slices read per query when a file is downloaded. */
const SLICES_PER_READ = 4;

interface JobRow {
  id: string;
  user_id: string;
  workspace_id: string;
  format: ExportFormat;
  content_type: string;
  disposition: string;
  status: ExportJobStatus;
  total: number;
  done: number;
  bytes: string;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  stale: boolean;
}

const JOB_COLUMNS = `id, user_id, workspace_id, format, content_type, disposition, status, total, done, bytes, error, created_at, finished_at,
  (status = 'running' AND heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})) AS stale`;

const INTERRUPTED = 'The export stopped before it was finished (its server stopped); start it again';
const FAILED = 'The export failed; start it again';

/** The file name a Content-Disposition value carries (the UTF-8 `filename*` when present). */
function fileNameOf(disposition: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? 'export';
}

function present(row: JobRow): ExportJob {
  const status: ExportJobStatus = row.stale ? 'failed' : row.status;
  return {
    id: row.id,
    status,
    format: row.format,
    fileName: fileNameOf(row.disposition),
    total: row.total,
    done: row.done,
    bytes: Number(row.bytes),
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: row.stale ? INTERRUPTED : row.error,
    fileUrl: status === 'done' ? `${API_PREFIX}${Routes.exportJobFile.replace(':id', row.id)}` : null,
  };
}

@Injectable()
export class ExportJobs {
  private readonly logger = new Logger('ExportJobs');

  constructor(private readonly dataSource: DataSource) {}

  /** Records the job and writes the file in the background; answers the job as it starts. */
  async start(userId: string, workspaceId: string, prepared: PreparedExport): Promise<ExportJob> {
    let row: JobRow;
    try {
      await this.dataSource.query(`DELETE FROM export_job WHERE created_at < now() - make_interval(hours => ${KEEP_HOURS})`);
      [row] = (await this.dataSource.query(
        `INSERT INTO export_job (user_id, workspace_id, format, content_type, disposition, status, total)
         VALUES ($1, $2, $3, $4, $5, 'running', $6) RETURNING ${JOB_COLUMNS}`,
        [userId, workspaceId, prepared.format, prepared.contentType, prepared.disposition, prepared.count],
      )) as JobRow[];
    } catch (error) {
      if (prepared.body instanceof Readable) prepared.body.destroy();
      throw error;
    }
    void this.write(row!.id, prepared);
    return present(row!);
  }

  private async write(jobId: string, prepared: PreparedExport): Promise<void> {
    const body = prepared.body instanceof Readable ? prepared.body : Readable.from([prepared.body]);
    let slice = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let bytes = 0;
    /** Stores the pending bytes as the next slice; false when the job is gone (cancelled). */
    const flush = async (): Promise<boolean> => {
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      bytes += data.length;
      return this.dataSource.transaction(async (manager) => {
        const updated = returnedRows<{ id: string }>(
          await manager.query(`UPDATE export_job SET bytes = $2, done = $3, heartbeat_at = now() WHERE id = $1 AND status = 'running' RETURNING id`, [
            jobId,
            bytes,
            prepared.progress(),
          ]),
        );
        if (updated.length === 0) return false;
        if (data.length > 0) await manager.query(`INSERT INTO export_chunk (job_id, n, data) VALUES ($1, $2, $3)`, [jobId, slice++, data]);
        return true;
      });
    };
    const beat = setInterval(() => {
      void this.dataSource.query(`UPDATE export_job SET heartbeat_at = now() WHERE id = $1 AND status = 'running'`, [jobId]).catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      for await (const chunk of body) {
        pending.push(chunk as Buffer);
        pendingBytes += (chunk as Buffer).length;
        if (pendingBytes >= SLICE_BYTES && !(await flush())) {
          body.destroy();
          return;
        }
      }
      if (!(await flush())) return;
      await this.dataSource.query(`UPDATE export_job SET status = 'done', done = total, finished_at = now(), heartbeat_at = now() WHERE id = $1 AND status = 'running'`, [jobId]);
    } catch (error) {
      body.destroy();
      this.logger.error(`export job ${jobId} failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.dataSource
        .query(`UPDATE export_job SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`, [jobId, FAILED])
        .catch(() => undefined);
    } finally {
      clearInterval(beat);
    }
  }

  /** The person's job (anyone else's, or a missing one, is "not found"). */
  async get(userId: string, jobId: string): Promise<ExportJob> {
    return present(await this.row(userId, jobId));
  }

  async list(userId: string): Promise<ExportJob[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM export_job WHERE user_id = $1 AND created_at >= now() - make_interval(hours => ${KEEP_HOURS}) ORDER BY created_at DESC LIMIT 50`,
      [userId],
    )) as JobRow[];
    return rows.map(present);
  }

  /** Cancels a running job (its writer stops at the next slice) or removes a finished one. */
  async remove(userId: string, jobId: string): Promise<void> {
    await this.row(userId, jobId);
    await this.dataSource.query(`DELETE FROM export_job WHERE id = $1`, [jobId]);
  }

  /** A finished job's file: headers, size and a stream of its slices in order. */
  async file(userId: string, jobId: string, stillMember: (workspaceId: string) => Promise<boolean>): Promise<{ job: JobRow; body: Readable }> {
    const job = await this.row(userId, jobId);
    // Access ends with membership, also for files made before.
    if (!(await stillMember(job.workspace_id))) throw DomainError.notFound('Export');
    if (job.stale || job.status !== 'done') throw DomainError.conflict(job.status === 'running' && !job.stale ? 'The export is still running' : 'The export failed; start it again');
    const dataSource = this.dataSource;
    async function* slices(): AsyncGenerator<Buffer> {
      for (let from = 0; ; from += SLICES_PER_READ) {
        const rows = (await dataSource.query(`SELECT data FROM export_chunk WHERE job_id = $1 AND n >= $2 ORDER BY n LIMIT ${SLICES_PER_READ}`, [jobId, from])) as Array<{ data: Buffer }>;
        for (const row of rows) yield row.data;
        if (rows.length < SLICES_PER_READ) return;
      }
    }
    return { job, body: Readable.from(slices(), { objectMode: false }) };
  }

  private async row(userId: string, jobId: string): Promise<JobRow> {
    const [row] = (await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM export_job WHERE id = $1 AND user_id = $2`, [jobId, userId])) as JobRow[];
    if (!row) throw DomainError.notFound('Export');
    return row;
  }
}
