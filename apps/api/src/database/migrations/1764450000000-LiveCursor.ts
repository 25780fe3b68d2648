// A commit-safe position in the event log for live updates and resync (docs/LIVE.md).
// `seq` comes from a sequence, so a later seq can commit before an earlier one and a reader of
// "seq > N" can skip a row; the writing transaction's id orders rows by when they can be final:
// every row with txid below the oldest running transaction (snapshot xmin) is committed or gone.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveCursor1764450000000 implements MigrationInterface {
  name = 'LiveCursor1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    // The instances' tail of the whole log, and a document's resync within its workspace.
    await q.query(`CREATE INDEX event_txid_seq ON event (txid, seq)`);
    await q.query(`CREATE INDEX event_workspace_txid_seq ON event (workspace_id, txid, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX event_workspace_txid_seq`);
    await q.query(`DROP INDEX event_txid_seq`);
    await q.query(`ALTER TABLE event DROP COLUMN txid`);
  }
}
