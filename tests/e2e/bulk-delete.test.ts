// Deleting many annotations at once from the side panel, in a real browser: "Select…", select
// all shown (only one's own are selectable for an analyst), delete — the highlights go in one
// step and the database agrees — then Undo in the toast and Ctrl+Z bring them all back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Annotation, DocumentDetail, WorkspaceSummary } from '@glossa/contracts';
import { baseUrl, joinWithRole, query, signInAsOwner, type Session, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';

let browser: Browser;
let page: Page;
let analyst: TestUser;
let colleague: TestUser;
let documentId: string;
const mine: string[] = [];
let theirs: string;
const problems: string[] = [];

const PHRASES = ['第一項', '第二項', '第三項', '第四項'];

async function annotate(session: Session, revisionId: string, exact: string): Promise<string> {
  const response = await session.post(`/api/documents/${documentId}/annotations`, { tag: 'data', target: { revisionId, selector: [{ type: 'TextQuoteSelector', exact }] } });
  expect(response.status).toBe(201);
  return ((await response.json()) as Annotation).id;
}

const markIds = () => page.evaluate(() => [...new Set(Array.from(document.querySelectorAll('[data-testid=reading-view] mark[data-annotation-id]')).map((m) => m.getAttribute('data-annotation-id')!))].sort());
const waitForMarks = (ids: readonly string[]) =>
  page.waitForFunction(
    (expected) => {
      const now = [...new Set(Array.from(document.querySelectorAll('[data-testid=reading-view] mark[data-annotation-id]')).map((m) => m.getAttribute('data-annotation-id')!))].sort();
      return JSON.stringify(now) === JSON.stringify(expected);
    },
    [...ids].sort(),
  );
const deletedInDatabase = async (ids: readonly string[]) =>
  (await query<{ deleted: boolean }>(`SELECT deleted_at IS NOT NULL AS deleted FROM annotation WHERE id = ANY($1::uuid[])`, [ids])).map((r) => r.deleted);

beforeAll(async () => {
  const owner = await signInAsOwner();
  const workspace = await owner.post('/api/workspaces', { name: 'Bulk delete in the browser' });
  const workspaceId = ((await workspace.json()) as WorkspaceSummary).id;
  analyst = await joinWithRole(owner, workspaceId, 'analyst', 'bulk-e2e-ana');
  colleague = await joinWithRole(owner, workspaceId, 'analyst', 'bulk-e2e-cole');
  const created = await analyst.session.post('/api/documents', { title: '批量刪除（瀏覽器）', format: 'text', content: PHRASES.map((p) => `${p}：本段只為測試。`).join('\n\n'), workspaceId });
  expect(created.status).toBe(201);
  const detail = (await created.json()) as DocumentDetail;
  documentId = detail.id;
  for (const phrase of PHRASES.slice(0, 3)) mine.push(await annotate(analyst.session, detail.revision.id, phrase));
  theirs = await annotate(colleague.session, detail.revision.id, PHRASES[3]!);

  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await signInThroughUi(page, analyst);
});

afterAll(async () => {
  await browser?.close();
});

describe('deleting many annotations from the side panel', () => {
  it("selects only one's own, deletes them in one step, and Undo brings them back", async () => {
    await page.goto(`${baseUrl()}/documents/${documentId}`);
    await waitForMarks([...mine, theirs]);

    await page.locator('[data-testid=annotation-select-mode]').click();
    await page.locator('[data-testid=annotation-select]').first().waitFor();
    expect(await page.locator('[data-testid=annotation-select]').count()).toBe(mine.length);
    await page.locator('[data-testid=annotation-select-all]').click();
    await page.locator('[data-testid=annotation-selected-count]', { hasText: '3 selected' }).waitFor();
    await page.locator('[data-testid=annotation-delete-selected]').click();

    await waitForMarks([theirs]);
    await page.locator('[data-testid=annotation-toast]', { hasText: 'Deleted 3 annotations.' }).waitFor();
    expect(await deletedInDatabase(mine)).toEqual([true, true, true]);
    expect(await deletedInDatabase([theirs])).toEqual([false]);
    // Done deleting: the panel leaves selection mode.
    await page.locator('[data-testid=annotation-selection]').waitFor({ state: 'detached' });

    await page.locator('[data-testid=annotation-toast-undo]').click();
    await waitForMarks([...mine, theirs]);
    expect(await deletedInDatabase(mine)).toEqual([false, false, false]);
  });

  it('Ctrl+Z undoes a bulk delete as it undoes a single one', async () => {
    await page.locator('[data-testid=annotation-select-mode]').click();
    await page.locator('[data-testid=annotation-select]').nth(1).check();
    await page.locator('[data-testid=annotation-select]').nth(2).check();
    await page.locator('[data-testid=annotation-selected-count]', { hasText: '2 selected' }).waitFor();
    await page.locator('[data-testid=annotation-delete-selected]').click();
    await waitForMarks([mine[0]!, theirs]);
    expect(await markIds()).toEqual([mine[0]!, theirs].sort());

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.locator('[data-testid=annotation-toast]', { hasText: 'Undone' }).waitFor();
    await waitForMarks([...mine, theirs]);
    expect(await deletedInDatabase(mine)).toEqual([false, false, false]);
  });

  it('saw no page errors', () => {
    expect(problems).toEqual([]);
  });
});
