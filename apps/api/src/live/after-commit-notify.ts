// Wakes the live readers once a transaction that wrote event rows has committed: this instance's
// tail directly, the other instances through one NOTIFY sent outside the write transaction
// (NOTIFY inside it serializes commits; docs/LIVE.md has the measurement). Coalesced: while one
// NOTIFY is in flight, later commits share the next one.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type InsertEvent, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { EVENTS_CHANNEL } from './live-channel';
import { LiveBus } from './live-bus';
import { EventLogTail } from './event-log-tail';

@Injectable()
export class AfterCommitNotify implements EntitySubscriberInterface<EventEntity> {
  /** Transactions that wrote at least one event and have not committed yet. */
  private readonly writers = new WeakSet<QueryRunner>();
  private sending = false;
  private again = false;

  constructor(
    dataSource: DataSource,
    private readonly bus: LiveBus,
    private readonly tail: EventLogTail,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof EventEntity {
    return EventEntity;
  }

  afterInsert(event: InsertEvent<EventEntity>): void {
    if (event.queryRunner.isTransactionActive) this.writers.add(event.queryRunner);
    else this.committed();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not a commit; only the outermost one is.
    if (event.queryRunner.isTransactionActive || !this.writers.has(event.queryRunner)) return;
    this.writers.delete(event.queryRunner);
    this.committed();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.writers.delete(event.queryRunner);
  }

  private committed(): void {
    this.tail.wake();
    this.broadcast();
  }

  private broadcast(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    void this.bus.notify(EVENTS_CHANNEL, this.bus.instanceId).finally(() => {
      this.sending = false;
      if (this.again) {
        this.again = false;
        this.broadcast();
      }
    });
  }
}
