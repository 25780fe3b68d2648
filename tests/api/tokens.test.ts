// Personal API tokens: shown once, stored as SHA-256, `Authorization: Bearer` works on every API
// route with the owner's permissions and without CSRF, and a revoked token fails on the next request.
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedToken, DocumentDetail, TokenList } from '@glossa/contracts';
import { api, query, signInAsOwner, signUpStranger, type Session, type TestUser } from '../support/api';

let owner: Session;
let stranger: TestUser;

beforeAll(async () => {
  owner = await signInAsOwner();
  stranger = await signUpStranger('token-stranger');
});

async function createToken(session: Session, name: string): Promise<CreatedToken> {
  const response = await session.post('/api/auth/tokens', { name });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedToken;
}

function bearer(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } };
}

describe('API tokens', () => {
  it('are shown once with a recognisable prefix, stored as a SHA-256, and listed without the secret', async () => {
    const created = await createToken(owner, 'nightly export');
    expect(created.token).toMatch(/^glossa_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe('nightly export');
    const [row] = await query<{ token_hash: string }>('SELECT token_hash FROM api_token WHERE id = $1', [created.id]);
    expect(row!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const listText = await (await owner.get('/api/auth/tokens')).text();
    expect(listText).not.toContain(created.token);
    const list = JSON.parse(listText) as TokenList;
    expect(list.items.find((t) => t.id === created.id)).toEqual({ id: created.id, name: 'nightly export', createdAt: created.createdAt, lastUsedAt: null });
  });

  it('authenticate reads and writes without cookies or a CSRF token, even from another origin', async () => {
    const { token, id } = await createToken(owner, 'script');
    const me = await api('/api/me', bearer(token));
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('owner@glossa.test');
    const imported = await api(
      '/api/documents',
      bearer(token, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://tools.example' }, body: JSON.stringify({ title: 'Via token', format: 'text', content: '腳本匯入' }) }),
    );
    expect(imported.status).toBe(201);
    const document = (await imported.json()) as DocumentDetail;
    expect((await api(`/api/documents/${document.id}/text`, bearer(token))).status).toBe(200);
    const [row] = await query<{ last_used_at: Date | null; actor_id: string }>(
      `SELECT t.last_used_at, e.actor_id FROM api_token t, event e WHERE t.id = $1 AND e.subject_id = $2`,
      [id, document.id],
    );
    expect(row!.last_used_at).not.toBeNull();
    expect(row!.actor_id).toBe((await owner.me()).user.id);
  });

  it('carry exactly their user’s permissions: another workspace’s document is "not found"', async () => {
    const { token } = await createToken(stranger.session, 'stranger script');
    const seeds = (await (await owner.get('/api/documents?limit=1')).json()) as { items: Array<{ id: string }> };
    const theirs = await api(`/api/documents/${seeds.items[0]!.id}`, bearer(token));
    const missing = await api(`/api/documents/${randomUUID()}`, bearer(token));
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
  });

  it('a revoked token fails on the very next request', async () => {
    const { token, id } = await createToken(owner, 'short-lived');
    expect((await api('/api/me', bearer(token))).status).toBe(200);
    expect((await owner.delete(`/api/auth/tokens/${id}`)).status).toBe(204);
    const after = await api('/api/me', bearer(token));
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await owner.delete(`/api/auth/tokens/${id}`)).status).toBe(404);
  });

  it('a token may revoke itself', async () => {
    const { token, id } = await createToken(owner, 'self-revoking');
    expect((await api(`/api/auth/tokens/${id}`, bearer(token, { method: 'DELETE' }))).status).toBe(204);
    expect((await api('/api/me', bearer(token))).status).toBe(401);
  });

  it.each([
    { name: 'an unknown token', value: `glossa_pat_${'D'.repeat(43)}` },
    { name: 'a malformed token', value: 'not-a-token' },
    { name: 'a session id used as a bearer token', value: 'E'.repeat(43) },
  ])('$name is refused with 401, even on a public route', async ({ value }) => {
    expect((await api('/api/me', bearer(value))).status).toBe(401);
    expect((await api('/api/auth/login', bearer(value, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }))).status).toBe(401);
  });

  it.each([{ name: '' }, { name: ' ' }, { name: 'x'.repeat(101) }, {}])('a token name of %j → 400', async (body) => {
    expect((await owner.post('/api/auth/tokens', body)).status).toBe(400);
  });
});
