// A logical backup and restore over the PostgreSQL protocol, for H5. The embedded server is
// PostgreSQL 18 and the only pg_dump on the machine is Debian's 15, which refuses newer servers, so
// the dump is every table's rows as JSON (exact for text, jsonb, uuid, timestamptz, bytea, xid8)
// plus the sequences; the restore loads them into a database whose schema the API's migrations built.
import { writeFileSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

export interface LogicalDump {
  tables: Record<string, unknown[]>;
  sequences: Record<string, string>;
}

/** The schema's own bookkeeping: the migrations the fresh database already ran. */
const SKIPPED_TABLES = new Set(['migrations']);

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function userTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return rows.map((r) => r.name).filter((name) => !SKIPPED_TABLES.has(name));
}

/** Dumps every row of every table (one consistent snapshot) and every sequence to `file`. */
export async function dumpDatabase(url: string, file: string): Promise<LogicalDump> {
  const dump = await withClient(url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables: Record<string, unknown[]> = {};
    for (const table of await userTables(client)) {
      const { rows } = await client.query<{ rows: unknown[] | null }>(`SELECT json_agg(t) AS rows FROM "${table}" t`);
      tables[table] = rows[0]!.rows ?? [];
    }
    const sequences: Record<string, string> = {};
    const { rows: seqs } = await client.query<{ name: string; value: string | null }>(`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`);
    for (const s of seqs) if (s.value !== null) sequences[s.name] = s.value;
    await client.query('COMMIT');
    return { tables, sequences };
  });
  writeFileSync(file, JSON.stringify(dump));
  return dump;
}

/**
 * Loads a dump file into a database whose schema is current and whose tables are emptied first.
 * Foreign keys are checked by PostgreSQL as usual at the end: rows go in parent-first order, found
 * by retrying a table whose parents are not loaded yet.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const dump = JSON.parse(readFileSync(file, 'utf8')) as LogicalDump;
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    const tables = await userTables(client);
    await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
    // Defer what can be deferred; the order below handles the rest.
    await client.query('SET CONSTRAINTS ALL DEFERRED');
    const pending = Object.keys(dump.tables);
    let rounds = 0;
    while (pending.length > 0) {
      if (rounds++ > 50) throw new Error(`could not order tables: ${pending.join(', ')}`);
      for (const table of [...pending]) {
        const rows = dump.tables[table]!;
        const { rows: columns } = await client.query<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
          [table],
        );
        const list = columns.map((c) => `"${c.name}"`).join(', ');
        await client.query('SAVEPOINT load_table');
        try {
          if (rows.length > 0) await client.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(rows)]);
          await client.query('RELEASE SAVEPOINT load_table');
          pending.splice(pending.indexOf(table), 1);
        } catch (error) {
          // 23503: a parent table is not loaded yet; try again in the next round.
          await client.query('ROLLBACK TO SAVEPOINT load_table');
          if ((error as { code?: string }).code !== '23503') throw error;
        }
      }
    }
    for (const [sequence, value] of Object.entries(dump.sequences)) await client.query(`SELECT setval($1, $2::bigint)`, [sequence, value]);
    await client.query('COMMIT');
  });
}

/** Row count and an order-independent digest of every row of every table, for comparing two databases. */
export async function tableDigests(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  return withClient(url, async (client) => {
    const digests: Record<string, { rows: number; md5: string }> = {};
    for (const table of await userTables(client)) {
      const { rows } = await client.query<{ rows: number; md5: string | null }>(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${table}" t`);
      digests[table] = { rows: rows[0]!.rows, md5: rows[0]!.md5 ?? '' };
    }
    return digests;
  });
}
