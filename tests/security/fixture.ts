// Shared pieces of the attack suite (SECURITY.md): a fingerprint of every table a request could
// change, so each refused attack proves "nothing changed in the database", and small helpers.
import { expect } from 'vitest';
import { query } from '../support/api';

/**
 * Every row of every table that holds product data, hashed: counts plus an md5 of the rows' text.
 * Sessions are counted only (a request slides its own session's last-seen time); rate-limit
 * counters are left out (a refused sign-in is meant to count).
 */
export async function databaseFingerprint(): Promise<Record<string, unknown>> {
  const tables = [
    'app_user',
    'workspace',
    'membership',
    'invite',
    'api_token',
    'document',
    'annotation',
    'annotation_idempotency',
    'link',
    'link_annotation',
    'link_idempotency',
    'comment',
    'comment_mention',
    'notification',
    'event',
  ];
  const parts = tables.map((t) => `(SELECT count(*)::int || ':' || coalesce(md5(string_agg(md5(x::text), ',' ORDER BY md5(x::text))), '-') FROM ${t} x) AS ${t}`);
  const [row] = await query<Record<string, unknown>>(
    `SELECT ${parts.join(', ')},
            (SELECT count(*)::int FROM user_session) AS user_session,
            (SELECT count(*)::int || ':' || coalesce(md5(string_agg(id::text, ',' ORDER BY id)), '-') FROM document_revision) AS document_revision`,
  );
  return row!;
}

/** Runs `attack` and proves the database fingerprint is the same afterwards. */
export async function unchanged<T>(attack: () => Promise<T>): Promise<T> {
  const before = await databaseFingerprint();
  const result = await attack();
  expect(await databaseFingerprint()).toEqual(before);
  return result;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ path: string; message: string }> };
}

export async function errorOf(response: Response): Promise<ErrorBody['error']> {
  const text = await response.text();
  expect(response.headers.get('content-type') ?? '', text).toContain('application/json');
  return (JSON.parse(text) as ErrorBody).error;
}

/** Nothing internal in an error body: no stack frames, module paths or SQL. */
export const INTERNALS = /at [\w.<>]+ \(|\.js:\d+|node_modules|\bSELECT\b|\bINSERT\b|\bUPDATE\b.*\bSET\b|QueryFailedError|syntax error at or near/;
