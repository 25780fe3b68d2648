// The side-by-side counterpart picker and annotation comments in a real browser. An analyst
// annotates the attendance figure of one seed document, chooses "Flag contradiction with…",
// opens the other seed document beside it (through the title filter), selects its attendance
// figure and tags it with the keyboard — the first create fails on the network and is retried
// without losing the rationale already typed — and flags the contradiction: the flag holds both
// annotations and the new one covers exactly the selected characters. Then a comment on the
// annotation mentions a colleague, who finds the mention among their notifications.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Annotation, AnnotationList, CommentList, DocumentDetail, LinkList, NotificationList } from '@glossa/contracts';
import { findSeedDocuments as findSeedDocumentsOf, baseUrl, joinWithRole, signInAsOwner, type Session, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';
import { selectInReadingView } from '../support/reading-view';

const DOC_A_TITLE = '廣州APEC第一次高官會';
const DOC_B_TITLE = '王毅出席APEC高官會';
const PHRASE_A = '逾千名高級別代表';
const PHRASE_B = '1400餘名代表';
const OTHER_PHRASE_A = '綠色轉型';
const RATIONALE = 'Side by side: **over a thousand** against 1400.';
const SUFFIX = Math.random().toString(36).slice(2, 8);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let ownerSession: Session;
let analyst: TestUser;
let colleague: TestUser;
let docA: DocumentDetail;
let docB: DocumentDetail;
let annotationA = '';
let annotationB = '';
const problems: string[] = [];

/** The owner's workspace holding the seed corpus, and its two attendance documents. */
async function findSeedDocuments(): Promise<{ workspaceId: string; a: string; b: string }> {
  const { workspaceId, ids } = await findSeedDocumentsOf(ownerSession, [DOC_A_TITLE, DOC_B_TITLE]);
  return { workspaceId, a: ids[0]!, b: ids[1]! };
}

async function getJson<T>(session: Session, path: string): Promise<T> {
  const response = await session.get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The analyst's live annotations of a document. */
async function analystAnnotations(documentId: string): Promise<Annotation[]> {
  const list = await getJson<AnnotationList>(analyst.session, `/api/documents/${documentId}/annotations`);
  return list.items.filter((a) => a.author.id === analyst.me.user.id);
}

beforeAll(async () => {
  ownerSession = await signInAsOwner();
  const seed = await findSeedDocuments();
  docA = await getJson<DocumentDetail>(ownerSession, `/api/documents/${seed.a}`);
  docB = await getJson<DocumentDetail>(ownerSession, `/api/documents/${seed.b}`);
  analyst = await joinWithRole(ownerSession, seed.workspaceId, 'analyst', `Pia${SUFFIX}`);
  expect((await analyst.session.patch('/api/me', { currentWorkspaceId: seed.workspaceId })).status).toBe(200);
  colleague = await joinWithRole(ownerSession, seed.workspaceId, 'reviewer', `Quill${SUFFIX}`);

  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  await signInThroughUi(page, { email: analyst.email, password: analyst.password });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The create aborted on purpose below is logged by the browser as a failed load.
    if (message.type() === 'error' && !message.text().includes('net::ERR_FAILED')) problems.push(`console: ${message.text()}`);
  });
});

afterAll(async () => {
  await browser?.close();
});

const selectPhrase = (scope: string, phrase: string) => selectInReadingView(page, phrase, { scope });

describe('picking a counterpart in a document opened side by side', () => {
  it('creates the counterpart annotation on the selected characters and flags both', async () => {
    await page.goto(`${baseUrl()}/documents/${docA.id}`);
    await page.locator('[data-testid=reading-view]').filter({ hasText: PHRASE_A }).waitFor();
    await page.locator('[data-testid=annotation-panel]').waitFor();
    const before = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid=reading-view] mark[data-annotation-id]')).map((m) => m.getAttribute('data-annotation-id')!));
    await selectPhrase('.reading-area', PHRASE_A);
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await page.keyboard.press('1');
    const handle = await page.waitForFunction((before) => {
      const marks = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=reading-view] mark[data-annotation-id]'));
      const fresh = marks.find((m) => !before.includes(m.dataset.annotationId!) && m.classList.contains('hl-claim') && !m.classList.contains('hl-pending'));
      return fresh?.dataset.annotationId ?? null;
    }, before);
    annotationA = (await handle.jsonValue()) as string;

    await page.locator(`[data-testid=reading-view] mark[data-annotation-id="${annotationA}"]`).first().click();
    const item = page.locator(`[data-testid=annotation-item][data-annotation-id="${annotationA}"]`);
    // Text stays selected in the page behind the dialog: a tag key pressed in the dialog must
    // not annotate it.
    await selectPhrase('.reading-area', OTHER_PHRASE_A);
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await item.locator('[data-testid=annotation-flag]').click();
    const dialog = page.locator('[data-testid=link-dialog]');
    await dialog.waitFor();

    // Typed before anything is picked: it must survive the failed create below.
    await dialog.locator('[data-testid=link-rationale]').fill(RATIONALE);
    await dialog.locator('[data-testid=link-side-by-side]').click();
    // This document beside the other: the source passage is drawn in it.
    await dialog.locator(`[data-testid=side-by-side-source] mark[data-annotation-id="${annotationA}"]`).first().waitFor();
    await dialog.locator('[data-testid=side-by-side-filter]').fill('王毅');
    const choice = dialog.locator(`[data-testid=side-by-side-document][data-document-id="${docB.id}"]`);
    await choice.waitFor();
    // The filter leaves only titles holding it, and never this document.
    const offered = await dialog.locator('[data-testid=side-by-side-document]').allInnerTexts();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((title) => title.includes('王毅'))).toBe(true);
    expect(await dialog.locator(`[data-testid=side-by-side-document][data-document-id="${docA.id}"]`).count()).toBe(0);
    await choice.click();

    const other = '[data-testid=link-dialog] [data-testid=side-by-side-other]';
    await page.locator(`${other} [data-testid=reading-view]`).filter({ hasText: PHRASE_B }).waitFor();
    await selectPhrase(other, PHRASE_B);
    await page.locator('[data-testid=side-by-side-selected]').filter({ hasText: PHRASE_B }).waitFor();

    // The first create never reaches the server.
    const createPath = `/api/documents/${docB.id}/annotations`;
    let aborted = 0;
    await page.route(
      (url) => url.pathname === createPath,
      async (route) => {
        if (route.request().method() !== 'POST' || aborted > 0) return route.fallback();
        aborted++;
        return route.abort('failed');
      },
    );
    expect(await page.locator('.reading-area [data-testid=selection-toolbar]').count()).toBe(1);
    await page.keyboard.press('3');
    const failed = dialog.locator('[data-testid=side-by-side-failed]');
    await failed.waitFor();
    expect(aborted).toBe(1);
    expect(await failed.innerText()).toContain(PHRASE_B);
    expect(await dialog.locator('[data-testid=link-rationale]').inputValue()).toBe(RATIONALE);
    expect(await dialog.locator('[data-testid=link-picked-item]').count()).toBe(0);

    await failed.locator('[data-testid=side-by-side-retry]').click();
    const picked = dialog.locator('[data-testid=link-picked-item]');
    await picked.filter({ hasText: PHRASE_B }).waitFor();
    annotationB = (await picked.first().getAttribute('data-annotation-id'))!;
    expect(await failed.count()).toBe(0);
    // The new annotation is drawn, confirmed, in the other document's pane.
    await page.locator(`${other} mark.hl-data[data-annotation-id="${annotationB}"]`).first().waitFor();

    await dialog.locator('[data-testid=link-severity]').selectOption('high');
    await dialog.locator('[data-testid=link-submit]').click();
    await dialog.waitFor({ state: 'detached' });

    // The flag exists with both annotations.
    const links = await getJson<LinkList>(analyst.session, `/api/annotations/${annotationA}/links`);
    const flag = links.items.find((l) => l.type === 'contradicts' && l.annotations.some((a) => a.id === annotationB));
    expect(flag).toMatchObject({ status: 'open', severity: 'high', rationale: RATIONALE });
    expect(flag!.annotations.map((a) => a.id).sort()).toEqual([annotationA, annotationB].sort());

    // The new annotation is in document B on exactly the selected characters (the first of the
    // phrase's occurrences), stored once although its create was sent twice.
    const text = await (await ownerSession.get(`/api/documents/${docB.id}/text`)).text();
    const start = Array.from(text.slice(0, text.indexOf(PHRASE_B))).length;
    const created = await getJson<Annotation>(analyst.session, `/api/annotations/${annotationB}`);
    expect(created.documentId).toBe(docB.id);
    expect(created.tag).toBe('data');
    expect(created.target.revisionId).toBe(docB.revision.id);
    expect(created.target.selector[0]).toEqual({ type: 'TextPositionSelector', start, end: start + Array.from(PHRASE_B).length });
    expect(created.target.selector[1].exact).toBe(PHRASE_B);
    expect((await analystAnnotations(docB.id)).map((a) => a.id)).toEqual([annotationB]);
    // The key pressed in the dialog created nothing in the document behind it, where text was selected.
    expect((await analystAnnotations(docA.id)).map((a) => a.id)).toEqual([annotationA]);
  });
});

describe('comments on an annotation', () => {
  it('shows a thread for the focused annotation; a mention reaches the mentioned member', async () => {
    // The text selected behind the dialog is still selected: Escape in the text lets it go.
    await page.locator('.reading-area [data-testid=reading-view]').focus();
    await page.keyboard.press('Escape');
    await page.locator('.reading-area [data-testid=selection-toolbar]').waitFor({ state: 'detached' });
    // Focused from the panel (the text may hold other tests' highlights over the same words, so a
    // click in the text could focus one of theirs): its thread shows, still empty.
    await page.locator(`[data-testid=annotation-item][data-annotation-id="${annotationA}"] .annotation-item__quote`).click();
    const item = page.locator(`[data-testid=annotation-item][data-annotation-id="${annotationA}"][aria-current=true]`);
    const thread = item.locator('[data-testid=annotation-comments]');
    await thread.locator('[data-testid=annotation-comments-empty]').waitFor();

    const input = thread.locator('[data-testid=annotation-comment-input]');
    await input.click();
    await input.pressSequentially(`@Quill${SUFFIX.slice(0, 2)}`);
    await page.locator('[data-testid=mention-option]').filter({ hasText: colleague.me.user.name }).waitFor();
    await input.press('Enter');
    await input.pressSequentially('is **1400** right? <img src=x onerror=alert(1)>');
    await thread.locator('[data-testid=annotation-comment-submit]').click();
    const body = thread.locator('[data-testid=annotation-comment-body]').first();
    await body.filter({ hasText: 'right?' }).waitFor();
    expect(await body.locator('strong').innerText()).toBe('1400');
    expect(await body.locator('img').count()).toBe(0);
    expect(await body.innerText()).toContain(`@${colleague.me.user.name}`);
    expect(await input.inputValue()).toBe('');

    // A reply nests under it.
    await thread.locator('[data-testid=annotation-comment-reply]').first().click();
    const replyInput = thread.locator('[data-testid=annotation-comment] [data-testid=annotation-comment-input]');
    await replyInput.fill('Checked against the ministry text.');
    await thread.locator('[data-testid=annotation-comment] [data-testid=annotation-comment-submit]').click();
    await thread.locator('[data-testid=annotation-comment] [data-testid=annotation-comment] [data-testid=annotation-comment-body]').filter({ hasText: 'ministry' }).waitFor();

    const comments = await getJson<CommentList>(analyst.session, `/api/annotations/${annotationA}/comments`);
    expect(comments.items).toHaveLength(2);
    const [first, reply] = comments.items;
    expect(first!.mentions.map((m) => m.id)).toEqual([colleague.me.user.id]);
    expect(reply!.parentId).toBe(first!.id);

    const notifications = await getJson<NotificationList>(colleague.session, '/api/me/notifications');
    const mention = notifications.items.find((n) => n.type === 'mention' && n.annotationId === annotationA);
    expect(mention).toMatchObject({ commentId: first!.id, actor: { id: analyst.me.user.id }, read: false });
  });

  it('saw no page errors', () => {
    expect(problems).toEqual([]);
  });
});
