// Accounts, workspaces and roles in a real browser, one context per person (issue 3): the
// owner invites a reviewer by link, the reviewer signs up through it and works in the
// owner's workspace; a stranger who signs up alone sees none of it. Plus the sign-in gate,
// signing out, and personal API tokens.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DocumentPage, Me } from '@glossa/contracts';
import { baseUrl } from '../support/api';
import { launchBrowser } from '../support/browser';
import { csrfHeaders, newAccount, signInThroughUi, submitSignIn, submitSignUp } from '../support/browser-session';

const SEED_TITLES = ['廣州APEC第一次高官會', '王毅出席APEC高官會 強調圍繞開放創新合作推進全年議程', 'APEC 与中国区域经济高质量发展研究', 'APEC峰会后中美关系新观察', '亚太命运共同体展望'];

interface Person {
  context: BrowserContext;
  page: Page;
}

let browser: Browser;
let owner: Person;
const problems: string[] = [];
const reviewer = newAccount('reviewer');
const stranger = newAccount('stranger');

async function newPerson(): Promise<Person> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page };
}

const memberRow = (page: Page, email: string) => page.locator(`[data-testid=member-row][data-email="${email}"]`);

async function documentsSeenBy(context: BrowserContext): Promise<DocumentPage['items']> {
  const response = await context.request.get(`${baseUrl()}/api/documents?limit=100`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as DocumentPage).items;
}

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await newPerson();
  await signInThroughUi(owner.page, inject('owner'));
});

afterAll(async () => {
  await browser?.close();
});

describe('inviting a reviewer', () => {
  let inviteUrl = '';
  let inviteId = '';

  it('the owner creates a reviewer invite link on the members page', async () => {
    const { page } = owner;
    await page.locator('[data-testid=nav-members]').click();
    await memberRow(page, inject('owner').email).waitFor();
    expect(await page.locator('[data-testid=my-role]').getAttribute('data-role')).toBe('owner');

    await page.locator('[data-testid=invite-role]').selectOption('reviewer');
    await page.locator('[data-testid=invite-create]').click();
    const created = page.locator('[data-testid=invite-created]');
    await created.waitFor();
    expect(await created.getAttribute('data-role')).toBe('reviewer');
    inviteId = (await created.getAttribute('data-invite-id')) ?? '';
    inviteUrl = await page.locator('[data-testid=invite-link]').inputValue();
    expect(inviteUrl.startsWith(`${baseUrl()}/invite/`)).toBe(true);
    await page.locator(`[data-testid=invite-row][data-invite-id="${inviteId}"]`).waitFor();
  });

  it('a second person opens the link, signs up, joins, and sees the seeded documents', async () => {
    const guest = await newPerson();
    await guest.page.goto(inviteUrl);
    const summary = guest.page.locator('[data-testid=invite-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-role')).toBe('reviewer');
    expect(await summary.innerText()).toContain('Reviewer');

    await submitSignUp(guest.page, reviewer);
    await guest.page.waitForURL(`${baseUrl()}/`);
    await guest.page.locator('[data-testid=document-row]').nth(SEED_TITLES.length - 1).waitFor();
    const rows = await guest.page.locator('[data-testid=document-row]').allInnerTexts();
    for (const title of SEED_TITLES) expect(rows.some((row) => row.includes(title))).toBe(true);

    await guest.page.locator('[data-testid=nav-members]').click();
    const row = memberRow(guest.page, reviewer.email);
    await row.waitFor();
    expect(await row.getAttribute('data-role')).toBe('reviewer');
    expect(await row.locator('[data-testid=member-role]').innerText()).toBe('Reviewer');
    expect(await guest.page.locator('[data-testid=my-role]').getAttribute('data-role')).toBe('reviewer');
    // A reviewer does not manage members: the page offers no way to.
    expect(await guest.page.locator('[data-testid=invite-form], [data-testid=member-role-select], [data-testid=member-remove]').count()).toBe(0);
    await guest.context.close();
  });

  it("the owner's members page lists the new reviewer, and the used invite is no longer pending", async () => {
    const { page } = owner;
    await page.reload();
    const row = memberRow(page, reviewer.email);
    await row.waitFor();
    expect(await row.getAttribute('data-role')).toBe('reviewer');
    expect(await row.locator('[data-testid=member-role-select]').inputValue()).toBe('reviewer');
    await page.locator('[data-testid=invites-table], [data-testid=invites-empty]').first().waitFor();
    expect(await page.locator(`[data-testid=invite-row][data-invite-id="${inviteId}"]`).count()).toBe(0);
  });

  it('the link does not work a second time', async () => {
    const late = await newPerson();
    await late.page.goto(inviteUrl);
    await late.page.locator('[data-testid=invite-invalid]').waitFor();
    expect(await late.page.locator('[data-testid=signup-form]').count()).toBe(0);
    await late.context.close();
  });
});

describe('a stranger with open sign-up', () => {
  let person: Person;

  beforeAll(async () => {
    person = await newPerson();
  });

  it('gets an empty workspace of their own and sees none of the seeded documents', async () => {
    await person.page.goto(`${baseUrl()}/signup`);
    await submitSignUp(person.page, stranger);
    await person.page.locator('[data-testid=documents-empty]').waitFor();
    expect(await person.page.locator('[data-testid=document-row]').count()).toBe(0);
    const seen = await documentsSeenBy(person.context);
    expect(seen.filter((document) => SEED_TITLES.includes(document.title))).toEqual([]);

    const me = (await (await person.context.request.get(`${baseUrl()}/api/me`)).json()) as Me;
    expect(me.workspaces).toHaveLength(1);
    expect(me.workspaces[0]!.role).toBe('owner');
  });

  it('gets 404 for a seed document by id, from the API and in the page', async () => {
    const seed = (await documentsSeenBy(owner.context)).find((document) => document.title === SEED_TITLES[0]);
    expect(seed).toBeDefined();
    const response = await person.context.request.get(`${baseUrl()}/api/documents/${seed!.id}`);
    expect(response.status()).toBe(404);
    await person.page.goto(`${baseUrl()}/documents/${seed!.id}`);
    await person.page.locator('[data-testid=document-not-found]').waitFor();
  });

  it("cannot open the owner's members page", async () => {
    const me = (await (await owner.context.request.get(`${baseUrl()}/api/me`)).json()) as Me;
    await person.page.goto(`${baseUrl()}/workspaces/${me.currentWorkspaceId}/members`);
    await person.page.locator('[data-testid=members-not-found]').waitFor();
    expect(await person.page.locator('[data-testid=member-row]').count()).toBe(0);
  });
});

describe('several workspaces', () => {
  it('the owner creates a second workspace, works in it, and switches back to the seeded one', async () => {
    const { page, context } = owner;
    const before = (await (await context.request.get(`${baseUrl()}/api/me`)).json()) as Me;
    const seeded = before.currentWorkspaceId!;
    try {
      await page.goto(`${baseUrl()}/workspaces/new`);
      await page.locator('[data-testid=workspace-name]').fill(`E2E desk ${Date.now()}`);
      await page.locator('[data-testid=workspace-create]').click();
      await page.locator('[data-testid=documents-empty]').waitFor();
      const switcher = page.locator('[data-testid=workspace-switch]');
      expect(await switcher.inputValue()).not.toBe(seeded);
      expect(await switcher.locator('option').count()).toBe(before.workspaces.length + 1);

      await switcher.selectOption(seeded);
      await page.locator('[data-testid=document-row]').nth(SEED_TITLES.length - 1).waitFor();
      expect(await switcher.inputValue()).toBe(seeded);
      const after = (await (await context.request.get(`${baseUrl()}/api/me`)).json()) as Me;
      expect(after.currentWorkspaceId).toBe(seeded);
    } finally {
      // Later suites sign in as the owner and expect the seeded workspace to be current.
      await context.request.patch(`${baseUrl()}/api/me`, { headers: await csrfHeaders(context), data: { currentWorkspaceId: seeded } });
    }
  });
});

describe('the sign-in gate', () => {
  it('sends an anonymous visitor to sign in, then on to the page they asked for', async () => {
    const visitor = await newPerson();
    await visitor.page.goto(`${baseUrl()}/settings/tokens`);
    await visitor.page.waitForURL(`${baseUrl()}/signin?next=%2Fsettings%2Ftokens`);
    await submitSignIn(visitor.page, inject('owner'));
    await visitor.page.locator('[data-testid=tokens-page]').waitFor();
    expect(new URL(visitor.page.url()).pathname).toBe('/settings/tokens');
    await visitor.context.close();
  });

  it('never follows a `next` that leaves the site', async () => {
    const visitor = await newPerson();
    await signInThroughUi(visitor.page, inject('owner'), '//evil.example/steal');
    await visitor.page.locator('[data-testid=documents-table]').waitFor();
    expect(new URL(visitor.page.url()).origin).toBe(baseUrl());
    expect(new URL(visitor.page.url()).pathname).toBe('/');
    await visitor.context.close();
  });

  it('answers an unknown account with a generic refusal and keeps what was typed', async () => {
    const visitor = await newPerson();
    const unknown = newAccount('nobody');
    await visitor.page.goto(`${baseUrl()}/signin`);
    await visitor.page.locator('[data-testid=signin-email]').fill(unknown.email);
    await visitor.page.locator('[data-testid=signin-password]').fill(unknown.password);
    await visitor.page.locator('[data-testid=signin-submit]').click();
    const refusal = visitor.page.locator('[data-testid=auth-error]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('unauthenticated');
    expect(await refusal.innerText()).toContain('The email or password is not right');
    expect(await visitor.page.locator('[data-testid=signin-email]').inputValue()).toBe(unknown.email);
    expect(await visitor.page.locator('[data-testid=signin-password]').inputValue()).toBe(unknown.password);
    await visitor.context.close();
  });

  it('checks the password length before sending a sign-up', async () => {
    const visitor = await newPerson();
    await visitor.page.goto(`${baseUrl()}/signup`);
    await visitor.page.locator('[data-testid=signup-name]').fill('Short');
    await visitor.page.locator('[data-testid=signup-email]').fill(newAccount('short').email);
    await visitor.page.locator('[data-testid=signup-password]').fill('1234567');
    await visitor.page.locator('[data-testid=signup-submit]').click();
    await visitor.page.locator('[data-testid=signup-password-error]').waitFor();
    expect(await visitor.page.locator('[data-testid=signup-password]').getAttribute('aria-invalid')).toBe('true');
    expect(await visitor.page.locator('[data-testid=signup-name]').inputValue()).toBe('Short');
    await visitor.context.close();
  });

  it('signs out: the page returns to sign-in and the old cookie no longer works', async () => {
    const visitor = await newPerson();
    await signInThroughUi(visitor.page, inject('owner'));
    await visitor.page.locator('[data-testid=sign-out]').click();
    await visitor.page.waitForURL(`${baseUrl()}/signin`);
    await visitor.page.locator('[data-testid=signin-page]').waitFor();
    expect((await visitor.context.request.get(`${baseUrl()}/api/me`)).status()).toBe(401);
    await visitor.context.close();
  });
});

describe('API tokens', () => {
  it('creates a token shown once that works as a Bearer token until it is revoked', async () => {
    const { page } = owner;
    const name = `e2e script ${Date.now()}`;
    await page.locator('[data-testid=nav-tokens]').click();
    await page.locator('[data-testid=tokens-page]').waitFor();
    await page.locator('[data-testid=token-name]').fill(name);
    await page.locator('[data-testid=token-create]').click();
    const secret = await page.locator('[data-testid=token-secret]').inputValue();
    expect(secret.length).toBeGreaterThan(20);

    const asScript = () => fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    const signedIn = await asScript();
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as Me).user.email).toBe(inject('owner').email);

    await page.reload();
    const row = page.locator('[data-testid=token-row]', { hasText: name });
    await row.waitFor();
    expect(await page.locator('[data-testid=token-secret]').count()).toBe(0);

    await row.locator('[data-testid=token-revoke]').click();
    await page.locator('[data-testid=confirm-accept]').click();
    await row.waitFor({ state: 'detached' });
    expect((await asScript()).status).toBe(401);
  });
});

describe('page health', () => {
  it('saw no page errors and no Content-Security-Policy violations', () => {
    // 4xx answers (the refused sign-in, 401 before signing in, the 404s) are expected console noise.
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
