// Pushed changes against a real QueryClient: an annotation patched into its document's list (and
// only there), a stale replay ignored, a deletion dropped, review and document queries invalidated.
import type { Annotation, AnnotationList, LiveChange } from '@glossa/contracts';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { annotationKeys } from '../annotations/useAnnotations';
import { documentKeys } from '../documents/queries';
import { reviewKeys } from '../review/queries';
import { applyLiveBadge, applyLiveChange, resyncDocument } from './applyChange';

const DOC = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const REV = '00000000-0000-4000-8000-000000000003';
const USER = '00000000-0000-4000-8000-0000000000aa';

function annotation(id: string, version = 1, note: string | null = null): Annotation {
  return {
    id,
    documentId: DOC,
    tag: 'claim',
    note,
    visibility: 'shared',
    status: 'draft',
    target: { revisionId: REV, selector: [{ type: 'TextPositionSelector', start: 1, end: 4 }, { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' }] },
    anchorStatus: 'anchored',
    author: { id: USER, name: 'Ada' },
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    version,
    abilities: { edit: true, delete: true },
  };
}

const id = (n: number) => `00000000-0000-4000-8000-00000000010${n}`;

function annotationChange(type: string, a: Annotation | null, annotationId = a?.id ?? id(9)): LiveChange {
  return { kind: 'annotation', type, cursor: 'c1', documentId: DOC, actorId: USER, annotation: a, annotationId };
}

function clientWith(items: Annotation[]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData<AnnotationList>(annotationKeys.list(DOC), { revisionId: REV, items });
  return client;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not met');
}

const list = (client: QueryClient) => client.getQueryData<AnnotationList>(annotationKeys.list(DOC))!.items;
const stale = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? null;

describe('applyLiveChange', () => {
  it('adds a new annotation to its document list, keeping the others as they are', () => {
    const first = annotation(id(1));
    const client = clientWith([first]);
    client.setQueryData<AnnotationList>(annotationKeys.list(OTHER), { revisionId: REV, items: [] });
    applyLiveChange(client, annotationChange('annotation.created', annotation(id(2))));
    expect(list(client).map((a) => a.id)).toEqual([id(1), id(2)]);
    expect(list(client)[0]).toBe(first);
    expect(client.getQueryData<AnnotationList>(annotationKeys.list(OTHER))!.items).toEqual([]);
  });

  it('replaces an annotation with a newer version and ignores an older one', () => {
    const client = clientWith([annotation(id(1), 3, 'three')]);
    applyLiveChange(client, annotationChange('annotation.updated', annotation(id(1), 2, 'two')));
    expect(list(client)[0]!.note).toBe('three');
    applyLiveChange(client, annotationChange('annotation.updated', annotation(id(1), 4, 'four')));
    expect(list(client)[0]!.note).toBe('four');
  });

  it('drops an annotation the recipient may no longer see; an unknown id changes nothing', () => {
    const client = clientWith([annotation(id(1)), annotation(id(2))]);
    const before = client.getQueryData(annotationKeys.list(DOC));
    applyLiveChange(client, annotationChange('annotation.deleted', null, id(5)));
    expect(client.getQueryData(annotationKeys.list(DOC))).toBe(before);
    applyLiveChange(client, annotationChange('annotation.deleted', null, id(1)));
    expect(list(client).map((a) => a.id)).toEqual([id(2)]);
  });

  it('restarts a list fetch in flight, whose answer may predate the change, and ends with the change', async () => {
    const client = clientWith([annotation(id(1))]);
    const answers = [
      // Read before the change committed...
      { revisionId: REV, items: [annotation(id(1))] },
      // ...and after.
      { revisionId: REV, items: [annotation(id(1)), annotation(id(2))] },
    ];
    let fetches = 0;
    const release: Array<() => void> = [];
    // Subscribed like the page's useQuery: stale data, so it refetches at once.
    const observer = new QueryObserver<AnnotationList>(client, {
      queryKey: annotationKeys.list(DOC),
      queryFn: () => {
        const answer = answers[fetches++]!;
        return new Promise<AnnotationList>((resolve) => release.push(() => resolve(answer)));
      },
    });
    const stop = observer.subscribe(() => undefined);
    expect(fetches).toBe(1);
    applyLiveChange(client, annotationChange('annotation.created', annotation(id(2))));
    expect(list(client).map((a) => a.id)).toEqual([id(1), id(2)]);
    await until(() => fetches === 2);
    // The first answer arrives late; it no longer counts.
    for (const r of release.splice(0)) r();
    await until(() => client.getQueryState(annotationKeys.list(DOC))?.fetchStatus === 'idle');
    stop();
    expect(fetches).toBe(2);
    expect(list(client).map((a) => a.id)).toEqual([id(1), id(2)]);
  });

  it('leaves a document that is not loaded alone', () => {
    const client = new QueryClient();
    applyLiveChange(client, annotationChange('annotation.created', annotation(id(1))));
    expect(client.getQueryData(annotationKeys.list(DOC))).toBeUndefined();
  });

  it('invalidates the review queries on submits and decisions, not on a plain edit', () => {
    const client = clientWith([annotation(id(1))]);
    client.setQueryData(reviewKeys.summary, 2);
    applyLiveChange(client, annotationChange('annotation.updated', annotation(id(1), 2)));
    expect(stale(client, reviewKeys.summary)).toBe(false);
    applyLiveChange(client, annotationChange('annotation.submitted', annotation(id(1), 3)));
    expect(stale(client, reviewKeys.summary)).toBe(true);
  });

  it('invalidates review queries on links and comments, and the document on a new revision', () => {
    const client = clientWith([]);
    client.setQueryData(reviewKeys.documentFlags(DOC), new Set());
    client.setQueryData(documentKeys.detail(DOC), { id: DOC });
    applyLiveChange(client, { kind: 'comment', type: 'comment.created', cursor: 'c2', documentId: DOC, actorId: USER, comment: { id: id(3), body: 'x', author: { id: USER, name: 'Ada' }, created: '2026-01-01T00:00:00.000Z', parentId: null, mentions: [] } });
    expect(stale(client, reviewKeys.documentFlags(DOC))).toBe(true);
    expect(stale(client, documentKeys.detail(DOC))).toBe(false);
    applyLiveChange(client, { kind: 'document', type: 'document.revised', cursor: 'c3', documentId: DOC, actorId: USER });
    expect(stale(client, documentKeys.detail(DOC))).toBe(true);
    expect(stale(client, annotationKeys.list(DOC))).toBe(true);
  });
});

describe('resyncDocument and applyLiveBadge', () => {
  it('resync invalidates the document’s annotations and flags', () => {
    const client = clientWith([]);
    client.setQueryData(reviewKeys.documentFlags(DOC), new Set());
    resyncDocument(client, DOC);
    expect(stale(client, annotationKeys.list(DOC))).toBe(true);
    expect(stale(client, reviewKeys.documentFlags(DOC))).toBe(true);
  });

  it('a badge refetches the summary, and notifications only when the unread count moved', () => {
    const client = new QueryClient();
    client.setQueryData(reviewKeys.summary, 1);
    client.setQueryData(reviewKeys.notifications, { unread: 2, items: [] });
    applyLiveBadge(client, { openReviewItems: 2, unreadMentions: 2 });
    expect(stale(client, reviewKeys.summary)).toBe(true);
    expect(stale(client, reviewKeys.notifications)).toBe(false);
    applyLiveBadge(client, { openReviewItems: 2, unreadMentions: 3 });
    expect(stale(client, reviewKeys.notifications)).toBe(true);
  });
});
