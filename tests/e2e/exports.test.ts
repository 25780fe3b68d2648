// The Export dialog in a real browser (issue 7): from the documents list for a selection and from
// a document page, with filters; the download arrives under the server's (Chinese) filename, and
// a bad filter shows the server's reason in the dialog; an export run in the background is kept
// while the dialog is closed and downloaded when ready. No page errors or CSP violations.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Annotation, DocumentDetail } from '@glossa/contracts';
import { baseUrl, signUpStranger, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let user: TestUser;
const problems: string[] = [];
const documents: Array<{ id: string; title: string }> = [];

beforeAll(async () => {
  user = await signUpStranger('Dialog-Exporter');
  const workspaceId = user.me.currentWorkspaceId!;
  for (const [title, content, phrase] of [
    ['廣州高官會', '逾千名高級別代表齊聚一堂。', '逾千名高級別代表'],
    ['Second report', 'About 1400 delegates attended.', '1400 delegates'],
    ['Third report', 'Nothing annotated here.', null],
  ] as const) {
    const created = await user.session.post('/api/documents', { title, format: 'text', content, workspaceId });
    expect(created.status).toBe(201);
    const detail = (await created.json()) as DocumentDetail;
    documents.push({ id: detail.id, title });
    if (phrase) {
      const annotated = await user.session.post(`/api/documents/${detail.id}/annotations`, {
        tag: 'claim',
        note: `note on ${phrase}`,
        target: { revisionId: detail.revision.id, selector: [{ type: 'TextQuoteSelector', exact: phrase }] },
      });
      expect(annotated.status).toBe(201);
      expect(((await annotated.json()) as Annotation).tag).toBe('claim');
    }
  }
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await signInThroughUi(page, user);
  // The sign-in page asks /api/me before anyone is signed in (a 401 by design); count from here.
  problems.length = 0;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function downloadFrom(dialog: ReturnType<Page['locator']>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid=export-submit]').click()]);
  await dialog.locator('[data-testid=export-done]').waitFor();
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path!, 'utf8') };
}

describe('the Export dialog', () => {
  it('exports the documents ticked in the list as CSV', async () => {
    await page.goto(baseUrl());
    await page.locator('[data-testid=document-row]').nth(2).waitFor();
    for (const title of ['廣州高官會', 'Second report']) {
      await page.locator('[data-testid=document-row]', { hasText: title }).locator('[data-testid=select-document]').check();
    }
    const open = page.locator('[data-testid=export-open]');
    expect(await open.innerText()).toBe('Export 2 selected documents');
    await open.click();
    const dialog = page.locator('[data-testid=export-dialog]');
    expect(await dialog.locator('[data-testid=export-scope]').innerText()).toBe('2 selected documents');
    await dialog.locator('[data-testid=export-format]').selectOption('csv');
    const { name, text } = await downloadFrom(dialog);
    expect(name.endsWith('-annotations.csv')).toBe(true);
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('annotation_id,document_id,document_title')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(text).toContain('逾千名高級別代表');
    expect(text).toContain('1400 delegates');
    await dialog.locator('button', { hasText: 'Close' }).last().click();
  });

  it('exports a document\u2019s memo from its page, under its Chinese title', async () => {
    await page.goto(`${baseUrl()}/documents/${documents[0]!.id}`);
    await page.locator('[data-testid=export-open]').click();
    const dialog = page.locator('[data-testid=export-dialog]');
    expect(await dialog.locator('[data-testid=export-scope]').innerText()).toBe('Document: 廣州高官會');
    await dialog.locator('[data-testid=export-tag]').selectOption('claim');
    const { name, text } = await downloadFrom(dialog);
    expect(name).toBe('廣州高官會-review-memo.md');
    expect(text.startsWith('# Review memo: 廣州高官會\n')).toBe(true);
    expect(text).toContain('**逾千名高級別代表**');
    expect(text).toContain('Filters: tag: claim.');
  });

  it('shows the server\u2019s field reason when a filter is refused', async () => {
    const dialog = page.locator('[data-testid=export-dialog]');
    await dialog.locator('[data-testid=export-from]').fill('2026-03-02');
    await dialog.locator('[data-testid=export-to]').fill('2026-03-01');
    await dialog.locator('[data-testid=export-submit]').click();
    const error = dialog.locator('[data-testid=export-error]');
    await error.waitFor();
    expect(await error.innerText()).toContain('to: to must not be before from');
    // The refused request itself is logged by the browser as a failed resource (400); nothing else.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  it('runs an export in the background, keeps it after the dialog closes, and downloads it when ready', async () => {
    await page.goto(`${baseUrl()}/documents/${documents[1]!.id}`);
    await page.locator('[data-testid=export-open]').click();
    let dialog = page.locator('[data-testid=export-dialog]');
    await dialog.locator('[data-testid=export-format]').selectOption('csv');
    await dialog.locator('[data-testid=export-background]').click();
    await dialog.locator('[data-testid=export-job]').first().waitFor();
    // Closed and opened again: the job is still listed, and becomes ready.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=export-open]').click();
    dialog = page.locator('[data-testid=export-dialog]');
    const job = dialog.locator('[data-testid=export-job]').first();
    await dialog.locator('[data-testid=export-job][data-status=done]').first().waitFor();
    expect(await job.innerText()).toContain('Second report-annotations.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), job.locator('[data-testid=export-job-download]').click()]);
    expect(download.suggestedFilename()).toBe('Second report-annotations.csv');
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('1400 delegates');
    await job.locator('[data-testid=export-job-remove]').click();
    await dialog.locator('[data-testid=export-jobs]').waitFor({ state: 'detached' });
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });
});
