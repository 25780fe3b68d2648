// "Import annotations" in the browser (Chromium): a W3C file placed onto a chosen document shows its
// counts and the annotations appear; a file with one bad item shows the item's path and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AnnotationList } from '@glossa/contracts';
import { baseUrl, query, signUpStranger, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';
import { importDocument, json, w3cBody, type Doc } from '../api/w3c-fixture';

let browser: Browser;
let person: TestUser;
let page: Page;
let doc: Doc;

const fileOf = (name: string, value: unknown) => ({ name, mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(value)) });

async function openDialog(): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.locator('[data-testid=import-annotations-open]').click();
  await page.locator('[data-testid=import-annotations-dialog]').waitFor();
}

beforeAll(async () => {
  person = await signUpStranger('import-ui');
  const workspaceId = (await person.session.me()).currentWorkspaceId!;
  doc = await importDocument(person.session, workspaceId, 'UI import target');
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  await signInThroughUi(page, { email: person.email, password: person.password });
});

afterAll(async () => {
  await browser?.close();
});

describe('Import annotations', () => {
  it('imports a W3C file onto the chosen document and reports placed and detached', async () => {
    await openDialog();
    await page.locator('[data-testid=import-annotations-file]').setInputFiles(
      fileOf('notes.jsonld', { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [w3cBody({ exact: '目標段落', note: 'from a file' }), w3cBody({ exact: 'no such passage' })] }),
    );
    await page.locator('[data-testid=import-annotations-target]').selectOption(doc.id);
    await page.locator('[data-testid=import-annotations-submit]').click();
    await expect.poll(() => page.locator('[data-testid=import-annotations-result]').textContent()).toBe('Imported 2 annotations: 1 placed, 1 detached.');
    const list = await json<AnnotationList>(await person.session.get(`/api/documents/${doc.id}/annotations`));
    expect(list.items.map((a) => [a.target.selector[1].exact, a.anchorStatus])).toEqual([
      ['目標段落', 'anchored'],
      ['no such passage', 'detached'],
    ]);
  });

  it('shows which item is wrong and stores nothing', async () => {
    const before = await query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation WHERE document_id = $1`, [doc.id]);
    await openDialog();
    await page.locator('[data-testid=import-annotations-file]').setInputFiles(fileOf('bad.json', [w3cBody({ exact: '家族' }), w3cBody({ exact: '家族', tag: 'rumour' })]));
    await page.locator('[data-testid=import-annotations-target]').selectOption(doc.id);
    await page.locator('[data-testid=import-annotations-submit]').click();
    const banner = page.locator('[data-testid=import-annotations-error]');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('validation_failed');
    const text = await banner.textContent();
    expect(text).toContain('1.body.0.value the tag must be claim, opinion or data');
    expect(text).not.toContain('data.1');
    expect(await query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation WHERE document_id = $1`, [doc.id])).toEqual(before);
  });

  it('refuses a file that is not JSON before sending it', async () => {
    await openDialog();
    await page.locator('[data-testid=import-annotations-file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await page.locator('[data-testid=import-annotations-submit]').click();
    await expect.poll(() => page.locator('[role=alert]').first().textContent()).toContain('This file is not JSON.');
  });
});
