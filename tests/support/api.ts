// Small helpers for talking to the running server and its database in system tests:
// anonymous requests, cookie-jar sessions (see session.ts), users with a given role, DB reads.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { Client } from 'pg';
import type { CreatedInvite, DocumentPage, Me, Role } from '@glossa/contracts';
import { testFetch } from './http';
import { startServer, type RunningServer } from './server';
import { Session, type Credentials } from './session';

export { Session, type Credentials } from './session';

export const baseUrl = (): string => inject('baseUrl');

/** An anonymous request: no cookies, no CSRF token. */
export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return testFetch(`${baseUrl()}${path}`, init);
}

export async function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return api(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export function newSession(): Session {
  return new Session(baseUrl());
}

/** The suite's first account: owner of the default workspace holding the seeded documents. */
export function ownerCredentials(): Credentials {
  return inject('owner');
}

export function signInAsOwner(): Promise<Session> {
  return Session.loggedIn(baseUrl(), ownerCredentials());
}

/** A password that passes the policy and no list; each user gets their own. */
export const TEST_PASSWORD = 'Tessellated harbour lantern 42';

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@glossa.test`;
}

export interface TestUser {
  session: Session;
  me: Me;
  email: string;
  password: string;
}

/** Signs up someone new; with open sign-up (the suite server) they own a fresh workspace. */
export async function signUpStranger(label: string): Promise<TestUser> {
  const email = uniqueEmail(label);
  const session = await Session.signedUp(baseUrl(), { email, password: TEST_PASSWORD, name: label });
  return { session, me: await session.me(), email, password: TEST_PASSWORD };
}

/** Invites a new person into `workspaceId` as `role` (the inviter must be allowed to) and signs them up. */
export async function joinWithRole(inviter: Session, workspaceId: string, role: Role, label: string = role): Promise<TestUser> {
  const invite = await inviter.post(`/api/workspaces/${workspaceId}/invites`, { role });
  if (invite.status !== 201) throw new Error(`invite as ${role} answered ${invite.status}: ${await invite.text()}`);
  const { token } = (await invite.json()) as CreatedInvite;
  const email = uniqueEmail(label);
  const session = await Session.signedUp(baseUrl(), { email, password: TEST_PASSWORD, name: label, inviteToken: token });
  return { session, me: await session.me(), email, password: TEST_PASSWORD };
}

/** Row counts of the tables a document import writes, to prove a refused request changed nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const [row] = await query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM document)::int AS document,
            (SELECT count(*) FROM document_revision)::int AS revision,
            (SELECT count(*) FROM event)::int AS event`,
  );
  return row!;
}

/** A fingerprint of everything accounts and access are made of, to prove a refused request changed nothing. */
export async function accessSnapshot(): Promise<Record<string, unknown>> {
  const [row] = await query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM app_user)::int AS users,
            (SELECT count(*) FROM workspace)::int AS workspaces,
            (SELECT count(*) FROM user_session)::int AS sessions,
            (SELECT count(*) FROM api_token)::int AS tokens,
            (SELECT count(*) FROM event)::int AS events,
            (SELECT md5(coalesce(string_agg(workspace_id::text || user_id::text || role, ',' ORDER BY workspace_id, user_id), '')) FROM membership) AS memberships,
            (SELECT md5(coalesce(string_agg(id::text || coalesce(used_at::text, '-'), ',' ORDER BY id), '')) FROM invite) AS invites,
            (SELECT md5(coalesce(string_agg(id::text || password_hash || coalesce(current_workspace_id::text, '-'), ',' ORDER BY id), '')) FROM app_user) AS accounts`,
  );
  return row!;
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

/**
 * Another Glossa process on the suite's database, for settings the suite server does not have
 * (HTTPS cookies, production mode, a trusted proxy). Seeds are already there; it skips them.
 */
export async function startServerOnSuiteDatabase(env: Record<string, string>, name: string): Promise<RunningServer> {
  // With DATABASE_URL set nothing is written to a data directory.
  return startServer({ DATABASE_URL: inject('databaseUrl'), GLOSSA_IMPORT_SEEDS: 'false', ...env }, name);
}

/** Forgets every sign-in and sign-up attempt counter (tests that fail sign-ins on purpose clean up). */
export async function resetRateLimits(): Promise<void> {
  await query('DELETE FROM rate_limit');
}

/**
 * The workspace of `owner` that holds the seed corpus, and the ids of its documents whose titles
 * start with each of `titles`, in the same order.
 */
export async function findSeedDocuments(owner: Session, titles: readonly string[]): Promise<{ workspaceId: string; ids: string[] }> {
  const me = (await owner.me()) as Me;
  for (const workspace of me.workspaces) {
    const response = await owner.get(`/api/documents?workspaceId=${workspace.id}&limit=100`);
    if (response.status !== 200) continue;
    const items = ((await response.json()) as DocumentPage).items;
    const ids = titles.map((title) => items.find((d) => d.title.startsWith(title))?.id);
    if (ids.every((id) => id !== undefined)) return { workspaceId: workspace.id, ids: ids as string[] };
  }
  throw new Error(`no workspace of the owner holds the seed documents ${titles.join(', ')}`);
}
