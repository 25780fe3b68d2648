// Brute-force limits (SECURITY.md A1): failed sign-ins per account and per client IP, sign-ups per
// account and per IP, answered with 429 and Retry-After. X-Forwarded-For counts only behind a
// configured proxy. Cool-downs are reached by moving the counter's window back in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, query, resetRateLimits, Session, signUpStranger, startServerOnSuiteDatabase, TEST_PASSWORD, uniqueEmail, type TestUser } from '../support/api';

// The defaults the suite server runs with (apps/api/src/config/config.ts).
const FAILURES_PER_ACCOUNT = 10;
const FAILURES_PER_IP = 30;
const SIGNUPS_PER_ACCOUNT = 5;
const SIGNUPS_PER_IP = 10;
const WINDOW_SECONDS = 900;

let target: TestUser;

beforeAll(async () => {
  await resetRateLimits();
  target = await signUpStranger('brute-forced');
});

afterAll(resetRateLimits);

/** Ends every window now, as if the cool-down had passed. */
async function coolDown(): Promise<void> {
  await query(`UPDATE rate_limit SET window_started_at = now() - make_interval(secs => $1 + 1)`, [WINDOW_SECONDS]);
}

function expectRetryAfter(response: Response): void {
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

const forgedIp = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${i % 250}` });

describe('sign-in', () => {
  it(`after ${FAILURES_PER_ACCOUNT} wrong passwords for one account — from "many IPs" — even the right one gets 429 until the cool-down`, async () => {
    for (let i = 0; i < FAILURES_PER_ACCOUNT; i++) {
      const response = await newSession().logIn({ email: target.email, password: `wrong guess ${i}` });
      expect(response.status).toBe(401);
    }
    const blocked = await newSession().request('/api/auth/login', { method: 'POST', json: { email: target.email, password: 'wrong again' }, headers: forgedIp(1) });
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expectRetryAfter(blocked);
    const right = await newSession().request('/api/auth/login', { method: 'POST', json: { email: target.email, password: TEST_PASSWORD }, headers: forgedIp(2) });
    expect(right.status).toBe(429);
    expectRetryAfter(right);

    await coolDown();
    expect((await newSession().logIn({ email: target.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('counts unknown emails the same way (no enumeration through the limiter)', async () => {
    await resetRateLimits();
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < FAILURES_PER_ACCOUNT; i++) expect((await newSession().logIn({ email: ghost, password: `guess ${i}` })).status).toBe(401);
    expect((await newSession().logIn({ email: ghost, password: 'guess again' })).status).toBe(429);
  });

  it(`a forged X-Forwarded-For does not escape the per-IP limit of ${FAILURES_PER_IP} failures`, async () => {
    await resetRateLimits();
    for (let i = 0; i < FAILURES_PER_IP; i++) {
      const response = await newSession().request('/api/auth/login', { method: 'POST', json: { email: uniqueEmail('spray'), password: 'Spray guess 1' }, headers: forgedIp(i) });
      expect(response.status).toBe(401);
    }
    const blocked = await newSession().request('/api/auth/login', { method: 'POST', json: { email: target.email, password: TEST_PASSWORD }, headers: forgedIp(99) });
    expect(blocked.status).toBe(429);
    expectRetryAfter(blocked);
    await resetRateLimits();
    expect((await newSession().logIn({ email: target.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('successful sign-ins do not use up the per-IP allowance', async () => {
    await resetRateLimits();
    for (let i = 0; i < FAILURES_PER_IP + 2; i++) expect((await newSession().logIn({ email: target.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('wrong current passwords on the password-change form count as failed sign-ins', async () => {
    await resetRateLimits();
    const victim = await signUpStranger('stolen-session');
    for (let i = 0; i < FAILURES_PER_ACCOUNT; i++) {
      expect((await victim.session.post('/api/auth/password', { currentPassword: `guess ${i}`, newPassword: 'Attacker chosen passphrase' })).status).toBe(400);
    }
    const blocked = await victim.session.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Attacker chosen passphrase' });
    expect(blocked.status).toBe(429);
    expectRetryAfter(blocked);
    expect((await newSession().logIn({ email: victim.email, password: TEST_PASSWORD })).status).toBe(429);
  });
});

describe('sign-up', () => {
  it(`more than ${SIGNUPS_PER_ACCOUNT} attempts for one email → 429`, async () => {
    await resetRateLimits();
    const email = uniqueEmail('repeat');
    expect((await newSession().signUp({ email, password: TEST_PASSWORD, name: 'Repeat' })).status).toBe(201);
    for (let i = 1; i < SIGNUPS_PER_ACCOUNT; i++) expect((await newSession().signUp({ email, password: TEST_PASSWORD, name: 'Repeat' })).status).toBe(400);
    const blocked = await newSession().signUp({ email, password: TEST_PASSWORD, name: 'Repeat' });
    expect(blocked.status).toBe(429);
    expectRetryAfter(blocked);
  });

  it(`per IP: ${SIGNUPS_PER_IP} attempts, then 429 — and X-Forwarded-For counts only from a configured proxy`, async () => {
    await resetRateLimits();
    // Default limits, sign-up closed, and 127.0.0.1 configured as the trusted proxy.
    const server = await startServerOnSuiteDatabase({ GLOSSA_TRUST_PROXY: '127.0.0.1' }, 'throttle-proxy');
    try {
      const attempt = (client: string) =>
        new Session(server.baseUrl).request('/api/auth/signup', {
          method: 'POST',
          json: { email: uniqueEmail('closed'), password: TEST_PASSWORD, name: 'Closed' },
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < SIGNUPS_PER_IP; i++) expect((await attempt('203.0.113.7')).status).toBe(403);
      const blocked = await attempt('203.0.113.7');
      expect(blocked.status).toBe(429);
      expectRetryAfter(blocked);
      // Behind the trusted proxy another client is another IP.
      expect((await attempt('203.0.113.8')).status).toBe(403);
    } finally {
      await server.stop();
      await resetRateLimits();
    }
  });
});
