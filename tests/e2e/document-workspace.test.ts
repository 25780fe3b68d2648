// A document of another of one's workspaces, opened by its link: the page follows the document's
// workspace — it becomes the current one (the header says so), the reader's role there decides
// what the page offers (a viewer reads, cannot annotate), and the flag search and lists speak of
// that workspace — instead of the workspace last chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DocumentDetail, Me, WorkspaceSummary } from '@glossa/contracts';
import { baseUrl, joinWithRole, signInAsOwner, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';

let browser: Browser;
let page: Page;
let reader: TestUser;
let other: WorkspaceSummary;
let mine: WorkspaceSummary;
let otherDocument: DocumentDetail;
const problems: string[] = [];

beforeAll(async () => {
  const owner = await signInAsOwner();
  other = (await (await owner.post('/api/workspaces', { name: `Elsewhere ${Date.now()}` })).json()) as WorkspaceSummary;
  const created = await owner.post('/api/documents', { title: '他處的文件', format: 'text', content: '另一個工作區裡的文件內容。', workspaceId: other.id });
  expect(created.status).toBe(201);
  otherDocument = (await created.json()) as DocumentDetail;
  expect(otherDocument.workspaceId).toBe(other.id);
  reader = await joinWithRole(owner, other.id, 'viewer', 'elsewhere-viewer');
  mine = (await (await reader.session.post('/api/workspaces', { name: `Mine ${Date.now()}` })).json()) as WorkspaceSummary;
  // The reader last chose their own workspace, where they may annotate.
  const switched = await reader.session.patch('/api/me', { currentWorkspaceId: mine.id });
  expect(((await switched.json()) as Me).currentWorkspaceId).toBe(mine.id);

  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await signInThroughUi(page, reader);
});

afterAll(async () => {
  await browser?.close();
});

describe("a document of another of one's workspaces", () => {
  it("makes the document's workspace current and offers what the role there allows", async () => {
    expect(await page.locator('[data-testid=workspace-switch]').inputValue()).toBe(mine.id);
    await page.goto(`${baseUrl()}/documents/${otherDocument.id}`);
    await page.locator('[data-testid=reading-view]', { hasText: '另一個工作區' }).waitFor();
    await page.waitForFunction((id) => (document.querySelector('[data-testid=workspace-switch]') as HTMLSelectElement | null)?.value === id, other.id);
    await page.locator('.annotating__readonly').waitFor();
    expect(await page.locator('.annotating__readonly').innerText()).toBe('Your role can read annotations but not add them.');
    const me = (await (await reader.session.get('/api/me')).json()) as Me;
    expect(me.currentWorkspaceId).toBe(other.id);
    expect(problems).toEqual([]);
  });
});
