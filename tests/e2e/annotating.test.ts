// Annotating in a real browser as the owner: select a phrase (a DOM selection, or shift+arrows),
// press 2 or 1, see the highlight confirmed, reload → the same characters are highlighted —
// also after 𠮷 and 👩‍👩‍👧, whose UTF-16 lengths differ from their code point counts — and
// Ctrl+Z removes a fresh highlight again.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl } from '../support/api';
import { launchBrowser } from '../support/browser';
import { csrfHeaders, signInThroughUi } from '../support/browser-session';
import { selectInReadingView } from '../support/reading-view';

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

/** Ids of every highlight drawn now (confirmed or not), once the page's annotations have loaded. */
async function highlightIds(): Promise<string[]> {
  // Until the list arrives no highlight is drawn; counting earlier would take the document's
  // existing highlights for new ones.
  await page.locator('[data-testid=annotation-panel] [data-testid=annotation-list], [data-testid=annotation-panel] [data-testid=annotation-empty]').first().waitFor();
  return page.evaluate(() => Array.from(document.querySelectorAll('[data-testid=reading-view] mark[data-annotation-id]')).map((m) => m.getAttribute('data-annotation-id')!));
}

const selectPhrase = (phrase: string, collapsedAtStart = false) => selectInReadingView(page, phrase, { collapsedAtStart });

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

  it('a shift+arrow pressed before the browser reports the caret move extends from the caret', async () => {
    // The caret is placed and the keys pressed in one task, so no selectionchange event can
    // reach ProseMirror in between: the keys must extend the caret the reader sees.
    const phrase = '𩸽 與';
    await openDocument(documentId, phrase);
    const before = await highlightIds();
    await page.evaluate((phrase) => {
      const root = document.querySelector<HTMLElement>('[data-testid=reading-view]')!;
      root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      while (node && !node.textContent!.includes(phrase)) node = walker.nextNode();
      const range = document.createRange();
      range.setStart(node!, node!.textContent!.indexOf(phrase));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      for (let i = 0; i < Array.from(phrase).length; i++) {
        root.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true, cancelable: true }));
      }
    }, phrase);
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await page.keyboard.press('1');
    const id = await newConfirmedHighlight(before, 'hl-claim');
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

  it('Ctrl+Z while the create is still unanswered (its highlight already drawn from the live channel) removes it once the answer comes', async () => {
    const phrase = '前文';
    await openDocument(documentId, phrase);
    // The create reaches the server; its answer is held back until after the key press, as a slow
    // network would (the colleague-style live change still arrives and draws the highlight).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pattern = `**/api/documents/${documentId}/annotations`;
    await page.route(pattern, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    try {
      const before = await highlightIds();
      await selectPhrase(phrase);
      await page.locator('[data-testid=selection-toolbar]').waitFor();
      await page.keyboard.press('1');
      const id = await newConfirmedHighlight(before, 'hl-claim');
      await page.keyboard.press('Control+z');
      release();
      await page.locator('[data-testid=annotation-toast]').filter({ hasText: 'Undone' }).waitFor();
      await page.locator(`mark[data-annotation-id="${id}"]`).first().waitFor({ state: 'detached' });
      const response = await page.request.get(`${baseUrl()}/api/annotations/${id}`);
      expect(response.status()).toBe(404);
    } finally {
      release();
      await page.unroute(pattern);
    }
  });

  it('saw no page errors', () => {
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});

/**
 * Selects `phrase` until the toolbar shows: a live change from an earlier test arriving just
 * after the page opened redraws the text and can take a scripted selection with it; a person
 * selects again, and so does this (at most three times).
 */
async function selectForToolbar(phrase: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await selectPhrase(phrase);
    try {
      await page.locator('[data-testid=selection-toolbar]').waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Creates a highlight of `phrase` with key `key` on the open document and returns its id. */
async function annotatePhrase(phrase: string, key: '1' | '2' | '3'): Promise<string> {
  const before = await highlightIds();
  await selectForToolbar(phrase);
  await page.keyboard.press(key);
  return newConfirmedHighlight(before, { '1': 'hl-claim', '2': 'hl-opinion', '3': 'hl-data' }[key]);
}

async function openDocument(documentId: string, phrase: string): Promise<void> {
  await page.goto(`${baseUrl()}/documents/${documentId}`);
  await view().filter({ hasText: phrase }).waitFor();
  await page.locator('[data-testid=annotation-panel]').waitFor();
}

/** Waits until highlight `id` covers exactly `text` on screen. */
async function waitForHighlightText(id: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ id, text }) =>
      Array.from(document.querySelectorAll(`[data-testid=reading-view] mark[data-annotation-id="${CSS.escape(id)}"]`))
        .map((m) => m.textContent)
        .join('') === text,
    { id, text },
  );
}

const row = (id: string) => page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"]`);

describe('notes are Markdown, rendered inert', () => {
  const NOTE_PHRASE = '筆記目標';
  const HOSTILE_NOTE = [
    '**bold** and [safe](https://example.org/x)',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '<svg><script>alert(1)</script>',
    '<details open ontoggle=alert(1)>',
  ].join('\n\n');
  let documentId: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    documentId = await importMarkdown(`E2E 筆記 ${Date.now()}`, `# 筆記\n\n這是${NOTE_PHRASE}的段落。\n`);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it('shows hostile HTML and javascript: links as text, in the panel and the tooltip; no dialog fires', async () => {
    await openDocument(documentId, NOTE_PHRASE);
    const id = await annotatePhrase(NOTE_PHRASE, '1');
    await row(id).locator('.annotation-item__quote').click();
    await row(id).locator('[data-testid=annotation-edit]').click();
    await row(id).locator('[data-testid=annotation-edit-note]').fill(HOSTILE_NOTE);
    await row(id).locator('[data-testid=annotation-save]').click();
    const note = row(id).locator('[data-testid=annotation-note]');
    await note.filter({ hasText: 'onerror=alert(1)' }).waitFor();

    const panel = page.locator('[data-testid=annotation-panel]');
    expect(await panel.locator('img, svg, details, script, iframe, [onerror], [ontoggle]').count()).toBe(0);
    expect(await panel.locator('a[href^="javascript" i]').count()).toBe(0);
    expect(await note.locator('strong').innerText()).toBe('bold');
    const safe = note.locator('a');
    expect(await safe.count()).toBe(1);
    expect(await safe.getAttribute('href')).toBe('https://example.org/x');
    expect(await safe.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await safe.getAttribute('target')).toBe('_blank');
    const text = await note.innerText();
    for (const shown of ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '<svg><script>alert(1)</script>', '<details open ontoggle=alert(1)>']) {
      expect(text).toContain(shown);
    }

    await page.reload();
    await note.filter({ hasText: 'onerror=alert(1)' }).waitFor();
    await page.locator(`[data-testid=reading-view] mark[data-annotation-id="${id}"]`).first().hover();
    const tooltip = page.locator('[data-testid=highlight-tooltip]');
    await tooltip.locator('[data-testid=tooltip-note]').waitFor();
    expect(await tooltip.locator('img, svg, details, script').count()).toBe(0);
    expect(await tooltip.locator('a[href^="javascript" i]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

describe('adjusting the extent of a highlight', () => {
  const FIRST = '最初範圍';
  const SECOND = '調整後的範圍';
  let documentId: string;

  beforeAll(async () => {
    documentId = await importMarkdown(`E2E 範圍 ${Date.now()}`, `# 範圍\n\n前 👩‍👩‍👧 ${FIRST}，中間的字，${SECOND}在此結束。\n`);
  });

  it('moves a focused highlight to a new selection (undoable); after a reload it covers exactly the new characters', async () => {
    await openDocument(documentId, FIRST);
    const id = await annotatePhrase(FIRST, '2');
    await row(id).locator('.annotation-item__quote').click();
    await selectPhrase(SECOND);
    await page.locator('[data-testid=toolbar-move-here]').waitFor();
    await row(id).locator('[data-testid=annotation-move]').click();
    await waitForHighlightText(id, SECOND);
    expect(await storedPosition(documentId, id)).toEqual({ ...(await expectedOffsets(documentId, SECOND)), exact: SECOND });

    await page.keyboard.press('Control+z');
    await page.locator('[data-testid=annotation-toast]').filter({ hasText: 'Undone' }).waitFor();
    await waitForHighlightText(id, FIRST);

    // Again, from the toolbar this time.
    await row(id).locator('.annotation-item__quote').click();
    await selectPhrase(SECOND);
    await page.locator('[data-testid=toolbar-move-here]').click();
    await waitForHighlightText(id, SECOND);

    await reloadAndWaitFor(id);
    expect(await highlightedText(id)).toBe(SECOND);
    expect(await storedPosition(documentId, id)).toEqual({ ...(await expectedOffsets(documentId, SECOND)), exact: SECOND });
  });

  it('Ctrl+Z while a move is still unanswered undoes the move, not the create before it', async () => {
    const MIDDLE = '中間的字';
    await openDocument(documentId, FIRST);
    const id = await annotatePhrase(FIRST, '1');
    // The move reaches the server; its answer is held back until after the key press, while the
    // live change already redraws the highlight at its new place.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pattern = `**/api/annotations/${id}`;
    await page.route(pattern, async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    try {
      await row(id).locator('.annotation-item__quote').click();
      await selectPhrase(MIDDLE);
      await page.locator('[data-testid=toolbar-move-here]').click();
      await waitForHighlightText(id, MIDDLE);
      await page.keyboard.press('Control+z');
      release();
      await page.locator('[data-testid=annotation-toast]').filter({ hasText: 'Undone' }).waitFor();
      await waitForHighlightText(id, FIRST);
      expect((await page.request.get(`${baseUrl()}/api/annotations/${id}`)).status()).toBe(200);
    } finally {
      release();
      await page.unroute(pattern);
    }
  });
});

describe('re-importing a new version', () => {
  const KEPT = '不變的句子';
  const LOST = '將被刪除的說法';
  const NEW_TEXT = '全新的內容';
  const original = `# 版本\n\n第一段有${KEPT}留在原處。\n\n第二段有${LOST}，之後整段改寫。\n`;
  const changed = `# 版本\n\n第一段有${KEPT}留在原處。\n\nReplaced paragraph with ${NEW_TEXT} only.\n`;
  let documentId: string;

  beforeAll(async () => {
    documentId = await importMarkdown(`E2E 版本 ${Date.now()}`, original);
  });

  it('shows the summary, keeps the unaffected highlight, lists the lost one as detached, and re-attaches it', async () => {
    await openDocument(documentId, KEPT);
    const kept = await annotatePhrase(KEPT, '1');
    const lost = await annotatePhrase(LOST, '3');

    await page.locator('[data-testid=new-version]').click();
    const dialog = page.locator('[data-testid=revision-dialog]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid=revision-format]').inputValue()).toBe('markdown');
    await dialog.locator('[data-testid=revision-content]').fill(changed);
    await dialog.locator('[data-testid=revision-submit]').click();

    const summary = page.locator('[data-testid=revision-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('1 kept in place, 0 moved, 0 fuzzy, 1 detached');
    await page.locator('[data-testid=document-revision]').filter({ hasText: 'Revision 2' }).waitFor();
    await view().filter({ hasText: NEW_TEXT }).waitFor();
    await waitForHighlightText(kept, KEPT);

    const detached = page.locator(`[data-testid=annotation-detached] [data-testid=detached-item][data-annotation-id="${lost}"]`);
    await detached.filter({ hasText: LOST }).waitFor();
    expect(await page.locator(`[data-testid=reading-view] mark[data-annotation-id="${lost}"]`).count()).toBe(0);

    await selectPhrase(NEW_TEXT);
    await detached.locator('[data-testid=annotation-attach]').click();
    await waitForHighlightText(lost, NEW_TEXT);
    await detached.waitFor({ state: 'detached' });

    await reloadAndWaitFor(lost);
    expect(await highlightedText(lost)).toBe(NEW_TEXT);
    expect(await highlightedText(kept)).toBe(KEPT);
    expect(await storedPosition(documentId, lost)).toEqual({ ...(await expectedOffsets(documentId, NEW_TEXT)), exact: NEW_TEXT });
    expect(problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
