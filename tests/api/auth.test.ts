// Signing up, in and out against the real server (SECURITY.md A2–A8, C5, C7): session fixation,
// cookie flags, enumeration-safe answers, the password policy, lifetimes, production secrets,
// CSRF on every cookie-authenticated mutation, and invites. "Nothing changed" is read from the DB.
import { createHash, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedInvite, Me, WorkspaceSummary } from '@glossa/contracts';
import {
  accessSnapshot,
  api,
  baseUrl,
  newSession,
  ownerCredentials,
  query,
  resetRateLimits,
  Session,
  signInAsOwner,
  signUpStranger,
  startServerOnSuiteDatabase,
  tableCounts,
  TEST_PASSWORD,
  uniqueEmail,
  type TestUser,
} from '../support/api';
import { SERVER_ENTRY } from '../support/server';

const UNAUTHENTICATED = { error: { code: 'unauthenticated', message: 'Email or password is incorrect' } };

let owner: Session;
let defaultWorkspaceId: string;

beforeAll(async () => {
  owner = await signInAsOwner();
  defaultWorkspaceId = (await owner.me()).currentWorkspaceId!;
});

// Failed sign-ins here count against 127.0.0.1; leave the counters as they were found.
afterAll(resetRateLimits);

async function errorOf(response: Response): Promise<{ code: string; message: string; fields?: Array<{ path: string; message: string }> }> {
  return ((await response.json()) as { error: { code: string; message: string; fields?: Array<{ path: string; message: string }> } }).error;
}

async function everything(): Promise<unknown> {
  return { access: await accessSnapshot(), documents: await tableCounts() };
}

function sessionCookieLine(response: Response): string | undefined {
  return response.headers.getSetCookie().find((line) => /^(__Host-)?glossa_session=/.test(line));
}

describe('signing up, in and out', () => {
  it('open sign-up gives a newcomer a workspace of their own, named after them, as owner', async () => {
    const email = uniqueEmail('newcomer');
    const session = newSession();
    const response = await session.signUp({ email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD, name: 'Nadia Newcomer' });
    expect(response.status).toBe(201);
    const me = (await response.json()) as Me;
    expect(me.user.email).toBe(email);
    expect(me.user.name).toBe('Nadia Newcomer');
    expect(me.workspaces).toEqual([expect.objectContaining({ name: 'Nadia Newcomer', role: 'owner' })]);
    expect(me.currentWorkspaceId).toBe(me.workspaces[0]!.id);
    expect(Object.keys(me.user).sort()).toEqual(['email', 'id', 'name']);
    expect(await session.me()).toEqual(me);
    // The stranger sees none of the seeded corpus.
    const documents = (await (await session.get('/api/documents')).json()) as { items: unknown[] };
    expect(documents.items).toEqual([]);
  });

  it('signs in with the same email in any case and spacing', async () => {
    const { email } = await signUpStranger('casing');
    const response = await newSession().logIn({ email: `  ${email.toUpperCase()}  `, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('anonymous callers get 401 on the API but health, docs and the web app stay public', async () => {
    for (const path of ['/api/me', '/api/documents', '/api/workspaces', '/api/auth/tokens', `/api/workspaces/${defaultWorkspaceId}/members`]) {
      const response = await api(path);
      expect(response.status, path).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthenticated');
    }
    expect((await api('/api/health')).status).toBe(200);
    expect((await api('/api/docs')).status).toBe(200);
    const app = await api('/documents/anything');
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toContain('text/html');
  });

  it('documents every account route in the OpenAPI description', async () => {
    const document = (await (await api('/api/docs')).json()) as { paths: Record<string, Record<string, unknown>> };
    const expected: Record<string, string[]> = {
      '/api/auth/signup': ['post'],
      '/api/auth/login': ['post'],
      '/api/auth/logout': ['post'],
      '/api/auth/password': ['post'],
      '/api/auth/tokens': ['get', 'post'],
      '/api/auth/tokens/{id}': ['delete'],
      '/api/me': ['get', 'patch'],
      '/api/workspaces': ['get', 'post'],
      '/api/workspaces/{id}/members': ['get'],
      '/api/workspaces/{id}/members/{userId}': ['patch', 'delete'],
      '/api/workspaces/{id}/invites': ['get', 'post'],
      '/api/workspaces/{id}/invites/{inviteId}': ['delete'],
      '/api/invites/{token}': ['get'],
      '/api/invites/{token}/accept': ['post'],
    };
    for (const [path, methods] of Object.entries(expected)) expect(Object.keys(document.paths[path] ?? {}), path).toEqual(expect.arrayContaining(methods));
  });

  it('logout ends the session: 204, cookie cleared, the old cookie replayed gets 401 (A4)', async () => {
    const { session } = await signUpStranger('leaver');
    const cookie = session.cookies.get('glossa_session')!;
    const response = await session.post('/api/auth/logout');
    expect(response.status).toBe(204);
    expect(sessionCookieLine(response)).toMatch(/^glossa_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    expect(session.cookies.has('glossa_session')).toBe(false);
    expect((await query('SELECT 1 FROM user_session WHERE id_hash = $1', [createHash('sha256').update(cookie).digest('hex')])).length).toBe(0);
    const replay = await api('/api/me', { headers: { cookie: `glossa_session=${cookie}` } });
    expect(replay.status).toBe(401);
  });

  it('switches the current workspace among the person’s own, and documents follow it', async () => {
    const created = await owner.post('/api/workspaces', { name: 'Second desk' });
    expect(created.status).toBe(201);
    const second = (await created.json()) as WorkspaceSummary;
    expect(second.role).toBe('owner');
    try {
      const switched = await owner.patch('/api/me', { currentWorkspaceId: second.id });
      expect(switched.status).toBe(200);
      expect(((await switched.json()) as Me).currentWorkspaceId).toBe(second.id);
      expect(((await (await owner.get('/api/documents')).json()) as { items: unknown[] }).items).toEqual([]);
      expect((await owner.get(`/api/documents?workspaceId=${defaultWorkspaceId}`)).status).toBe(200);
    } finally {
      expect((await owner.patch('/api/me', { currentWorkspaceId: defaultWorkspaceId })).status).toBe(200);
    }
  });
});

describe('session fixation (A3)', () => {
  it('a session id planted before sign-in is never adopted and stays rejected', async () => {
    const planted = 'A'.repeat(43);
    const session = newSession();
    session.cookies.set('glossa_session', planted);
    const response = await session.logIn(ownerCredentials());
    expect(response.status).toBe(200);
    expect(session.cookies.get('glossa_session')).not.toBe(planted);
    expect((await api('/api/me', { headers: { cookie: `glossa_session=${planted}` } })).status).toBe(401);
    expect((await session.get('/api/me')).status).toBe(200);
  });

  it('signing in again rotates the id and ends the old session', async () => {
    const session = await signInAsOwner();
    const first = session.cookies.get('glossa_session')!;
    expect((await session.logIn(ownerCredentials())).status).toBe(200);
    const second = session.cookies.get('glossa_session')!;
    expect(second).not.toBe(first);
    expect((await api('/api/me', { headers: { cookie: `glossa_session=${first}` } })).status).toBe(401);
    expect((await api('/api/me', { headers: { cookie: `glossa_session=${second}` } })).status).toBe(200);
  });
});

describe('cookie flags (A5)', () => {
  it('over HTTP: the session cookie is HttpOnly, SameSite=Lax, Path=/, without Domain; the CSRF cookie is readable and Strict', async () => {
    const session = newSession();
    const response = await session.logIn(ownerCredentials());
    const line = sessionCookieLine(response)!;
    expect(line).toMatch(/^glossa_session=[A-Za-z0-9_-]{43};/);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/Domain=/i);
    const csrf = (await api('/api/health')).headers.getSetCookie().find((l) => l.startsWith('glossa_csrf='))!;
    expect(csrf).toMatch(/; SameSite=Strict/);
    expect(csrf).toMatch(/; Path=\//);
    expect(csrf).not.toMatch(/HttpOnly|Domain=/i);
    // Neither cookie value ever appears in a URL or a response body.
    expect(await response.text()).not.toContain(session.cookies.get('glossa_session')!);
  });

  it('over HTTPS (GLOSSA_PUBLIC_URL=https://…): __Host- prefix and Secure, and that cookie authenticates', async () => {
    const server = await startServerOnSuiteDatabase({ GLOSSA_PUBLIC_URL: 'https://glossa.example' }, 'https-cookies');
    try {
      const session = new Session(server.baseUrl);
      const response = await session.logIn(ownerCredentials());
      expect(response.status).toBe(200);
      const line = sessionCookieLine(response)!;
      expect(line).toMatch(/^__Host-glossa_session=[A-Za-z0-9_-]{43};/);
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; Path=\//);
      expect(line).not.toMatch(/Domain=/i);
      const csrf = (await fetch(`${server.baseUrl}/api/health`)).headers.getSetCookie().find((l) => l.startsWith('glossa_csrf='));
      expect(csrf).toMatch(/; Secure/);
      expect((await session.get('/api/me')).status).toBe(200);
      // The plain name means nothing there.
      expect((await fetch(`${server.baseUrl}/api/me`, { headers: { cookie: `glossa_session=${session.cookies.get('__Host-glossa_session')}` } })).status).toBe(401);
      // The app's own HTTPS origin passes the CSRF origin check.
      expect((await session.post('/api/auth/logout', undefined, { headers: { origin: 'https://glossa.example' } })).status).toBe(204);
    } finally {
      await server.stop();
    }
  });
});

describe('answers that do not reveal whether an account exists (A2)', () => {
  it('unknown email and wrong password get the same status and body', async () => {
    const wrongPassword = await newSession().logIn({ email: ownerCredentials().email, password: 'not the owner password' });
    const unknownEmail = await newSession().logIn({ email: uniqueEmail('nobody'), password: 'not the owner password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(UNAUTHENTICATED);
    expect(await unknownEmail.json()).toEqual(UNAUTHENTICATED);
  });

  it('an unknown email costs a password verification too (roughly the same time)', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      expect((await newSession().logIn({ email, password: 'not the owner password' })).status).toBe(401);
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(ownerCredentials().email));
      unknown.push(await time(uniqueEmail('nobody')));
    }
    // Without the dummy hash an unknown email answers ~20x faster; a loose bound keeps this stable on a busy machine.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
  });

  it('sign-up with a taken email says only that this address cannot be used, and changes nothing', async () => {
    const before = await everything();
    const response = await newSession().signUp({ email: ownerCredentials().email, password: TEST_PASSWORD, name: 'Impostor' });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.fields?.map((f) => f.path)).toEqual(['email']);
    expect(JSON.stringify(error)).not.toMatch(/exist|taken|already|registered|in use/i);
    expect(await everything()).toEqual(before);
  });
});

describe('password policy (A6)', () => {
  const emoji64 = '🔑🦊🌏🎈'.repeat(16); // 64 characters, 256 UTF-8 bytes: exactly the limit
  const cases: Array<{ name: string; password: string; field?: string }> = [
    { name: '7 characters', password: 'Abc12!x' },
    { name: 'a top-common password', password: 'iloveyou' },
    { name: 'a common password with other capitals', password: 'BaseBall' },
    { name: '257 bytes', password: 'a'.repeat(257) },
    { name: '65 emoji (260 bytes)', password: `${emoji64}🎈` },
    { name: 'a 1 MiB password', password: 'x'.repeat(1024 * 1024) },
    { name: 'the email itself', password: 'PLACEHOLDER' },
  ];

  it.each(cases)('$name → 400 on password, no account created', async ({ password }) => {
    const email = uniqueEmail('policy');
    const before = await everything();
    const response = await newSession().signUp({ email, password: password === 'PLACEHOLDER' ? email : password, name: 'Policy' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields?.map((f) => f.path)).toEqual(['password']);
    expect(await everything()).toEqual(before);
  });

  it('a 1 MiB password at sign-in is refused as invalid input, never checked against a hash', async () => {
    const response = await newSession().logIn({ email: ownerCredentials().email, password: 'x'.repeat(1024 * 1024) });
    expect(response.status).toBe(400);
  });

  it('64 characters of emoji are accepted, stored as argon2id at ASVS parameters, and verified exactly', async () => {
    const email = uniqueEmail('emoji');
    expect((await newSession().signUp({ email, password: emoji64, name: 'Emoji' })).status).toBe(201);
    const [row] = await query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE email = $1', [email]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await newSession().logIn({ email, password: emoji64 })).status).toBe(200);
    // No truncation, no normalization: one character short or different fails.
    expect((await newSession().logIn({ email, password: [...emoji64].slice(0, 63).join('') })).status).toBe(401);
    expect((await newSession().logIn({ email, password: [...emoji64].slice(0, 63).join('') + '🔒' })).status).toBe(401);
  });

  it('256 ASCII bytes are accepted and the 255-byte prefix does not sign in (no truncation)', async () => {
    const email = uniqueEmail('long');
    const password = `${randomUUID()}${'z'.repeat(220)}`;
    expect(new TextEncoder().encode(password).length).toBe(256);
    expect((await newSession().signUp({ email, password, name: 'Long' })).status).toBe(201);
    expect((await newSession().logIn({ email, password })).status).toBe(200);
    expect((await newSession().logIn({ email, password: password.slice(0, 255) })).status).toBe(401);
  });
});

describe('changing the password', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await signUpStranger('changer');
  });

  it('refuses a wrong current password and a common new one, changing nothing', async () => {
    const before = await everything();
    const wrong = await user.session.post('/api/auth/password', { currentPassword: 'not my password', newPassword: 'Quiet meadow stepping stones' });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).fields?.map((f) => f.path)).toEqual(['currentPassword']);
    const common = await user.session.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1' });
    expect(common.status).toBe(400);
    expect((await errorOf(common)).fields?.map((f) => f.path)).toEqual(['newPassword']);
    expect(await everything()).toEqual(before);
  });

  it('ends every other session of the account (A4) and keeps this one', async () => {
    const elsewhere = await Session.loggedIn(baseUrl(), { email: user.email, password: TEST_PASSWORD });
    const response = await user.session.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Quiet meadow stepping stones' });
    expect(response.status).toBe(204);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await user.session.get('/api/me')).status).toBe(200);
    expect((await newSession().logIn({ email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await newSession().logIn({ email: user.email, password: 'Quiet meadow stepping stones' })).status).toBe(200);
  });
});

describe('session lifetimes (A4)', () => {
  it('a session idle for longer than the idle timeout is refused and its cookie cleared', async () => {
    const { session } = await signUpStranger('idle');
    const hash = createHash('sha256').update(session.cookies.get('glossa_session')!).digest('hex');
    await query(`UPDATE user_session SET last_seen_at = now() - interval '8 days' WHERE id_hash = $1`, [hash]);
    const response = await session.get('/api/me');
    expect(response.status).toBe(401);
    expect(sessionCookieLine(response)).toMatch(/^glossa_session=;/);
  });

  it('a session past its absolute lifetime is refused however active', async () => {
    const { session } = await signUpStranger('old');
    const hash = createHash('sha256').update(session.cookies.get('glossa_session')!).digest('hex');
    await query(`UPDATE user_session SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id_hash = $1`, [hash]);
    expect((await session.get('/api/me')).status).toBe(401);
  });

  it('sliding: a used session has its last-seen time moved forward', async () => {
    const { session } = await signUpStranger('active');
    const hash = createHash('sha256').update(session.cookies.get('glossa_session')!).digest('hex');
    await query(`UPDATE user_session SET last_seen_at = now() - interval '6 days' WHERE id_hash = $1`, [hash]);
    expect((await session.get('/api/me')).status).toBe(200);
    const [row] = await query<{ recent: boolean }>(`SELECT last_seen_at > now() - interval '1 minute' AS recent FROM user_session WHERE id_hash = $1`, [hash]);
    expect(row!.recent).toBe(true);
  });
});

describe('production mode (A7)', () => {
  const production = (secret?: string) =>
    spawnSync(process.execPath, [SERVER_ENTRY], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', GLOSSA_SESSION_SECRET: secret ?? '' },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each([
    { name: 'no session secret', secret: undefined },
    { name: 'a short one', secret: 'short-secret' },
    { name: 'a long but repetitive one', secret: 'a'.repeat(64) },
  ])('refuses to start with $name, naming the variable, without a stack', ({ secret }) => {
    const run = production(secret);
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr).toContain('GLOSSA_SESSION_SECRET');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('starts with a strong secret, with no default account to sign in to', async () => {
    const server = await startServerOnSuiteDatabase({ NODE_ENV: 'production', GLOSSA_SESSION_SECRET: randomUUID() + randomUUID() }, 'production');
    try {
      expect((await fetch(`${server.baseUrl}/api/me`)).status).toBe(401);
      for (const email of ['admin@glossa.local', 'admin@example.com', 'root@localhost.localdomain']) {
        expect((await new Session(server.baseUrl).logIn({ email, password: 'admin' })).status).toBe(401);
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('CSRF on cookie-authenticated mutations (A8)', () => {
  let victim: TestUser;
  beforeAll(async () => {
    victim = await signUpStranger('victim');
  });

  const mutations = (): Array<{ name: string; method: string; path: string; json?: unknown }> => [
    { name: 'create a workspace', method: 'POST', path: '/api/workspaces', json: { name: 'Forged' } },
    { name: 'import a document', method: 'POST', path: '/api/documents', json: { title: 'Forged', format: 'text', content: 'forged' } },
    { name: 'switch workspace', method: 'PATCH', path: '/api/me', json: { currentWorkspaceId: victim.me.currentWorkspaceId } },
    { name: 'create an API token', method: 'POST', path: '/api/auth/tokens', json: { name: 'forged' } },
    { name: 'create an invite', method: 'POST', path: `/api/workspaces/${victim.me.currentWorkspaceId}/invites`, json: { role: 'owner' } },
    { name: 'change the password', method: 'POST', path: '/api/auth/password', json: { currentPassword: TEST_PASSWORD, newPassword: 'Forged replacement passphrase' } },
    { name: 'sign out', method: 'POST', path: '/api/auth/logout' },
  ];

  const attacks: Array<{ name: string; headers: (token: string) => Record<string, string>; withoutCsrf: boolean }> = [
    { name: 'from a foreign Origin (even with the token)', headers: (t) => ({ origin: 'https://evil.example', 'x-csrf-token': t }), withoutCsrf: true },
    { name: 'from Origin null', headers: (t) => ({ origin: 'null', 'x-csrf-token': t }), withoutCsrf: true },
    { name: 'marked Sec-Fetch-Site: cross-site (even with the token)', headers: (t) => ({ 'sec-fetch-site': 'cross-site', 'x-csrf-token': t }), withoutCsrf: true },
    { name: 'without the X-CSRF-Token header', headers: () => ({}), withoutCsrf: true },
    { name: 'with a wrong X-CSRF-Token', headers: () => ({ 'x-csrf-token': 'B'.repeat(43) }), withoutCsrf: true },
  ];

  for (const attack of attacks) {
    it(`every mutation ${attack.name} → 403 csrf_failed, nothing changed`, async () => {
      for (const mutation of mutations()) {
        const before = await everything();
        const response = await victim.session.request(mutation.path, {
          method: mutation.method,
          json: mutation.json,
          headers: attack.headers(victim.session.csrfToken!),
          withoutCsrf: attack.withoutCsrf,
        });
        expect(response.status, mutation.name).toBe(403);
        expect((await errorOf(response)).code, mutation.name).toBe('csrf_failed');
        expect(await everything(), mutation.name).toEqual(before);
      }
      expect((await victim.session.get('/api/me')).status).toBe(200);
    });
  }

  it('a cross-site form post (text/plain, urlencoded, multipart) carrying the cookie → 403 or 415, nothing changed', async () => {
    const forms: Array<{ contentType?: string; body: BodyInit }> = [
      { contentType: 'text/plain', body: '{"name":"Forged"}' },
      { contentType: 'application/x-www-form-urlencoded', body: 'name=Forged' },
    ];
    for (const path of ['/api/workspaces', '/api/auth/tokens', '/api/auth/logout']) {
      for (const form of forms) {
        for (const origin of [undefined, 'https://evil.example']) {
          const before = await everything();
          const headers: Record<string, string> = { 'content-type': form.contentType! };
          if (origin) headers.origin = origin;
          const response = await victim.session.request(path, { method: 'POST', body: form.body, headers, withoutCsrf: true });
          expect([403, 415], `${path} ${form.contentType} ${origin}`).toContain(response.status);
          expect(await everything()).toEqual(before);
        }
      }
    }
    const multipart = new FormData();
    multipart.set('title', 'Forged');
    multipart.set('file', new Blob(['forged']), 'forged.txt');
    const before = await everything();
    const upload = await victim.session.request('/api/documents', { method: 'POST', body: multipart, headers: { origin: 'https://evil.example' }, withoutCsrf: true });
    expect(upload.status).toBe(403);
    expect(await everything()).toEqual(before);
    expect((await victim.session.get('/api/me')).status).toBe(200);
  });

  it('sign-up and sign-in are protected too', async () => {
    const before = await everything();
    const email = uniqueEmail('forged');
    const forgedSignUp = await newSession().request('/api/auth/signup', {
      method: 'POST',
      json: { email, password: TEST_PASSWORD, name: 'Forged' },
      headers: { origin: 'https://evil.example' },
    });
    expect(forgedSignUp.status).toBe(403);
    const forgedLogin = await newSession().request('/api/auth/login', { method: 'POST', json: ownerCredentials(), withoutCsrf: true });
    expect(forgedLogin.status).toBe(403);
    expect(forgedLogin.headers.getSetCookie().some((l) => l.startsWith('glossa_session='))).toBe(false);
    expect(await everything()).toEqual(before);
  });

  it('the app’s own origin (and its localhost twin) passes', async () => {
    const own = await victim.session.post('/api/auth/tokens', { name: 'same origin' }, { headers: { origin: baseUrl(), 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(201);
    const twin = baseUrl().replace('127.0.0.1', 'localhost');
    expect((await victim.session.post('/api/auth/tokens', { name: 'twin origin' }, { headers: { origin: twin } })).status).toBe(201);
  });

  it('GET never mutates: there is no GET logout, and the session survives it', async () => {
    expect((await victim.session.get('/api/auth/logout')).status).toBe(404);
    expect((await victim.session.get('/api/me')).status).toBe(200);
  });
});

describe('error responses keep the security headers and say nothing internal (C5, C7)', () => {
  it.each([
    { name: '401', run: () => api('/api/me') },
    { name: '403 csrf', run: () => api('/api/workspaces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' }) },
    { name: '404', run: () => api('/api/nope') },
    { name: '415', run: () => api('/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }) },
  ])('$name', async ({ run }) => {
    const response = await run();
    expect(response.status).toBeGreaterThanOrEqual(400);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.text()).not.toMatch(/at .*\.js:\d+|node_modules|SELECT|INSERT/);
  });
});

describe('invites', () => {
  async function invite(role: string, extra: Record<string, unknown> = {}): Promise<CreatedInvite> {
    const response = await owner.post(`/api/workspaces/${defaultWorkspaceId}/invites`, { role, ...extra });
    expect(response.status).toBe(201);
    return (await response.json()) as CreatedInvite;
  }

  it('a reviewer invite: preview, sign up with it, joined as reviewer in that workspace; single use', async () => {
    const created = await invite('reviewer');
    expect(created.url).toBe(`/invite/${created.token}`);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(167 * 3600 * 1000);
    const preview = await api(`/api/invites/${created.token}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({ workspaceName: 'Glossa', role: 'reviewer', expiresAt: created.expiresAt });

    const email = uniqueEmail('reviewer');
    const joined = await newSession().signUp({ email, password: TEST_PASSWORD, name: 'Rita Reviewer', inviteToken: created.token });
    expect(joined.status).toBe(201);
    const me = (await joined.json()) as Me;
    expect(me.workspaces).toEqual([expect.objectContaining({ id: defaultWorkspaceId, role: 'reviewer' })]);
    expect(me.currentWorkspaceId).toBe(defaultWorkspaceId);

    expect((await api(`/api/invites/${created.token}`)).status).toBe(404);
    const before = await everything();
    const again = await newSession().signUp({ email: uniqueEmail('late'), password: TEST_PASSWORD, name: 'Late', inviteToken: created.token });
    expect(again.status).toBe(400);
    expect((await errorOf(again)).fields?.map((f) => f.path)).toEqual(['inviteToken']);
    expect(await everything()).toEqual(before);
  });

  it('the token is stored only as a SHA-256 and never listed', async () => {
    const created = await invite('viewer');
    const rows = await query<{ token_hash: string }>('SELECT token_hash FROM invite WHERE id = $1', [created.id]);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const list = await (await owner.get(`/api/workspaces/${defaultWorkspaceId}/invites`)).text();
    expect(list).toContain(created.id);
    expect(list).not.toContain(created.token);
    expect(JSON.parse(list).items.find((i: { id: string }) => i.id === created.id)).toEqual({
      id: created.id,
      role: 'viewer',
      expiresAt: created.expiresAt,
      createdAt: expect.any(String),
      createdBy: { id: (await owner.me()).user.id, name: 'Suite Owner' },
    });
  });

  it('a signed-in person accepts an invite: joined, made current; a member cannot burn one (409)', async () => {
    const stranger = await signUpStranger('accepting');
    const created = await invite('analyst');
    const accepted = await stranger.session.post(`/api/invites/${created.token}/accept`);
    expect(accepted.status).toBe(200);
    const me = (await accepted.json()) as Me;
    expect(me.workspaces.find((w) => w.id === defaultWorkspaceId)?.role).toBe('analyst');
    expect(me.currentWorkspaceId).toBe(defaultWorkspaceId);

    const another = await invite('admin');
    const before = await everything();
    const twice = await stranger.session.post(`/api/invites/${another.token}/accept`);
    expect(twice.status).toBe(409);
    expect(await everything()).toEqual(before);
    expect((await api(`/api/invites/${another.token}`)).status).toBe(200);
  });

  it('expired and revoked invites are "not found" everywhere', async () => {
    const expired = await invite('viewer', { expiresInHours: 1 });
    await query(`UPDATE invite SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    expect((await api(`/api/invites/${expired.token}`)).status).toBe(404);
    const stranger = await signUpStranger('too-late');
    expect((await stranger.session.post(`/api/invites/${expired.token}/accept`)).status).toBe(404);
    expect((await newSession().signUp({ email: uniqueEmail('expired'), password: TEST_PASSWORD, name: 'x', inviteToken: expired.token })).status).toBe(400);

    const revoked = await invite('viewer');
    expect((await owner.delete(`/api/workspaces/${defaultWorkspaceId}/invites/${revoked.id}`)).status).toBe(204);
    expect((await api(`/api/invites/${revoked.token}`)).status).toBe(404);
    const missing = await api(`/api/invites/${'C'.repeat(43)}`);
    expect(missing.status).toBe(404);
    expect(await (await api(`/api/invites/${revoked.token}`)).json()).toEqual(await missing.json());
  });

  it.each([0, 721, 1.5, '24'])('expiresInHours %s → 400', async (hours) => {
    const response = await owner.post(`/api/workspaces/${defaultWorkspaceId}/invites`, { role: 'viewer', expiresInHours: hours });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields?.map((f) => f.path)).toEqual(['expiresInHours']);
  });
});

describe('hostile names and oversized bodies (C4, F1)', () => {
  it('an 8 KB name is refused; markup in names is stored and returned literally as JSON', async () => {
    const tooLong = await newSession().signUp({ email: uniqueEmail('long-name'), password: TEST_PASSWORD, name: 'n'.repeat(8 * 1024) });
    expect(tooLong.status).toBe(400);
    expect((await errorOf(tooLong)).fields?.map((f) => f.path)).toEqual(['name']);
    const { session } = await signUpStranger('markup');
    for (const name of ['</script><script>alert(1)</script>', '"><svg onload=alert(1)>', "{{constructor.constructor('alert(1)')()}}", 'abc\u202Edef']) {
      const created = await session.post('/api/workspaces', { name });
      expect(created.status).toBe(201);
      expect(created.headers.get('content-type')).toContain('application/json');
      expect(((await created.json()) as WorkspaceSummary).name).toBe(name);
    }
  });

  it('a 10 MB sign-in body is refused with 413 before it is parsed', async () => {
    const session = newSession();
    await session.get('/api/health');
    // testFetch keeps the 413 even when the server closes the socket mid-upload.
    const response = await session.post('/api/auth/login', { email: 'x@glossa.test', password: 'p'.repeat(10 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    expect((await api('/api/health')).status).toBe(200);
  });
});
