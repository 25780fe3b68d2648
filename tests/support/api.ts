// Small helpers for talking to the running server and its database in system tests.
import { inject } from 'vitest';
import { Client } from 'pg';

export const baseUrl = (): string => inject('baseUrl');

export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, init);
}

export async function postJson(path: string, body: unknown): Promise<Response> {
  return api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Row counts of the tables a document import writes, to prove a refused request changed nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM document)::int AS document,
              (SELECT count(*) FROM document_revision)::int AS revision,
              (SELECT count(*) FROM event)::int AS event`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

export async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
