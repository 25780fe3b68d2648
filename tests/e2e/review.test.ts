// Contradictions and review in real browsers, three people at once: an analyst invited for the
// purpose flags a contradiction between the attendance figures of two seed documents; the owner
// (who may assign, since they did not raise it) assigns it to a reviewer through the select on
// the flag page; the reviewer narrows the queue to "in review" (the filter lives in the URL and
// survives a reload), opens the side-by-side view, comments with an @mention picked from the
// autocomplete by keyboard, confirms and resolves it with a note; the analyst then sees the flag
// resolved and the mention among the notifications.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Annotation, DocumentDetail, Link, LinkList } from '@glossa/contracts';
import { findSeedDocuments as findSeedDocumentsOf, baseUrl, joinWithRole, signInAsOwner, type Session, type TestUser } from '../support/api';
import { launchBrowser } from '../support/browser';
import { signInThroughUi } from '../support/browser-session';
import { selectInReadingView } from '../support/reading-view';

const DOC_A_TITLE = '廣州APEC第一次高官會';
const DOC_B_TITLE = '王毅出席APEC高官會';
const PHRASE_A = '逾千名高級別代表';
const PHRASE_B = '1400餘名代表';
const RATIONALE = 'The attendance figures disagree: **over a thousand** vs 1400.';
const RESOLUTION = 'Both are right: 1400 includes the delegations.';

interface Person {
  context: BrowserContext;
  page: Page;
}

let browser: Browser;
let ownerSession: Session;
let reviewerUser: TestUser;
let analystUser: TestUser;
let owner: Person;
let reviewer: Person;
let analyst: Person;
let docA: DocumentDetail;
let docB: DocumentDetail;
let annotationA = '';
let annotationB = '';
let linkId = '';
const problems: string[] = [];

async function newPerson(): Promise<Person> {
  const context = await browser.newContext({ locale: 'en-US' });
  return { context, page: await context.newPage() };
}

/** From here on any page error, console error or failed API call counts as a problem (the 401 of /api/me before sign-in does not). */
function watch({ page }: Person): void {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
}

/** The owner's workspace holding the seed corpus, and its two attendance documents. */
async function findSeedDocuments(): Promise<{ workspaceId: string; a: string; b: string }> {
  const { workspaceId, ids } = await findSeedDocumentsOf(ownerSession, [DOC_A_TITLE, DOC_B_TITLE]);
  return { workspaceId, a: ids[0]!, b: ids[1]! };
}

async function getDocument(id: string): Promise<DocumentDetail> {
  const response = await ownerSession.get(`/api/documents/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as DocumentDetail;
}

beforeAll(async () => {
  ownerSession = await signInAsOwner();
  const seed = await findSeedDocuments();
  expect((await ownerSession.patch('/api/me', { currentWorkspaceId: seed.workspaceId })).status).toBe(200);
  docA = await getDocument(seed.a);
  docB = await getDocument(seed.b);
  reviewerUser = await joinWithRole(ownerSession, seed.workspaceId, 'reviewer', 'RitaReview');
  expect((await reviewerUser.session.patch('/api/me', { currentWorkspaceId: seed.workspaceId })).status).toBe(200);
  analystUser = await joinWithRole(ownerSession, seed.workspaceId, 'analyst', 'AnaAnalyst');
  expect((await analystUser.session.patch('/api/me', { currentWorkspaceId: seed.workspaceId })).status).toBe(200);

  // The counterpart passage in the second document, created through the API. The phrase
  // occurs twice there, so the first one is named by its code point offsets too.
  // The analyst owns it, so it is theirs to link whatever the default visibility.
  const text = await (await ownerSession.get(`/api/documents/${docB.id}/text`)).text();
  const start = Array.from(text.slice(0, text.indexOf(PHRASE_B))).length;
  const created = await analystUser.session.post(`/api/documents/${docB.id}/annotations`, {
    tag: 'data',
    target: {
      revisionId: docB.revision.id,
      selector: [
        { type: 'TextPositionSelector', start, end: start + Array.from(PHRASE_B).length },
        { type: 'TextQuoteSelector', exact: PHRASE_B },
      ],
    },
  });
  expect(created.status).toBe(201);
  annotationB = ((await created.json()) as Annotation).id;

  browser = await launchBrowser();
  owner = await newPerson();
  reviewer = await newPerson();
  analyst = await newPerson();
  await signInThroughUi(owner.page, inject('owner'));
  await signInThroughUi(reviewer.page, { email: reviewerUser.email, password: reviewerUser.password });
  await signInThroughUi(analyst.page, { email: analystUser.email, password: analystUser.password });
  watch(owner);
  watch(reviewer);
  watch(analyst);
});

afterAll(async () => {
  await browser?.close();
});

const mark = (page: Page, id: string) => page.locator(`[data-testid=reading-view] mark[data-annotation-id="${id}"]`).first();
const panelItem = (page: Page, id: string) => page.locator(`[data-testid=annotation-item][data-annotation-id="${id}"]`);

const selectPhrase = (page: Page, phrase: string) => selectInReadingView(page, phrase);

describe('flagging a contradiction, assigning and reviewing it, three people', () => {
  it('the analyst annotates a passage and flags it as contradicting a passage of another document', async () => {
    const { page } = analyst;
    await page.goto(`${baseUrl()}/documents/${docA.id}`);
    await page.locator('[data-testid=reading-view]').filter({ hasText: PHRASE_A }).waitFor();
    await page.locator('[data-testid=annotation-panel]').waitFor();
    const before = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid=reading-view] mark[data-annotation-id]')).map((m) => m.getAttribute('data-annotation-id')!));
    await selectPhrase(page, PHRASE_A);
    await page.locator('[data-testid=selection-toolbar]').waitFor();
    await page.keyboard.press('1');
    const handle = await page.waitForFunction((before) => {
      const marks = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=reading-view] mark[data-annotation-id]'));
      const fresh = marks.find((m) => !before.includes(m.dataset.annotationId!) && m.classList.contains('hl-claim') && !m.classList.contains('hl-pending'));
      return fresh?.dataset.annotationId ?? null;
    }, before);
    annotationA = (await handle.jsonValue()) as string;

    await mark(page, annotationA).click();
    const item = panelItem(page, annotationA);
    await item.locator('[data-testid=annotation-flag]').click();
    const dialog = page.locator('[data-testid=link-dialog]');
    await dialog.waitFor();
    // A Chinese substring finds the counterpart across the workspace.
    await dialog.locator('[data-testid=link-search]').fill('1400餘名');
    await dialog.locator(`[data-testid=link-result][data-annotation-id="${annotationB}"]`).check();
    await dialog.locator('[data-testid=link-rationale]').fill(RATIONALE);
    await dialog.locator('[data-testid=link-severity]').selectOption('high');
    await dialog.locator('[data-testid=link-submit]').click();
    await dialog.waitFor({ state: 'detached' });

    // The highlight now carries the open-flag marker, and the panel lists the link.
    await page.locator(`[data-testid=reading-view] mark.hl-flagged[data-annotation-id="${annotationA}"]`).first().waitFor();
    await item.locator('[data-testid=annotation-links-toggle]').click();
    const summary = item.locator('[data-testid=link-summary]').first();
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('open');
    linkId = (await summary.getAttribute('data-link-id'))!;
    await summary.locator('[data-testid=link-summary-toggle]').click();
    const counterpart = summary.locator('[data-testid=counterpart]');
    await counterpart.filter({ hasText: PHRASE_B }).waitFor();
    expect(await counterpart.locator('[data-testid=passage-document]').innerText()).toContain(DOC_B_TITLE);

    const links = (await (await page.request.get(`${baseUrl()}/api/annotations/${annotationA}/links`)).json()) as LinkList;
    const stored = links.items.find((l) => l.id === linkId)!;
    expect(stored).toMatchObject({ type: 'contradicts', status: 'open', severity: 'high', rationale: RATIONALE });
    expect(stored.annotations.map((a) => a.id).sort()).toEqual([annotationA, annotationB].sort());
  });

  it('the owner assigns it to the reviewer through the select on the flag page', async () => {
    const { page } = owner;
    await page.goto(`${baseUrl()}/review/links/${linkId}`);
    await page.locator('[data-testid=link-status][data-status=open]').waitFor();
    const select = page.locator('[data-testid=assign-select]');
    await select.locator(`option[value="${reviewerUser.me.user.id}"]`).waitFor({ state: 'attached' });
    // Only members who can review are offered: not the analyst who raised it.
    expect(await select.locator(`option[value="${analystUser.me.user.id}"]`).count()).toBe(0);
    await select.selectOption(reviewerUser.me.user.id);
    await page.locator('[data-testid=assign-submit]').click();
    await page.locator('[data-testid=link-status][data-status=in_review]').waitFor();
    await page.locator('[data-testid=link-assignee]').filter({ hasText: reviewerUser.me.user.name }).waitFor();

    const stored = (await (await ownerSession.get(`/api/links/${linkId}`)).json()) as Link;
    expect(stored).toMatchObject({ status: 'in_review', assignee: { id: reviewerUser.me.user.id } });
  });

  it('the reviewer finds it in the queue, comments with a mention, confirms and resolves it with a note', async () => {
    const { page } = reviewer;
    await page.locator('[data-testid=nav-review]').click();
    const row = page.locator(`[data-testid=review-item][data-link-id="${linkId}"]`);
    await row.waitFor();
    await page.locator('[data-testid=review-count-open]').waitFor();

    // The status filter goes into the query string and survives a reload.
    await page.locator('[data-testid=review-filter-status]').selectOption('in_review');
    await page.waitForURL((url) => url.pathname === '/review' && url.searchParams.get('status') === 'in_review');
    await page.locator(`[data-testid=review-item][data-link-id="${linkId}"][data-status=in_review]`).waitFor();
    await page.reload();
    await page.locator(`[data-testid=review-item][data-link-id="${linkId}"][data-status=in_review]`).waitFor();
    expect(await page.locator('[data-testid=review-filter-status]').inputValue()).toBe('in_review');
    expect(new URL(page.url()).searchParams.get('status')).toBe('in_review');
    expect(await page.locator('[data-testid=review-item]:not([data-status=in_review])').count()).toBe(0);
    await row.locator('[data-testid=review-item-open]').click();

    const passages = page.locator('[data-testid=link-passages]');
    await passages.locator('[data-testid=passage]').filter({ hasText: PHRASE_A }).waitFor();
    await passages.locator('[data-testid=passage]').filter({ hasText: PHRASE_B }).waitFor();
    // Assigned by the owner, so no longer `open`: in review, with the reviewer as assignee.
    expect(await page.locator('[data-testid=link-status]').getAttribute('data-status')).toBe('in_review');
    expect(await page.locator('[data-testid=link-assignee]').innerText()).toBe(reviewerUser.me.user.name);
    expect(await page.locator('[data-testid=link-rationale-text] strong').innerText()).toBe('over a thousand');

    // The mention is picked from the autocomplete with the keyboard.
    const input = page.locator('[data-testid=comment-input]');
    await input.click();
    await input.pressSequentially(`@${analystUser.me.user.name.slice(0, 3)}`);
    await page.locator('[data-testid=mention-option]').filter({ hasText: analystUser.me.user.name }).waitFor();
    await input.press('Enter');
    await input.pressSequentially('please check');
    expect(await input.inputValue()).toBe(`@${analystUser.me.user.name} please check`);
    await page.locator('[data-testid=comment-submit]').click();
    await page.locator('[data-testid=comment-body]').filter({ hasText: 'please check' }).waitFor();
    expect(await page.locator('[data-testid=comment-body]').filter({ hasText: 'please check' }).innerText()).toContain(`@${analystUser.me.user.name}`);

    await page.locator('[data-testid=transition-confirm]').click();
    await page.locator('[data-testid=link-status][data-status=confirmed]').waitFor();
    // Only what the state machine allows now is offered.
    await page.locator('[data-testid=transition-resolve]').waitFor();
    expect(await page.locator('[data-testid=transition-confirm]').count()).toBe(0);

    await page.locator('[data-testid=transition-note]').fill(RESOLUTION);
    await page.locator('[data-testid=transition-resolve]').click();
    await page.locator('[data-testid=link-status][data-status=resolved]').waitFor();
    await page.locator('[data-testid=link-resolution]').filter({ hasText: RESOLUTION }).waitFor();
    // The audit trail: raised, assigned, confirmed, resolved — the last one carrying the note.
    const entries = page.locator('[data-testid=history-entry]');
    await entries.nth(3).waitFor();
    expect(await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-type')))).toEqual(['link.created', 'link.transitioned', 'link.transitioned', 'link.transitioned']);
    expect(await entries.nth(3).textContent()).toContain(RESOLUTION);
  });

  it('the analyst sees the flag resolved and the mention', async () => {
    const { page } = analyst;
    await page.goto(`${baseUrl()}/notifications`);
    const mention = page.locator(`[data-testid=notification][data-type=mention][data-link-id="${linkId}"]`);
    await mention.waitFor();
    expect(await mention.getAttribute('data-read')).toBe('false');
    await page.locator(`[data-testid=notification][data-type=decision][data-link-id="${linkId}"]`).first().waitFor();

    await mention.locator('[data-testid=notification-open]').click();
    await page.locator(`[data-testid=link-page][data-link-id="${linkId}"]`).waitFor();
    await page.locator('[data-testid=link-status][data-status=resolved]').waitFor();
    await page.locator('[data-testid=comment-body]').filter({ hasText: 'please check' }).waitFor();

    // In the reading view, too: the link shows resolved and the open-flag marker is gone.
    await page.goto(`${baseUrl()}/documents/${docA.id}`);
    await mark(page, annotationA).waitFor();
    await mark(page, annotationA).click();
    const item = panelItem(page, annotationA);
    await item.locator('[data-testid=annotation-links-toggle]').click();
    await item.locator(`[data-testid=link-summary][data-link-id="${linkId}"][data-status=resolved]`).waitFor();
    expect(await page.locator(`[data-testid=reading-view] mark.hl-flagged[data-annotation-id="${annotationA}"]`).count()).toBe(0);
  });

  it('saw no page errors', () => {
    expect(problems).toEqual([]);
  });
});
