// A document's annotations as the page uses them: the server's list in the query cache, this
// tab's creates that are still pending or failed, and the create / retry / discard / edit /
// delete / undo operations. Creates are optimistic and retried with the same Idempotency-Key.
import { describeRange, type TextIndex } from '@glossa/anchoring';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import {
  annotationHistory,
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation,
  type Annotation,
  type AnnotationList,
  type AnnotationTag,
  type CreateAnnotationBody,
  type UpdateAnnotationBody,
} from '../../api/annotations';
import { isApiError } from '../../api/client';
import { compareDocumentOrder, itemFromAnnotation, type AnnotationItem } from './items';
import { EMPTY_UNDO, lastUndo, undoReducer, type UndoEntry } from './undoStack';

export const annotationKeys = {
  all: ['annotations'] as const,
  list: (documentId: string) => [...annotationKeys.all, 'document', documentId] as const,
  history: (id: string) => [...annotationKeys.all, 'history', id] as const,
};

export function useAnnotationHistory(id: string, enabled: boolean) {
  return useQuery({ queryKey: annotationKeys.history(id), queryFn: ({ signal }) => annotationHistory(id, signal), enabled });
}

interface Draft {
  localId: string;
  idempotencyKey: string;
  body: CreateAnnotationBody;
  start: number;
  end: number;
  quote: string;
  state: 'pending' | 'failed';
  error: unknown;
}

export interface Me {
  id: string;
  name: string;
}

/** What the page shows after an operation: "Undone", or why something failed. */
export interface Notice {
  kind: 'undone' | 'error';
  error?: unknown;
  /** Bumped per notice so the same words twice still show again. */
  seq: number;
}

function newKey(): string {
  return crypto.randomUUID();
}

function draftItem(draft: Draft, me: Me): AnnotationItem {
  return {
    id: draft.localId,
    tag: draft.body.tag,
    note: draft.body.note ?? null,
    visibility: draft.body.visibility ?? 'shared',
    status: 'draft',
    detached: false,
    author: me,
    start: draft.start,
    end: draft.end,
    quote: draft.quote,
    saveState: draft.state,
    annotation: null,
  };
}

export function useAnnotations(documentId: string, revisionId: string, me: Me) {
  const queryClient = useQueryClient();
  const key = annotationKeys.list(documentId);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => listAnnotations(documentId, signal) });
  const [drafts, setDrafts] = useState<readonly Draft[]>([]);
  const [undo, dispatchUndo] = useReducer(undoReducer, EMPTY_UNDO);
  const undoRef = useRef(undo);
  undoRef.current = undo;
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeSeq = useRef(0);

  const say = useCallback((kind: Notice['kind'], error?: unknown) => {
    noticeSeq.current += 1;
    setNotice({ kind, error, seq: noticeSeq.current });
  }, []);

  const upsert = useCallback(
    (annotation: Annotation) => {
      queryClient.setQueryData<AnnotationList>(key, (list) => {
        if (!list) return list;
        const at = list.items.findIndex((a) => a.id === annotation.id);
        const items = at < 0 ? [...list.items, annotation] : list.items.map((a, i) => (i === at ? annotation : a));
        return { ...list, items };
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from documentId
    [queryClient, documentId],
  );

  const drop = useCallback(
    (id: string) => {
      queryClient.setQueryData<AnnotationList>(key, (list) => (list ? { ...list, items: list.items.filter((a) => a.id !== id) } : list));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from documentId
    [queryClient, documentId],
  );

  const current = useCallback((id: string) => queryClient.getQueryData<AnnotationList>(key)?.items.find((a) => a.id === id), [queryClient, documentId]); // eslint-disable-line react-hooks/exhaustive-deps

  const send = useCallback(
    (draft: Draft) => {
      setDrafts((all) => all.map((d) => (d.localId === draft.localId ? { ...d, state: 'pending', error: null } : d)));
      createAnnotation(documentId, draft.body, draft.idempotencyKey).then(
        (annotation) => {
          upsert(annotation);
          setDrafts((all) => all.filter((d) => d.localId !== draft.localId));
          dispatchUndo({ type: 'push', entry: { kind: 'create', id: annotation.id } });
        },
        (error: unknown) => {
          setDrafts((all) => all.map((d) => (d.localId === draft.localId ? { ...d, state: 'failed', error } : d)));
        },
      );
    },
    [documentId, upsert],
  );

  /** Describes code points [start, end) of the revision and saves it; the highlight shows at once. */
  const create = useCallback(
    (index: TextIndex, start: number, end: number, tag: AnnotationTag, note?: string) => {
      const { position, quote } = describeRange(index.text, start, end);
      const trimmed = note?.trim();
      const draft: Draft = {
        localId: `local-${newKey()}`,
        idempotencyKey: newKey(),
        body: { tag, ...(trimmed ? { note: trimmed } : {}), target: { revisionId, selector: [position, quote] } },
        start,
        end,
        quote: quote.exact,
        state: 'pending',
        error: null,
      };
      setDrafts((all) => [...all, draft]);
      send(draft);
    },
    [revisionId, send],
  );

  const retry = useCallback(
    (localId: string) => {
      const draft = drafts.find((d) => d.localId === localId);
      if (draft) send(draft);
    },
    [drafts, send],
  );

  const discard = useCallback((localId: string) => setDrafts((all) => all.filter((d) => d.localId !== localId)), []);

  const applyEdit = useCallback(
    async (id: string, patch: UpdateAnnotationBody, recordUndo: boolean) => {
      const before = current(id);
      if (!before) return;
      const updated = await updateAnnotation(id, patch, before.version);
      upsert(updated);
      if (recordUndo) {
        const old: UpdateAnnotationBody = {};
        if (patch.tag !== undefined) old.tag = before.tag;
        if (patch.note !== undefined) old.note = before.note;
        if (patch.visibility !== undefined) old.visibility = before.visibility;
        // A detached annotation's old target is on an older revision: re-attaching is not undoable.
        if (patch.target !== undefined) {
          if (before.anchorStatus !== 'anchored') {
            if (Object.keys(old).length === 0) return;
          } else {
            old.target = { revisionId: before.target.revisionId, selector: [...before.target.selector] };
          }
        }
        dispatchUndo({ type: 'push', entry: { kind: 'edit', id, before: old } });
      }
    },
    [current, upsert],
  );

  const applyDelete = useCallback(
    async (id: string, recordUndo: boolean) => {
      const before = current(id);
      if (!before) return;
      await deleteAnnotation(id, before.version);
      drop(id);
      if (recordUndo) dispatchUndo({ type: 'push', entry: { kind: 'delete', id, deletedVersion: before.version + 1 } });
    },
    [current, drop],
  );

  const edit = useCallback(
    (id: string, patch: UpdateAnnotationBody) => applyEdit(id, patch, true).catch((error: unknown) => say('error', error)),
    [applyEdit, say],
  );
  /** Re-anchors an annotation to code points [start, end) of the current revision (move, or re-attach). */
  const moveTo = useCallback(
    (id: string, index: TextIndex, start: number, end: number) => {
      const { position, quote } = describeRange(index.text, start, end);
      return edit(id, { target: { revisionId, selector: [position, quote] } });
    },
    [edit, revisionId],
  );
  const remove = useCallback((id: string) => applyDelete(id, true).catch((error: unknown) => say('error', error)), [applyDelete, say]);

  const runUndo = useCallback(async (entry: UndoEntry) => {
    if (entry.kind === 'create') await applyDelete(entry.id, false);
    else if (entry.kind === 'edit') await applyEdit(entry.id, entry.before, false);
    else upsert(await restoreAnnotation(entry.id, entry.deletedVersion));
  }, [applyDelete, applyEdit, upsert]);

  /** Undoes the newest of one's own changes; false when there is nothing to undo. */
  const undoLast = useCallback((): boolean => {
    const entry = lastUndo(undoRef.current);
    if (!entry) return false;
    dispatchUndo({ type: 'pop' });
    undoRef.current = undoReducer(undoRef.current, { type: 'pop' });
    runUndo(entry).then(
      () => say('undone'),
      (error: unknown) => {
        // Gone elsewhere: none of its older entries can be undone either.
        if (isApiError(error) && error.isNotFound) dispatchUndo({ type: 'forget', id: entry.id });
        say('error', error);
      },
    );
    return true;
  }, [runUndo, say]);

  const items = useMemo(() => {
    const confirmed = (query.data?.items ?? []).map(itemFromAnnotation);
    const all = [...confirmed, ...drafts.map((d) => draftItem(d, me))];
    all.sort(compareDocumentOrder);
    return all;
  }, [query.data, drafts, me]);

  const draftError = useCallback((localId: string) => drafts.find((d) => d.localId === localId)?.error, [drafts]);

  return { query, items, create, retry, discard, edit, moveTo, remove, undoLast, canUndo: undo.entries.length > 0, notice, dismissNotice: () => setNotice(null), draftError };
}
