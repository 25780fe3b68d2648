// Follows the committed event log for this instance: on every wake-up (NOTIFY, a local commit,
// or the safety-net timer) it reads the rows after its position that are final — written by
// transactions older than every running one (txid < snapshot xmin) — in (txid, seq) order, and
// hands them to the fan-out. Rows of still-running older transactions are never skipped.
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENTS_CHANNEL } from './live-channel';
import { LiveBus } from './live-bus';
import { laterOf, type Position } from './live-cursor';
import { EVENT_COLUMNS, positionOf, type LiveEventRow } from './event-row';
import type { LoadedSubjects } from './live-changes';
import { LiveConnections } from './live-connections';
import { LiveFanout } from './live-fanout';

/** Rows read per query; a longer backlog is read in several. */
const BATCH = 500;
/** A wake-up can be lost (NOTIFY is best effort); the log is re-read at least this often. */
const SAFETY_NET_MS = 1_000;
/** Committed rows wait behind an older running transaction; look again soon, then less often. */
const HELD_BACK_FIRST_RETRY_MS = 5;
const HELD_BACK_LAST_RETRY_MS = 250;

@Injectable()
export class EventLogTail implements OnModuleInit, OnApplicationShutdown {
  private position: Position = { txid: 0n, seq: 0n };
  private running = false;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private retryMs = HELD_BACK_FIRST_RETRY_MS;
  private readonly log = new Logger('EventLogTail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: LiveBus,
    private readonly fanout: LiveFanout,
    private readonly connections: LiveConnections,
  ) {}

  async onModuleInit(): Promise<void> {
    await rebaseRestoredHistory(this.dataSource);
    // Start at the present: what committed before this instance existed has no listener here.
    const [row] = (await this.dataSource.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)) as Array<{ xmin: string }>;
    this.position = { txid: BigInt(row!.xmin), seq: 0n };
    this.bus.on(EVENTS_CHANNEL, (payload) => {
      if (payload !== this.bus.instanceId) this.wake();
    });
    // After a reconnect, NOTIFYs sent meanwhile were not heard: read what is there.
    this.bus.onListening(() => this.wake());
    this.timer = setInterval(() => this.wake(true), SAFETY_NET_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
  }

  /** Everything up to here was handed to this instance's sockets. */
  get current(): Position {
    return this.position;
  }

  /**
   * Reads what is new. With no socket here only the timer's wake-ups move the position (once a
   * second), so commits cost an idle instance nothing; a first subscriber without a cursor may
   * then also receive changes of the last second it already loaded, which clients apply idempotently.
   */
  wake(timer = false): void {
    if (this.stopped || (!timer && this.fanout.idle)) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      // Nobody to tell: move past everything final without reading it.
      if (this.fanout.idle) return await this.skipToFrontier();
      for (;;) {
        const { rows, heldBack } = await this.read();
        if (rows.length > 0) {
          // Loading skips rooms nobody is in; if someone joined meanwhile, load again for them.
          let generation: number;
          let loaded: LoadedSubjects;
          do {
            generation = this.connections.generation;
            loaded = await this.fanout.load(rows);
          } while (generation !== this.connections.generation);
          // Emitting and moving the position happen in one tick, so a subscriber that joins
          // meanwhile either receives these rows live or below its acknowledged cursor.
          this.fanout.emit(rows, loaded);
          this.position = positionOf(rows[rows.length - 1]!);
          this.fanout.after(rows);
        }
        if (heldBack) this.scheduleRetry();
        else this.retryMs = HELD_BACK_FIRST_RETRY_MS;
        if (rows.length < BATCH) return;
      }
    } catch (error) {
      // The database may be restarting; the safety-net timer tries again.
      this.log.warn(`Reading the event log failed: ${(error as Error).message}`);
    }
  }

  private scheduleRetry(): void {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.wake();
    }, this.retryMs);
    this.retryMs = Math.min(HELD_BACK_LAST_RETRY_MS, this.retryMs * 2);
  }

  private async skipToFrontier(): Promise<void> {
    const generation = this.connections.generation;
    const [row] = (await this.dataSource.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)) as Array<{ xmin: string }>;
    // Someone subscribed meanwhile at the old position: read the rows for them instead.
    if (generation !== this.connections.generation) {
      this.again = true;
      return;
    }
    this.position = laterOf(this.position, { txid: BigInt(row!.xmin), seq: 0n });
  }

  /** The next final rows after the position, and whether later committed rows had to wait. */
  private async read(): Promise<{ rows: LiveEventRow[]; heldBack: boolean }> {
    const rows: Array<LiveEventRow & { xmin: string }> = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS}, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
         FROM event e
        WHERE (e.txid, e.seq) > ($1::text::xid8, $2::bigint)
        ORDER BY e.txid, e.seq
        LIMIT ${BATCH}`,
      [this.position.txid.toString(), this.position.seq.toString()],
    );
    if (rows.length === 0) return { rows: [], heldBack: false };
    const xmin = BigInt(rows[0]!.xmin);
    // Ordered by txid, so the final rows are a prefix.
    const prefix: LiveEventRow[] = [];
    for (const { xmin: _xmin, ...row } of rows) {
      if (BigInt(row.txid) >= xmin) break;
      prefix.push(row);
    }
    return { rows: prefix, heldBack: prefix.length < rows.length };
  }
}

/**
 * A database restored into another cluster (pg_dump/pg_restore, a logical copy) keeps the old
 * cluster's transaction ids in the log. Ids at or past this cluster's next one cannot have been
 * written here; left alone they would sort after every new event and hold cursors back. They are
 * history, so they move to the first normal id, ahead of everything this cluster writes. Cursors
 * clients kept from before the restore are then "from the future" and refused as too old.
 */
export async function rebaseRestoredHistory(dataSource: DataSource): Promise<number> {
  const [, affected] = (await dataSource.query(`UPDATE event SET txid = '3'::xid8 WHERE txid >= pg_snapshot_xmax(pg_current_snapshot())`)) as [unknown, number];
  if (affected > 0) new Logger('EventLogTail').warn(`Rebased ${affected} restored events written by another cluster`);
  return affected;
}
