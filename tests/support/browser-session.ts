// People in browser tests: sign a context in (or up) through the real pages, the way a
// person does, and read the CSRF cookie for requests a test sends from that context.
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { CSRF_COOKIE, CSRF_HEADER } from '@glossa/contracts';
import { baseUrl } from './api';
import type { Credentials } from './session';

export interface NewAccount extends Credentials {
  name: string;
}

/** A fresh account nobody has used: unique email, a password no list contains. */
export function newAccount(label: string): NewAccount {
  const suffix = randomBytes(6).toString('hex');
  return { name: `E2E ${label} ${suffix}`, email: `e2e-${label}-${suffix}@example.org`, password: `paper-${randomBytes(9).toString('base64url')}-kite` };
}

/** Waits for the signed-in header or the form's error banner, and fails with the banner's words. */
async function settle(page: Page, what: string): Promise<void> {
  await page.locator('[data-testid=current-user], [data-testid=auth-error]').first().waitFor();
  const refusal = page.locator('[data-testid=auth-error]');
  if (await refusal.isVisible()) {
    throw new Error(`${what} was refused (${await refusal.getAttribute('data-code')}): ${await refusal.innerText()}`);
  }
}

/** Fills and sends the sign-in form on the page's current sign-in page. */
export async function submitSignIn(page: Page, credentials: Credentials): Promise<void> {
  await page.locator('[data-testid=signin-email]').fill(credentials.email);
  await page.locator('[data-testid=signin-password]').fill(credentials.password);
  await page.locator('[data-testid=signin-submit]').click();
  await settle(page, `sign-in of ${credentials.email}`);
}

/** Opens the sign-in page (with `next` when given) and signs in. */
export async function signInThroughUi(page: Page, credentials: Credentials, next?: string): Promise<void> {
  await page.goto(`${baseUrl()}/signin${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
  await submitSignIn(page, credentials);
}

/** A new page in `context`, signed in through the UI. */
export async function signedInPage(context: BrowserContext, credentials: Credentials): Promise<Page> {
  const page = await context.newPage();
  await signInThroughUi(page, credentials);
  return page;
}

/** Fills and sends the sign-up form shown on the page (on /signup or an invite page). */
export async function submitSignUp(page: Page, account: NewAccount): Promise<void> {
  await page.locator('[data-testid=signup-name]').fill(account.name);
  await page.locator('[data-testid=signup-email]').fill(account.email);
  await page.locator('[data-testid=signup-password]').fill(account.password);
  await page.locator('[data-testid=signup-submit]').click();
  await settle(page, `sign-up of ${account.email}`);
}

/**
 * Headers a mutating request sent with `context.request` needs besides its cookies:
 * the double-submit token and the Origin a browser would send.
 */
export async function csrfHeaders(context: BrowserContext): Promise<Record<string, string>> {
  const cookie = (await context.cookies(baseUrl())).find((candidate) => candidate.name === CSRF_COOKIE);
  if (!cookie) throw new Error(`no ${CSRF_COOKIE} cookie in this context yet: open a page of the app first`);
  return { [CSRF_HEADER]: cookie.value, origin: baseUrl() };
}
