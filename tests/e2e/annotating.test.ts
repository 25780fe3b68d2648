// Annotating in a real browser as the owner: select a phrase (a DOM selection, or shift+arrows),
// press 2 or 1, see the highlight confirmed, reload → the same characters are highlighted —
// also after 𠮷 and 👩‍👩‍👧, whose UTF-16 lengths differ from their code point counts — and
// Ctrl+Z removes a fresh highlight again.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl } from '../support/api';
import { launchBrowser } from '../support/browser';
import { csrfHeaders, signInThroughUi } from '../support/browser-session';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

const SEED_TITLE = '廣州APEC第一次高官會';
const SEED_PHRASE = '逾千名高級別代表';
const ASTRAL_PHRASE = '目標短語';
const ASTRAL_MARKDOWN = `# 星號測試\n\n前文 𠮷 與 👩‍👩‍👧 之後，${ASTRAL_PHRASE}在此。再有 𩸽 與 ${'鍵盤選取'}。\n`;

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

const view = () => page.locator('[data-testid=reading-view]');

/** Ids of every highlight drawn now (confirmed or not). */
async function highlightIds(): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('[data-testid=reading-view] mark[data-annotation-id]')).map((m) => m.getAttribute('data-annotation-id')!));
}

/** Focuses the reading view and selects the first occurrence of `phrase` (inside one text node). */
async function selectPhrase(phrase: string, collapsedAtStart = false): Promise<void> {
  await page.evaluate(
    ({ phrase, collapsedAtStart }) => {
      const root = document.querySelector<HTMLElement>('[data-testid=reading-view]')!;
      root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, collapsedAtStart ? at : at + phrase.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${phrase}" is not in one text node of the reading view`);
    },
    { phrase, collapsedAtStart },
  );
}

/** Waits for a highlight not among `before`, confirmed by the server, with `tagClass`; returns its id. */
async function newConfirmedHighlight(before: readonly string[], tagClass: string): Promise<string> {
  const handle = await page.waitForFunction(
    ({ before, tagClass }) => {
      const marks = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=reading-view] mark[data-annotation-id]'));
      const fresh = marks.find((m) => !before.includes(m.dataset.annotationId!) && m.classList.contains(tagClass) && !m.classList.contains('hl-pending') && !m.classList.contains('hl-failed'));
      return fresh?.dataset.annotationId ?? null;
    },
    { before: [...before], tagClass },
  );
  return (await handle.jsonValue()) as string;
}

/** The text covered by every element of one highlight, in document order. */
async function highlightedText(id: string): Promise<string> {
  return page.evaluate((id) => Array.from(document.querySelectorAll(`[data-testid=reading-view] mark[data-annotation-id="${CSS.escape(id)}"]`)).map((m) => m.textContent).join(''), id);
}

async function reloadAndWaitFor(id: string): Promise<void> {
  await page.reload();
  await page.locator(`[data-testid=reading-view] mark[data-annotation-id="${id}"]`).first().waitFor();
}

async function openSeed(title: string): Promise<void> {
  await page.goto(baseUrl());
  await page.locator('[data-testid=document-row]', { hasText: title }).locator('a').first().click();
  await view().filter({ hasText: SEED_PHRASE }).waitFor();
  await page.locator('[data-testid=annotation-panel]').waitFor();
}

async function importMarkdown(title: string, content: string): Promise<string> {
  const response = await page.request.post(`${baseUrl()}/api/documents`, { headers: await csrfHeaders(context), data: { title, format: 'markdown', content } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Code point offsets of the first `phrase` in the document's canonical text (the server's). */
async function expectedOffsets(documentId: string, phrase: string): Promise<{ start: number; end: number }> {
  const text = await (await page.request.get(`${baseUrl()}/api/documents/${documentId}/text`)).text();
  const start = Array.from(text.slice(0, text.indexOf(phrase))).length;
  return { start, end: start + Array.from(phrase).length };
}

async function storedPosition(documentId: string, id: string): Promise<{ start: number; end: number; exact: string }> {
  const list = (await (await page.request.get(`${baseUrl()}/api/documents/${documentId}/annotations`)).json()) as {
    items: Array<{ id: string; target: { selector: Array<{ type: string; start?: number; end?: number; exact?: string }> } }>;
  };
  const annotation = list.items.find((a) => a.id === id)!;
  const position = annotation.target.selector.find((s) => s.type === 'TextPositionSelector')!;
  const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
  return { start: position.start!, end: position.end!, exact: quote.exact! };
}

describe('annotating a seed document', () => {
  it('select a phrase, press 2 → an opinion highlight; after a reload it covers exactly the same characters', async () => {
    await openSeed(SEED_TITLE);
    const before = await highlightIds();
    await selectPhrase(SEED_PHRASE);
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await page.keyboard.press('2');

    const id = await newConfirmedHighlight(before, 'hl-opinion');
    expect(await highlightedText(id)).toBe(SEED_PHRASE);
    await page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"]`).waitFor();

    await reloadAndWaitFor(id);
    expect(await page.locator(`mark[data-annotation-id="${id}"]`).first().getAttribute('class')).toContain('hl-opinion');
    expect(await highlightedText(id)).toBe(SEED_PHRASE);
  });
});

describe('astral characters and ZWJ emoji before the selection', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = await importMarkdown(`E2E 標註 ${Date.now()}`, ASTRAL_MARKDOWN);
  });

  it('anchors exactly after 𠮷 and 👩‍👩‍👧, on screen and in stored code point offsets', async () => {
    await page.goto(`${baseUrl()}/documents/${documentId}`);
    await view().filter({ hasText: ASTRAL_PHRASE }).waitFor();
    await page.locator('[data-testid=annotation-panel]').waitFor();
    const before = await highlightIds();
    await selectPhrase(ASTRAL_PHRASE);
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await page.keyboard.press('2');
    const id = await newConfirmedHighlight(before, 'hl-opinion');
    expect(await highlightedText(id)).toBe(ASTRAL_PHRASE);

    const expected = await expectedOffsets(documentId, ASTRAL_PHRASE);
    expect(await storedPosition(documentId, id)).toEqual({ ...expected, exact: ASTRAL_PHRASE });

    await reloadAndWaitFor(id);
    expect(await highlightedText(id)).toBe(ASTRAL_PHRASE);
  });

  it('selects with shift+arrows, one code point per press, and tags with 1', async () => {
    const phrase = '鍵盤選取';
    await page.goto(`${baseUrl()}/documents/${documentId}`);
    await view().filter({ hasText: phrase }).waitFor();
    await page.locator('[data-testid=annotation-panel]').waitFor();
    const before = await highlightIds();
    await selectPhrase(phrase, true);
    for (let i = 0; i < Array.from(phrase).length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await page.keyboard.press('1');
    const id = await newConfirmedHighlight(before, 'hl-claim');
    expect(await highlightedText(id)).toBe(phrase);
    await reloadAndWaitFor(id);
    expect(await highlightedText(id)).toBe(phrase);
  });

  it('Ctrl+Z right after a create removes the highlight, also after a reload', async () => {
    const phrase = '之後';
    await page.goto(`${baseUrl()}/documents/${documentId}`);
    await view().filter({ hasText: phrase }).waitFor();
    await page.locator('[data-testid=annotation-panel]').waitFor();
    const before = await highlightIds();
    await selectPhrase(phrase);
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await page.keyboard.press('3');
    const id = await newConfirmedHighlight(before, 'hl-data');

    await page.keyboard.press('Control+z');
    await page.locator('[data-testid=annotation-toast]').filter({ hasText: 'Undone' }).waitFor();
    await page.locator(`mark[data-annotation-id="${id}"]`).first().waitFor({ state: 'detached' });

    await page.reload();
    await view().filter({ hasText: phrase }).waitFor();
    await page.locator('[data-testid=annotation-panel] [data-testid=annotation-list], [data-testid=annotation-empty]').first().waitFor();
    expect(await highlightIds()).not.toContain(id);
  });

  it('saw no page errors', () => {
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
