// The first account (owner of the seeded workspace) in a real browser: signs in, sees the
// seeded corpus, reads a document, imports one, gets clear errors for bad input, switches
// language — with no CSP violation or page error.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl } from '../support/api';
import { launchBrowser } from '../support/browser';
import { csrfHeaders, signInThroughUi } from '../support/browser-session';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await signInThroughUi(page, inject('owner'));
});

afterAll(async () => {
  await browser?.close();
});

describe('reading the seeded corpus', () => {
  it('lists the five seed documents and opens one in the reading view', async () => {
    await page.goto(baseUrl());
    await page.locator('[data-testid=document-row]').nth(4).waitFor();
    const titles = await page.locator('[data-testid=document-row]').allTextContents();
    expect(titles.some((t) => t.includes('廣州APEC第一次高官會'))).toBe(true);

    await page.locator('[data-testid=document-row]', { hasText: '廣州APEC第一次高官會' }).locator('a').first().click();
    const view = page.locator('[data-testid=reading-view]');
    await view.filter({ hasText: '逾千名高級別代表' }).waitFor();
    expect(await view.getAttribute('lang')).toBe('zh-Hant');
    expect(await view.getAttribute('contenteditable')).toBe('false');
    // Each source line is its own paragraph in the view.
    expect(await view.locator('p').count()).toBeGreaterThan(10);
  });

  it('renders the report headings and keeps a narrow screen free of sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(baseUrl());
    await page.locator('[data-testid=document-row]', { hasText: '亚太命运共同体展望' }).locator('a').first().click();
    const view = page.locator('[data-testid=reading-view]');
    await view.locator('h1, h2, h3').first().waitFor();
    expect(await view.locator('h1, h2, h3').count()).toBeGreaterThan(5);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('importing', () => {
  it('shows field errors for an empty title and keeps what was typed', async () => {
    await page.goto(baseUrl());
    await page.locator('[data-testid=import-button]').click();
    await page.locator('[data-testid=import-content]').fill('Some text worth keeping');
    await page.locator('[data-testid=import-submit]').click();
    await page.locator('[data-testid=error-title]').waitFor();
    expect(await page.locator('[data-testid=import-content]').inputValue()).toBe('Some text worth keeping');
  });

  it('shows the server refusal of binary content in the dialog', async () => {
    await page.locator('[data-testid=import-title]').fill('Binary');
    await page.locator('[data-testid=import-content]').fill('a\u0000b');
    await page.locator('[data-testid=import-submit]').click();
    await page.locator('[data-testid=import-error]').waitFor();
    expect(await page.locator('[data-testid=import-title]').inputValue()).toBe('Binary');
  });

  it('imports pasted Markdown and opens it', async () => {
    await page.locator('[data-testid=import-title]').fill('E2E 匯入');
    await page.locator('[data-testid=import-format]').selectOption('markdown');
    await page.locator('[data-testid=import-content]').fill('# 第一章\n\n含有 𠮷 與 👩‍👩‍👧 的段落。\n');
    await page.locator('[data-testid=import-submit]').click();
    const view = page.locator('[data-testid=reading-view]');
    await view.locator('h1').filter({ hasText: '第一章' }).waitFor();
    expect(await view.locator('p').first().textContent()).toBe('含有 𠮷 與 👩‍👩‍👧 的段落。');
    await page.goto(baseUrl());
    await page.locator('[data-testid=document-row]', { hasText: 'E2E 匯入' }).waitFor();
  });

  it('renders HTML imports inert: no dialog fires from a hostile page', async () => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const response = await page.request.post(`${baseUrl()}/api/documents`, {
      headers: await csrfHeaders(context),
      data: { title: 'hostile', format: 'html', content: '<p>ok<img src=x onerror=alert(1)></p><details open ontoggle=alert(1)><summary>s</summary>t</details><a href="javascript:alert(1)">x</a><svg><script>alert(1)</script></svg>' },
    });
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await page.goto(`${baseUrl()}/documents/${id}`);
    await page.locator('[data-testid=reading-view]').filter({ hasText: 'ok' }).waitFor();
    const view = page.locator('[data-testid=reading-view]');
    expect(await view.locator('img, svg, script, details, iframe, [onerror], [ontoggle]').count()).toBe(0);
    expect(await view.locator('a[href^="javascript" i]').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});

describe('languages', () => {
  it('switches the interface to Simplified Chinese and remembers it', async () => {
    await page.goto(baseUrl());
    await page.locator('[data-testid=language-switch]').selectOption('zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    await page.reload();
    await page.locator('[data-testid=document-row]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await page.locator('[data-testid=import-button]').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.locator('[data-testid=language-switch]').selectOption('en');
  });

  it('saw no page errors and no Content-Security-Policy violations', () => {
    // 4xx answers from the import tests are expected console noise; nothing else is.
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
