// Live collaboration in real browsers: two analysts of one workspace open the same seed document.
// A highlights → B sees it without reloading (and A's selection and presence before that); A
// deletes → gone in B; a change arriving while B has text selected or is typing a note waits
// until B is done; A offline → creates and edits a note → online → exactly one annotation on the
// server and in both views (and A catches up on what B did meanwhile), also when the first POST's
// answer is lost on the way back; the same with B on a second API instance. Every wait is on a
// DOM condition or the API, never a sleep.
import type { Annotation, AnnotationList } from '@glossa/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findSeedDocuments as findSeedDocumentsOf, joinWithRole, signInAsOwner, startServerOnSuiteDatabase, type Session, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';
import { SUITE_SERVER_ENV } from '../support/global-setup';
import type { RunningServer } from '../support/server';
import { selectInReadingView } from '../support/reading-view';

const SEED_TITLE = '廣州APEC第一次高官會';
const READY_PHRASE = '逾千名高級別代表';
/** Phrases of the seed no other suite annotates, one per test. */
const PHRASE_LIVE = '圍繞貿易自由化';
const PHRASE_SECOND = '數字創新';
const PHRASE_OFFLINE = '公共衛生';
const PHRASE_LOST = '綠色轉型';
const PHRASE_HELD = '前沿議題';
const PHRASE_B_SELECTS = '專題磋商';
const PHRASE_MISSED = '政策對話';
const PHRASE_B_NOTE = '亞太智慧';
const PHRASE_WHILE_TYPING = '國際組織';
const PHRASE_FLAG_ONE = '務實交流';
const PHRASE_FLAG_TWO = '高質量發展';
const OFFLINE_NOTE = 'Written on the train, sent later.';

interface Person {
  user: TestUser;
  context: BrowserContext;
  page: Page;
}

let browser: Browser;
let ownerSession: Session;
let documentId = '';
let a: Person;
let b: Person;
let second: RunningServer | null = null;
const problems: string[] = [];

async function findSeed(): Promise<{ workspaceId: string; documentId: string }> {
  const { workspaceId, ids } = await findSeedDocumentsOf(ownerSession, [SEED_TITLE]);
  return { workspaceId, documentId: ids[0]! };
}

async function person(workspaceId: string, label: string): Promise<Person> {
  const user = await joinWithRole(ownerSession, workspaceId, 'analyst', label);
  expect((await user.session.patch('/api/me', { currentWorkspaceId: workspaceId })).status).toBe(200);
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${label} pageerror: ${error.message}`));
  await signInThroughUi(page, { email: user.email, password: user.password });
  return { user, context, page };
}

beforeAll(async () => {
  ownerSession = await signInAsOwner();
  const seed = await findSeed();
  documentId = seed.documentId;
  browser = await launchBrowser();
  [a, b] = [await person(seed.workspaceId, 'LiveAda'), await person(seed.workspaceId, 'LiveBo')];
});

afterAll(async () => {
  await browser?.close();
  await second?.stop();
});

const mark = (page: Page, id: string) => page.locator(`[data-testid=reading-view] mark[data-annotation-id="${id}"]`).first();

/** Opens the document on `origin` and waits until its text, panel and live channel are there. */
async function openDocument(page: Page, origin: string = inject('baseUrl')): Promise<void> {
  await page.goto(`${origin}/documents/${documentId}`);
  await page.locator('[data-testid=reading-view]').filter({ hasText: READY_PHRASE }).waitFor();
  await page.locator('[data-testid=annotation-panel] [data-testid=annotation-list], [data-testid=annotation-empty]').first().waitFor();
  await page.locator('[data-testid=live-status][data-state=online]').waitFor();
}

const selectPhrase = (page: Page, phrase: string) => selectInReadingView(page, phrase);

/**
 * Selects `phrase` and waits for the selection toolbar. A selection made by script in the same
 * moment the view redraws that paragraph (a colleague's change just applied) lands on a replaced
 * text node and is lost, where a person would simply select again: so does this, up to 3 times.
 */
async function selectWithToolbar(page: Page, phrase: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await selectPhrase(page, phrase);
    try {
      await page.locator('[data-testid=selection-toolbar]').waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Ids of the highlights drawn now whose text is exactly `phrase`. */
async function highlightsOf(page: Page, phrase: string): Promise<string[]> {
  return page.evaluate((phrase) => {
    const byId = new Map<string, string>();
    for (const m of document.querySelectorAll<HTMLElement>('[data-testid=reading-view] mark[data-annotation-id]')) {
      const id = m.dataset.annotationId!;
      byId.set(id, (byId.get(id) ?? '') + m.textContent);
    }
    return [...byId].filter(([, text]) => text === phrase).map(([id]) => id);
  }, phrase);
}

/** Selects `phrase`, presses `key` and waits for the server-confirmed highlight; returns its id. */
async function highlight(page: Page, phrase: string, key: '1' | '2' | '3'): Promise<string> {
  const before = await highlightsOf(page, phrase);
  await selectWithToolbar(page, phrase);
  await page.keyboard.press(key);
  return confirmedHighlight(page, phrase, before);
}

async function confirmedHighlight(page: Page, phrase: string, before: readonly string[]): Promise<string> {
  const handle = await page.waitForFunction(
    ({ phrase, before }) => {
      const byId = new Map<string, { text: string; confirmed: boolean }>();
      for (const m of document.querySelectorAll<HTMLElement>('[data-testid=reading-view] mark[data-annotation-id]')) {
        const id = m.dataset.annotationId!;
        const entry = byId.get(id) ?? { text: '', confirmed: true };
        entry.text += m.textContent;
        if (m.classList.contains('hl-pending') || m.classList.contains('hl-failed')) entry.confirmed = false;
        byId.set(id, entry);
      }
      const fresh = [...byId].find(([id, e]) => !before.includes(id) && !id.startsWith('local-') && e.confirmed && e.text === phrase);
      return fresh?.[0] ?? null;
    },
    { phrase, before: [...before] },
  );
  return (await handle.jsonValue()) as string;
}

/** The document's annotations on the server whose quote is `phrase`, as `who` sees them. */
async function storedWithQuote(who: Session, phrase: string): Promise<Annotation[]> {
  const response = await who.get(`/api/documents/${documentId}/annotations`);
  expect(response.status).toBe(200);
  const list = (await response.json()) as AnnotationList;
  return list.items.filter((item) => item.target.selector.some((s) => s.type === 'TextQuoteSelector' && s.exact === phrase));
}

async function deleteThroughPanel(page: Page, id: string): Promise<void> {
  const item = page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"]`);
  await item.click();
  await item.locator('[data-testid=annotation-delete]').click();
  await mark(page, id).waitFor({ state: 'detached' });
}

describe('two analysts on one document', () => {
  it('B sees A in the document, then A’s selection, then A’s highlight — without reloading', async () => {
    await openDocument(a.page);
    await openDocument(b.page);
    await b.page.locator(`[data-testid=live-viewer][data-user-id="${a.user.me.user.id}"]`).waitFor();
    await a.page.locator(`[data-testid=live-viewer][data-user-id="${b.user.me.user.id}"]`).waitFor();

    await selectPhrase(a.page, PHRASE_LIVE);
    const marker = b.page.locator(`[data-testid=reading-view] .presence-selection[data-presence-user="${a.user.me.user.id}"]`);
    await marker.first().waitFor();
    expect((await marker.allTextContents()).join('')).toBe(PHRASE_LIVE);

    await a.page.locator('[data-testid=selection-toolbar]').waitFor();
    await a.page.keyboard.press('2');
    const id = await confirmedHighlight(a.page, PHRASE_LIVE, []);
    await mark(b.page, id).waitFor();
    expect(await mark(b.page, id).getAttribute('class')).toContain('hl-opinion');
    expect(await highlightsOf(b.page, PHRASE_LIVE)).toEqual([id]);
    await b.page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"]`).waitFor();
    // A's selection is gone once the highlight was made.
    await marker.first().waitFor({ state: 'detached' });
  });

  it('A deletes → the highlight disappears in B', async () => {
    const id = (await highlightsOf(a.page, PHRASE_LIVE))[0]!;
    await deleteThroughPanel(a.page, id);
    await mark(b.page, id).waitFor({ state: 'detached' });
    await b.page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"]`).waitFor({ state: 'detached' });
  });

  it('while B has text selected, A’s new highlight waits; it appears when B lets go of the selection', async () => {
    await selectWithToolbar(b.page, PHRASE_B_SELECTS);
    const id = await highlight(a.page, PHRASE_HELD, '1');
    await b.page.locator('[data-testid=live-held]').waitFor();
    expect(await b.page.locator(`[data-testid=reading-view] mark[data-annotation-id="${id}"]`).count()).toBe(0);
    await b.page.keyboard.press('Escape');
    await mark(b.page, id).waitFor();
    await b.page.locator('[data-testid=live-held]').waitFor({ state: 'detached' });
    await deleteThroughPanel(a.page, id);
    await mark(b.page, id).waitFor({ state: 'detached' });
  });

  it('while B types a note, A’s new highlight waits; it appears when B leaves the note', async () => {
    const own = await highlight(b.page, PHRASE_B_NOTE, '3');
    const itemB = b.page.locator(`[data-testid=annotation-item][data-annotation-id="${own}"]`);
    await itemB.click();
    await itemB.locator('[data-testid=annotation-edit]').click();
    await itemB.locator('[data-testid=annotation-edit-note]').focus();
    const id = await highlight(a.page, PHRASE_WHILE_TYPING, '2');
    await b.page.locator('[data-testid=live-held]').waitFor();
    expect(await b.page.locator(`[data-testid=reading-view] mark[data-annotation-id="${id}"]`).count()).toBe(0);
    await itemB.locator('[data-testid=annotation-edit-cancel]').click();
    await mark(b.page, id).waitFor();
    await deleteThroughPanel(a.page, id);
    await deleteThroughPanel(b.page, own);
    await mark(a.page, own).waitFor({ state: 'detached' });
  });

  it('A offline: the view says so, a new highlight waits on the device, and is stored exactly once when back', async () => {
    await a.context.setOffline(true);
    await a.page.locator('[data-testid=live-status][data-state=offline]').waitFor();
    await selectWithToolbar(a.page, PHRASE_OFFLINE);
    await a.page.keyboard.press('3');
    await a.page.locator('[data-testid=annotation-queued]').first().waitFor();
    expect(await storedWithQuote(a.user.session, PHRASE_OFFLINE)).toEqual([]);
    // B's view shows A gone; B highlights meanwhile, which A misses while offline.
    await b.page.locator(`[data-testid=live-viewer][data-user-id="${a.user.me.user.id}"]`).waitFor({ state: 'detached' });
    const missed = await highlight(b.page, PHRASE_MISSED, '2');
    expect(await a.page.locator(`[data-testid=reading-view] mark[data-annotation-id="${missed}"]`).count()).toBe(0);

    await a.context.setOffline(false);
    const id = await confirmedHighlight(a.page, PHRASE_OFFLINE, []);
    // A catches up on what it missed, without reloading.
    await mark(a.page, missed).waitFor();
    expect(await highlightsOf(a.page, PHRASE_MISSED)).toEqual([missed]);
    await a.page.locator('[data-testid=live-status][data-state=online]').waitFor();
    await mark(b.page, id).waitFor();
    const stored = await storedWithQuote(a.user.session, PHRASE_OFFLINE);
    expect(stored.map((s) => s.id)).toEqual([id]);
    expect(await highlightsOf(a.page, PHRASE_OFFLINE)).toEqual([id]);
    expect(await highlightsOf(b.page, PHRASE_OFFLINE)).toEqual([id]);
    await expect(a.page.locator('[data-testid=annotation-queued]').count()).resolves.toBe(0);

    // A note edited offline waits too, shown at once, and reaches the server and B when back.
    await a.context.setOffline(true);
    await a.page.locator('[data-testid=live-status][data-state=offline]').waitFor();
    const itemA = a.page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"]`);
    await itemA.click();
    await itemA.locator('[data-testid=annotation-edit]').click();
    await itemA.locator('[data-testid=annotation-edit-note]').fill(OFFLINE_NOTE);
    await itemA.locator('[data-testid=annotation-save]').click();
    await itemA.locator('[data-testid=annotation-queued]').waitFor();
    await itemA.locator('[data-testid=annotation-note]', { hasText: OFFLINE_NOTE }).waitFor();
    expect((await storedWithQuote(a.user.session, PHRASE_OFFLINE))[0]!.note).toBeNull();
    await a.context.setOffline(false);
    await itemA.locator('[data-testid=annotation-queued]').waitFor({ state: 'detached' });
    await b.page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"] [data-testid=annotation-note]`, { hasText: OFFLINE_NOTE }).waitFor();
    const [edited, ...others] = await storedWithQuote(a.user.session, PHRASE_OFFLINE);
    expect(others).toEqual([]);
    expect(edited!.note).toBe(OFFLINE_NOTE);
    expect(edited!.version).toBe(2);

    await deleteThroughPanel(a.page, id);
    await mark(b.page, id).waitFor({ state: 'detached' });
    await deleteThroughPanel(b.page, missed);
    await mark(a.page, missed).waitFor({ state: 'detached' });
  });

  it('a create whose answer was lost, kept across a reload, is sent again with its key and stored once', async () => {
    // The first POST reaches the server, but its answer never reaches the page.
    let posts = 0;
    await a.page.route(`**/api/documents/${documentId}/annotations`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await selectWithToolbar(a.page, PHRASE_LOST);
    await a.page.keyboard.press('1');
    await a.page.locator('[data-testid=annotation-queued]').first().waitFor();
    expect(posts).toBe(1);
    const [stored, ...more] = await storedWithQuote(a.user.session, PHRASE_LOST);
    expect(stored).toBeDefined();
    expect(more).toEqual([]);

    // The outbox survives a reload; back with a working network, the resend answers with the same annotation.
    await a.page.unroute(`**/api/documents/${documentId}/annotations`);
    await a.page.reload();
    await a.page.locator('[data-testid=reading-view]').filter({ hasText: READY_PHRASE }).waitFor();
    await mark(a.page, stored!.id).waitFor();
    // The restored draft is resent and, answered with the stored annotation, leaves the view.
    await a.page.locator('[data-testid=reading-view] mark[data-annotation-id^="local-"]').first().waitFor({ state: 'detached' });
    expect(await a.page.locator('[data-testid=annotation-item][data-save-state=failed]').count()).toBe(0);
    expect((await storedWithQuote(a.user.session, PHRASE_LOST)).map((s) => s.id)).toEqual([stored!.id]);
    expect(await highlightsOf(a.page, PHRASE_LOST)).toEqual([stored!.id]);
    await mark(b.page, stored!.id).waitFor();
    expect(await highlightsOf(b.page, PHRASE_LOST)).toEqual([stored!.id]);
    await deleteThroughPanel(a.page, stored!.id);
  });
});

describe('a flag page', () => {
  it("shows a colleague's new comment without reloading", async () => {
    const text = await (await a.user.session.get(`/api/documents/${documentId}/text`)).text();
    const detail = (await (await a.user.session.get(`/api/documents/${documentId}`)).json()) as { revision: { id: string } };
    const annotate = async (phrase: string): Promise<Annotation> => {
      const start = Array.from(text.slice(0, text.indexOf(phrase))).length;
      const selector = [{ type: 'TextPositionSelector', start, end: start + Array.from(phrase).length }];
      const response = await a.user.session.post(`/api/documents/${documentId}/annotations`, { tag: 'claim', target: { revisionId: detail.revision.id, selector } });
      expect(response.status).toBe(201);
      return (await response.json()) as Annotation;
    };
    const [first, other] = [await annotate(PHRASE_FLAG_ONE), await annotate(PHRASE_FLAG_TWO)];
    const flagged = await a.user.session.post('/api/links', { type: 'contradicts', annotationIds: [first.id, other.id], rationale: 'Two framings of one agenda' });
    expect(flagged.status).toBe(201);
    const { id } = (await flagged.json()) as { id: string };

    await b.page.goto(`${inject('baseUrl')}/review/links/${id}`);
    await b.page.locator(`[data-testid=link-page][data-link-id="${id}"]`).waitFor();
    await b.page.locator('[data-testid=live-status][data-state=online]').waitFor();
    const comment = 'Seen on the flag page as it was written';
    expect((await a.user.session.post(`/api/links/${id}/comments`, { body: comment })).status).toBe(201);
    await b.page.locator('[data-testid=comment]').filter({ hasText: comment }).waitFor();
  });
});

describe('across two API instances', () => {
  beforeAll(async () => {
    second = await startServerOnSuiteDatabase(SUITE_SERVER_ENV, 'live-second');
  });

  it('A on instance 1 highlights and deletes → B on instance 2 sees both', async () => {
    await openDocument(b.page, second!.baseUrl);
    await b.page.locator(`[data-testid=live-viewer][data-user-id="${a.user.me.user.id}"]`).waitFor();
    const id = await highlight(a.page, PHRASE_SECOND, '1');
    await mark(b.page, id).waitFor();
    expect(await highlightsOf(b.page, PHRASE_SECOND)).toEqual([id]);
    await deleteThroughPanel(a.page, id);
    await mark(b.page, id).waitFor({ state: 'detached' });
  });

  it('saw no page errors', () => {
    expect(problems).toEqual([]);
  });
});
