// SECURITY.md A (sign-in and sessions), the parts tests/api/auth.test.ts and throttle.test.ts do
// not already try: the 120-guess brute force from forged X-Forwarded-For addresses, X-Forwarded-For
// honoured only from the configured proxy at sign-in, "the unknown-email path computes a hash too"
// (measured as the server process's CPU time, not wall-clock), no secrets in the server log, the
// flags of every Set-Cookie, and cross-site requests against every mutating route.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Comment, CreatedInvite, CreatedToken, Link } from '@glossa/contracts';
import { newSession, ownerCredentials, query, resetRateLimits, Session, signUpStranger, startServerOnSuiteDatabase, TEST_PASSWORD, uniqueEmail } from '../support/api';
import type { RunningServer } from '../support/server';
import { annotate, flag, makeWorld, type ReviewWorld } from '../api/links-fixture';
import { databaseFingerprint, errorOf } from './fixture';

const WINDOW_SECONDS = 900;
const FAILURES_PER_ACCOUNT = 10;
const FAILURES_PER_IP = 30;

/** Ends every rate-limit window now, as if the cool-down had passed. */
async function coolDown(): Promise<void> {
  await query(`UPDATE rate_limit SET window_started_at = now() - make_interval(secs => $1 + 1)`, [WINDOW_SECONDS]);
}

function expectRetryAfter(response: Response): void {
  const seconds = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(seconds) && seconds > 0 && seconds <= WINDOW_SECONDS, `Retry-After ${response.headers.get('retry-after')}`).toBe(true);
}

/** CPU time (user + system, in clock ticks) the process has used so far, from /proc. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state(0) … utime is field 14 of the whole line, i.e. index 11 here; stime 12.
  return Number(fields[11]) + Number(fields[12]);
}

// A server of its own behind a configured proxy (127.0.0.1), on the suite's database: its CPU time
// is its own, and its log file is ours to read.
let proxied: RunningServer;

beforeAll(async () => {
  await resetRateLimits();
  proxied = await startServerOnSuiteDatabase({ GLOSSA_TRUST_PROXY: '127.0.0.1', GLOSSA_OPEN_SIGNUP: 'true', GLOSSA_SIGNUP_MAX_PER_IP: '100000' }, 'security-a');
});

afterAll(async () => {
  await proxied?.stop();
  await resetRateLimits();
});

describe('A1 brute force', () => {
  it('120 wrong passwords for one account from 120 forged X-Forwarded-For addresses → 429 with Retry-After after 10; no session; the right password works after the cool-down', async () => {
    await resetRateLimits();
    const victim = await signUpStranger('a1-victim');
    const sessionsBefore = (await query<{ n: number }>('SELECT count(*)::int AS n FROM user_session WHERE user_id = $1', [victim.me.user.id]))[0]!.n;
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) {
      const response = await newSession().request('/api/auth/login', {
        method: 'POST',
        json: { email: victim.email, password: `wrong guess number ${i}` },
        headers: { 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${(i * 7) % 250}` },
      });
      statuses.push(response.status);
      if (response.status === 429) expectRetryAfter(response);
      if (i === 119) expect((await errorOf(response)).code).toBe('rate_limited');
    }
    expect(statuses.slice(0, FAILURES_PER_ACCOUNT)).toEqual(Array(FAILURES_PER_ACCOUNT).fill(401));
    expect(statuses.slice(FAILURES_PER_ACCOUNT)).toEqual(Array(120 - FAILURES_PER_ACCOUNT).fill(429));
    // The right password is refused too while the account cools down, and no session was opened.
    const right = await newSession().request('/api/auth/login', { method: 'POST', json: { email: victim.email, password: TEST_PASSWORD }, headers: { 'x-forwarded-for': '192.0.2.1' } });
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie().some((line) => line.includes('glossa_session='))).toBe(false);
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM user_session WHERE user_id = $1', [victim.me.user.id]))[0]!.n).toBe(sessionsBefore);
    await coolDown();
    expect((await newSession().logIn({ email: victim.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('behind the configured proxy, X-Forwarded-For names the client: one client is limited, another is not', async () => {
    await resetRateLimits();
    const attempt = (client: string, email = uniqueEmail('a1-spray')) =>
      new Session(proxied.baseUrl).request('/api/auth/login', { method: 'POST', json: { email, password: 'Spray guess 1' }, headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < FAILURES_PER_IP; i++) expect((await attempt('203.0.113.50')).status).toBe(401);
    const blocked = await attempt('203.0.113.50');
    expect(blocked.status).toBe(429);
    expectRetryAfter(blocked);
    expect((await attempt('203.0.113.51')).status).toBe(401);
    // The proxy's own address was not what got limited: a direct caller is still let through.
    expect((await new Session(proxied.baseUrl).logIn({ email: uniqueEmail('a1-direct'), password: 'Spray guess 1' })).status).toBe(401);
    await resetRateLimits();
  });
});

describe('A2 an unknown email costs a password verification too', () => {
  it('the server spends comparable CPU on unknown emails and on wrong passwords, and no hash on a refused over-long or 1 MiB password', async () => {
    await resetRateLimits();
    const known = ownerCredentials().email;
    const login = (email: string, password: string) => new Session(proxied.baseUrl).logIn({ email, password });
    // Warm up both paths (the dummy hash is made on first use).
    expect((await login(uniqueEmail('a2-warm'), 'not the password at all')).status).toBe(401);
    expect((await login(known, 'not the password at all')).status).toBe(401);
    await resetRateLimits();
    const pid = proxied.process.pid!;
    const ROUNDS = 16;
    const kinds: Array<{ name: string; status: number; run: () => Promise<Response> }> = [
      { name: 'wrongPassword', status: 401, run: () => login(known, 'not the password at all') },
      { name: 'unknownEmail', status: 401, run: () => login(uniqueEmail('a2-nobody'), 'not the password at all') },
      { name: 'tooLong', status: 400, run: () => login(known, 'x'.repeat(257)) },
      { name: 'huge', status: 400, run: () => login(known, 'x'.repeat(1024 * 1024)) },
      // The same megabyte of JSON to read, refused for another reason: what reading it costs alone.
      { name: 'padded', status: 400, run: () => new Session(proxied.baseUrl).request('/api/auth/login', { method: 'POST', json: { email: known, password: 'x'.repeat(257), padding: 'x'.repeat(1024 * 1024) } }) },
    ];
    const ticks: Record<string, number> = Object.fromEntries(kinds.map((k) => [k.name, 0]));
    // Interleaved, one request per measurement, so the server's background work spreads evenly.
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of kinds) {
        const before = cpuTicks(pid);
        expect((await kind.run()).status, kind.name).toBe(kind.status);
        ticks[kind.name]! += cpuTicks(pid) - before;
      }
      if (round % 8 === 7) await resetRateLimits();
    }
    await resetRateLimits();
    const { wrongPassword, unknownEmail, tooLong, huge, padded } = ticks as Record<string, number>;
    console.info(`A2 CPU ticks for ${ROUNDS} sign-ins each: ${JSON.stringify(ticks)}`);
    // Sixteen argon2id verifications (19 MiB, t=2) are tens of clock ticks; a skipped hash would be a few.
    expect(wrongPassword).toBeGreaterThan(0);
    expect(unknownEmail!).toBeGreaterThan(wrongPassword! * 0.35);
    expect(tooLong!).toBeLessThan(wrongPassword! * 0.5);
    expect(huge!).toBeLessThan(padded! + wrongPassword! * 0.5);
  });
});

describe('A5 secrets stay out of URLs and logs; every Set-Cookie has its flags', () => {
  it('session ids, CSRF tokens, API tokens, invite tokens and passwords never reach the server log', async () => {
    const password = `Log probe passphrase ${Date.now()}`;
    const email = uniqueEmail('a5-log');
    const session = new Session(proxied.baseUrl);
    expect((await session.signUp({ email, password, name: 'Log probe' })).status).toBe(201);
    const me = await session.me();
    const token = (await (await session.post('/api/auth/tokens', { name: 'log probe' })).json()) as CreatedToken;
    const invite = (await (await session.post(`/api/workspaces/${me.currentWorkspaceId}/invites`, { role: 'viewer' })).json()) as CreatedInvite;
    expect((await fetch(`${proxied.baseUrl}/api/invites/${invite.token}`)).status).toBe(200);
    // Error paths log more than successes: a bad bearer token, a wrong password, a bad invite.
    expect((await fetch(`${proxied.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token.token}x` } })).status).toBe(401);
    expect((await fetch(`${proxied.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token.token}` } })).status).toBe(200);
    expect((await new Session(proxied.baseUrl).logIn({ email, password: `${password}!` })).status).toBe(401);
    expect((await fetch(`${proxied.baseUrl}/api/invites/${invite.token}x`)).status).toBe(404);
    const log = readFileSync(proxied.logFile, 'utf8');
    for (const secret of [session.cookies.get('glossa_session')!, session.csrfToken!, token.token, invite.token, password]) {
      expect(log.includes(secret), `a secret of ${secret.length} characters is in the log`).toBe(false);
    }
    await resetRateLimits();
  });

  it('sign-up, sign-in, sign-out and the CSRF cookie: HttpOnly (session), explicit SameSite, Path=/, no Domain; no secret in a body or Location', async () => {
    const lines: string[] = [];
    const session = newSession();
    const email = uniqueEmail('a5-cookies');
    const signUp = await session.signUp({ email, password: TEST_PASSWORD, name: 'Cookies' });
    lines.push(...signUp.headers.getSetCookie());
    const signUpBody = await signUp.text();
    const login = await newSession().logIn({ email, password: TEST_PASSWORD });
    lines.push(...login.headers.getSetCookie());
    const loginBody = await login.text();
    const logout = await session.post('/api/auth/logout');
    lines.push(...logout.headers.getSetCookie());
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(line, line).toMatch(/; SameSite=(Lax|Strict)/);
      expect(line, line).toMatch(/; Path=\//);
      expect(line, line).not.toMatch(/Domain=/i);
      if (/^(__Host-)?glossa_session=/.test(line)) expect(line, line).toMatch(/; HttpOnly/);
    }
    const value = (response: Response) => response.headers.getSetCookie().find((l) => l.startsWith('glossa_session='))!.split(';')[0]!.split('=')[1]!;
    expect(signUpBody).not.toContain(value(signUp));
    expect(loginBody).not.toContain(value(login));
    for (const response of [signUp, login, logout]) expect(response.headers.get('location')).toBeNull();
  });
});

describe('A8 cross-site requests against every mutating route', () => {
  let world: ReviewWorld;
  let annotation: Annotation;
  let other: Annotation;
  let link: Link;
  let inviteToken: string;

  beforeAll(async () => {
    world = await makeWorld('a8');
    annotation = await annotate(world.analyst.session, world.docA, '逾千名高級別代表');
    other = await annotate(world.analyst.session, world.docB, '1400餘名代表');
    link = await flag(world.analyst.session, [annotation.id, other.id]);
    const comment = await world.analyst.session.post(`/api/links/${link.id}/comments`, { body: 'A first comment' });
    expect(comment.status).toBe(201);
    void ((await comment.json()) as Comment);
    const invite = await world.owner.post(`/api/workspaces/${world.workspaceId}/invites`, { role: 'viewer' });
    inviteToken = ((await invite.json()) as CreatedInvite).token;
  });

  /** Each mutating route of the API, as the analyst (a member who may do it with a proper request). */
  const routes = (): Array<{ name: string; method: string; path: string; json?: unknown; headers?: Record<string, string> }> => [
    { name: 'create an annotation', method: 'POST', path: `/api/documents/${world.docA.id}/annotations`, json: { tag: 'claim', target: { revisionId: world.docA.revisionId, selector: [{ type: 'TextQuoteSelector', exact: '會議開幕' }] } } },
    { name: 'edit an annotation', method: 'PATCH', path: `/api/annotations/${annotation.id}`, json: { note: 'forged' }, headers: { 'if-match': `"${annotation.version}"` } },
    { name: 'delete an annotation', method: 'DELETE', path: `/api/annotations/${annotation.id}`, headers: { 'if-match': `"${annotation.version}"` } },
    { name: 'restore an annotation', method: 'POST', path: `/api/annotations/${annotation.id}/restore`, headers: { 'if-match': `"${annotation.version}"` } },
    { name: 'submit an annotation', method: 'POST', path: `/api/annotations/${annotation.id}/submit`, headers: { 'if-match': `"${annotation.version}"` } },
    { name: 'decide an annotation', method: 'POST', path: `/api/annotations/${annotation.id}/decision`, json: { decision: 'accept' }, headers: { 'if-match': `"${annotation.version}"` } },
    { name: 'comment on an annotation', method: 'POST', path: `/api/annotations/${annotation.id}/comments`, json: { body: 'forged' } },
    { name: 'create a link', method: 'POST', path: '/api/links', json: { type: 'supports', annotationIds: [annotation.id, other.id], rationale: 'forged' } },
    { name: 'move a flag', method: 'POST', path: `/api/links/${link.id}/transitions`, json: { action: 'dismiss' }, headers: { 'if-match': `"${link.version}"` } },
    { name: 'comment on a link', method: 'POST', path: `/api/links/${link.id}/comments`, json: { body: 'forged' } },
    { name: 'mark notifications read', method: 'POST', path: '/api/me/notifications/read', json: { all: true } },
    { name: 'import a revision', method: 'POST', path: `/api/documents/${world.docA.id}/revisions`, json: { format: 'text', content: 'forged' } },
    { name: 'import a document', method: 'POST', path: '/api/documents', json: { title: 'Forged', format: 'text', content: 'forged', workspaceId: world.workspaceId } },
    { name: 'leave the workspace', method: 'DELETE', path: `/api/workspaces/${world.workspaceId}/members/${world.analyst.me.user.id}` },
    { name: 'accept an invite', method: 'POST', path: `/api/invites/${inviteToken}/accept` },
    { name: 'revoke a token', method: 'DELETE', path: '/api/auth/tokens/00000000-0000-4000-8000-000000000000' },
    { name: 'sign out', method: 'POST', path: '/api/auth/logout' },
  ];

  const attacks: Array<{ name: string; headers: (token: string) => Record<string, string>; textPlain?: boolean }> = [
    { name: 'a text/plain form post (no token)', headers: () => ({ 'content-type': 'text/plain' }), textPlain: true },
    { name: 'a text/plain post from a foreign Origin', headers: () => ({ 'content-type': 'text/plain', origin: 'https://evil.example' }), textPlain: true },
    { name: 'JSON from Origin https://evil.example (with the token)', headers: (t) => ({ origin: 'https://evil.example', 'x-csrf-token': t }) },
    { name: 'JSON without the X-CSRF-Token header', headers: () => ({}) },
  ];

  for (const attack of attacks) {
    it(`${attack.name} → refused on every route (403, or 415 for a body type no route reads), nothing changed, still signed in`, async () => {
      const session = world.analyst.session;
      // One fingerprint around the whole sweep: any route that changed anything fails the test.
      const before = await databaseFingerprint();
      for (const route of routes()) {
        const headers = { ...route.headers, ...attack.headers(session.csrfToken!) };
        const body = attack.textPlain ? JSON.stringify(route.json ?? {}) : undefined;
        const response = await session.request(route.path, { method: route.method, json: attack.textPlain ? undefined : route.json, body, headers, withoutCsrf: true });
        expect(attack.textPlain ? [403, 415] : [403], `${route.name}: ${response.status}`).toContain(response.status);
        if (response.status === 403) expect((await errorOf(response)).code, route.name).toBe('csrf_failed');
      }
      expect(await databaseFingerprint()).toEqual(before);
      expect((await session.get('/api/me')).status).toBe(200);
    });
  }

  it('the same routes with the page’s own token and origin are not refused as CSRF (the sweep above is meaningful)', async () => {
    const session = world.analyst.session;
    const response = await session.post(`/api/annotations/${annotation.id}/comments`, { body: 'a real comment' }, { headers: { origin: session.baseUrl } });
    expect(response.status).toBe(201);
  });

  it('GET never mutates: GET on each mutating path answers 404/405 and changes nothing', async () => {
    const session = world.analyst.session;
    const before = await databaseFingerprint();
    for (const route of routes()) {
      const response = await session.get(route.path);
      expect([200, 404, 405], `${route.name}: GET ${response.status}`).toContain(response.status);
    }
    expect(await databaseFingerprint()).toEqual(before);
    expect((await session.get('/api/me')).status).toBe(200);
  });
});
