import { describe, expect, it } from 'vitest';
import { ApiError, ClientErrorCode } from '../../api/client';
import { editId, entriesFor, isNetworkFailure, memoryOutbox, mergeEdit, type OutboxCreate, type OutboxEdit } from './outbox';

const DOC = 'doc-1';
const REV = 'rev-1';

function create(id: string, userId: string, documentId: string, createdAt: number): OutboxCreate {
  return {
    kind: 'create',
    id,
    userId,
    documentId,
    idempotencyKey: `key-${id}`,
    body: { tag: 'claim', target: { revisionId: REV, selector: [{ type: 'TextPositionSelector', start: 0, end: 2 }, { type: 'TextQuoteSelector', exact: 'ab' }] } },
    start: 0,
    end: 2,
    quote: 'ab',
    createdAt,
  };
}

describe('outbox', () => {
  it('keeps entries by id in a store that copies them', async () => {
    const store = memoryOutbox();
    const entry = create('local-1', 'u1', DOC, 1);
    await store.put(entry);
    entry.quote = 'changed';
    await store.put(create('local-2', 'u1', DOC, 2));
    await store.put(create('local-2', 'u1', DOC, 2));
    const listed = await store.list();
    expect(listed.map((e) => e.id).sort()).toEqual(['local-1', 'local-2']);
    expect(listed.find((e) => e.id === 'local-1')!.kind === 'create' && (listed.find((e) => e.id === 'local-1') as OutboxCreate).quote).toBe('ab');
    await store.remove('local-1');
    expect((await store.list()).map((e) => e.id)).toEqual(['local-2']);
  });

  it('gives a person their entries for one document, oldest first', () => {
    const all = [create('c', 'u1', DOC, 3), create('a', 'u1', DOC, 1), create('x', 'u2', DOC, 0), create('y', 'u1', 'doc-2', 0), create('b', 'u1', DOC, 2)];
    expect(entriesFor(all, 'u1', DOC).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('merges a further edit into the unsent one, keeping the first version', () => {
    const first = mergeEdit(undefined, { userId: 'u1', documentId: DOC, annotationId: 'a1', baseVersion: 3, patch: { note: 'one' }, createdAt: 1 });
    expect(first).toEqual<OutboxEdit>({ kind: 'edit', id: editId('a1'), userId: 'u1', documentId: DOC, annotationId: 'a1', baseVersion: 3, patch: { note: 'one' }, createdAt: 1 });
    const second = mergeEdit(first, { userId: 'u1', documentId: DOC, annotationId: 'a1', baseVersion: 5, patch: { note: 'two', tag: 'data' }, createdAt: 9 });
    expect(second.baseVersion).toBe(3);
    expect(second.createdAt).toBe(1);
    expect(second.patch).toEqual({ note: 'two', tag: 'data' });
  });

  it('tells network failures (worth resending) from answers', () => {
    expect(isNetworkFailure(new ApiError(0, ClientErrorCode.Network, 'offline'))).toBe(true);
    expect(isNetworkFailure(new ApiError(412, 'precondition_failed', 'stale'))).toBe(false);
    expect(isNetworkFailure(new ApiError(502, ClientErrorCode.Http, 'bad gateway'))).toBe(false);
    expect(isNetworkFailure(new Error('x'))).toBe(false);
  });
});
