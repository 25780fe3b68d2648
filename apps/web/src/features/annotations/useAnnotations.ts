// A document's annotations as the page uses them: the server's list in the query cache, this
// tab's creates that are still pending or failed, and the create / retry / discard / edit /
// delete / undo operations. Creates are optimistic and retried with the same Idempotency-Key.
// Creates, and note edits made while offline, also go to the outbox (IndexedDB): a create that
// cannot reach the server, or a reload before its answer, keeps it there, and it is sent again —
// with the same key, so it is stored exactly once — when the browser or the live channel is back.
import { describeRange, type TextIndex } from '@glossa/anchoring';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  annotationHistory,
  createAnnotation,
  deleteAnnotation,
  deleteAnnotations,
  listAnnotations,
  restoreAnnotation,
  restoreAnnotations,
  updateAnnotation,
  type Annotation,
  type AnnotationList,
  type AnnotationTag,
  type UpdateAnnotationBody,
} from '../../api/annotations';
import { isApiError } from '../../api/client';
import { compareDocumentOrder, itemFromAnnotation, type AnnotationItem, type PendingCreate } from './items';
import { EMPTY_UNDO, lastUndo, undoReducer, type UndoAction, type UndoEntry, type UndoStack } from './undoStack';
import { useBrowserOnline } from '../live/network';
import { browserOnline, editId, entriesFor, isNetworkFailure, mergeEdit, pageOutbox, type OutboxCreate, type OutboxEdit } from '../live/outbox';

export const annotationKeys = {
  all: ['annotations'] as const,
  list: (documentId: string) => [...annotationKeys.all, 'document', documentId] as const,
  history: (id: string) => [...annotationKeys.all, 'history', id] as const,
};

export function useAnnotationHistory(id: string, enabled: boolean) {
  return useQuery({ queryKey: annotationKeys.history(id), queryFn: ({ signal }) => annotationHistory(id, signal), enabled });
}

interface Draft extends PendingCreate {
  localId: string;
  /** Waiting in the outbox for the connection to come back. */
  queued: boolean;
}

export interface Me {
  id: string;
  name: string;
}

/** What the page shows after an operation: "Undone", "Deleted N", or why something failed. */
export interface Notice {
  kind: 'undone' | 'deleted' | 'error';
  error?: unknown;
  /** For `deleted`: how many. */
  count?: number;
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
    queued: draft.queued,
  };
}

function draftFromEntry(entry: OutboxCreate): Draft {
  return { localId: entry.id, idempotencyKey: entry.idempotencyKey, body: entry.body, start: entry.start, end: entry.end, quote: entry.quote, state: 'pending', error: null, queued: true };
}

/** An annotation as shown while edits of it wait in the outbox. */
function withQueuedEdit(item: AnnotationItem, patch: UpdateAnnotationBody): AnnotationItem {
  return {
    ...item,
    tag: patch.tag ?? item.tag,
    note: patch.note !== undefined ? patch.note : item.note,
    visibility: patch.visibility ?? item.visibility,
    queued: true,
  };
}

/** Whether the server's copy already has every field of `patch` (an edit whose answer was lost). */
function hasPatch(annotation: Annotation, patch: UpdateAnnotationBody): boolean {
  return (patch.tag === undefined || patch.tag === annotation.tag) && (patch.note === undefined || patch.note === annotation.note) && (patch.visibility === undefined || patch.visibility === annotation.visibility);
}

/** Items by the annotation object they show: a list patched by one change re-derives one item. */
const itemCache = new WeakMap<Annotation, AnnotationItem>();
function itemOf(annotation: Annotation): AnnotationItem {
  let item = itemCache.get(annotation);
  if (!item) {
    item = itemFromAnnotation(annotation);
    itemCache.set(annotation, item);
  }
  return item;
}

/**
 * `liveStatus` is the live channel's status: when it comes back online the outbox is sent, as it
 * is when the browser reports being online again.
 */
export function useAnnotations(documentId: string, revisionId: string, me: Me, liveStatus: string | null = null) {
  const queryClient = useQueryClient();
  const key = annotationKeys.list(documentId);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => listAnnotations(documentId, signal) });
  const [drafts, setDrafts] = useState<readonly Draft[]>([]);
  // The stack lives in a ref, changed at once: Ctrl+Z pressed right after a save sees its entry
  // even before React renders again (a render for the list's new data can come first). The
  // state copy only re-renders what shows whether there is anything to undo.
  const undoRef = useRef<UndoStack>(EMPTY_UNDO);
  const [undo, setUndo] = useState<UndoStack>(EMPTY_UNDO);
  const dispatchUndo = useCallback((action: UndoAction) => {
    undoRef.current = undoReducer(undoRef.current, action);
    setUndo(undoRef.current);
  }, []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeSeq = useRef(0);
  const outbox = pageOutbox();
  const online = useBrowserOnline();
  /** Local ids of creates and ids of outbox edits whose request is on its way. */
  const inFlight = useRef(new Set<string>());
  /** Local ids of creates on their way whose undo was asked for: deleted as soon as they exist. */
  const undoOnArrival = useRef(new Set<string>());
  /** Undoable edits and deletes still waiting for their answer, and Ctrl+Z presses held for them. */
  const undoableInFlight = useRef(0);
  const deferredUndos = useRef(0);
  const undoLastRef = useRef<() => boolean>(() => false);
  /**
   * Runs an undoable change; a Ctrl+Z pressed before its answer (the live channel may show the
   * change first) waits for it, so it undoes this change and not the one before.
   */
  const tracked = useCallback(<T>(run: () => Promise<T>): Promise<T> => {
    undoableInFlight.current += 1;
    return run().finally(() => {
      undoableInFlight.current -= 1;
      if (undoableInFlight.current > 0) return;
      let held = deferredUndos.current;
      deferredUndos.current = 0;
      while (held-- > 0) undoLastRef.current();
    });
  }, []);
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const [edits, setEdits] = useState<ReadonlyMap<string, OutboxEdit>>(new Map());
  const editsRef = useRef(edits);

  const say = useCallback((kind: Notice['kind'], error?: unknown, count?: number) => {
    noticeSeq.current += 1;
    setNotice({ kind, error, count, seq: noticeSeq.current });
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
      if (inFlight.current.has(draft.localId)) return;
      if (!browserOnline()) {
        setDrafts((all) => all.map((d) => (d.localId === draft.localId ? { ...d, state: 'pending', error: null, queued: true } : d)));
        return;
      }
      inFlight.current.add(draft.localId);
      setDrafts((all) => all.map((d) => (d.localId === draft.localId ? { ...d, state: 'pending', error: null, queued: false } : d)));
      createAnnotation(documentId, draft.body, draft.idempotencyKey).then(
        (annotation) => {
          inFlight.current.delete(draft.localId);
          upsert(annotation);
          setDrafts((all) => all.filter((d) => d.localId !== draft.localId));
          void outbox.remove(draft.localId).catch(() => undefined);
          if (undoOnArrival.current.delete(draft.localId)) {
            // Ctrl+Z came while the create was on its way: undone as soon as it exists.
            deleteAnnotation(annotation.id, annotation.version).then(
              () => {
                drop(annotation.id);
                say('undone');
              },
              (error: unknown) => say('error', error),
            );
            return;
          }
          dispatchUndo({ type: 'push', entry: { kind: 'create', id: annotation.id } });
        },
        (error: unknown) => {
          inFlight.current.delete(draft.localId);
          // Never reached the server (or its answer never came back): kept for the next chance.
          const queued = isNetworkFailure(error);
          if (!queued && undoOnArrival.current.delete(draft.localId)) {
            // Refused, and its undo already asked for: nothing was stored, nothing stays.
            setDrafts((all) => all.filter((d) => d.localId !== draft.localId));
            void outbox.remove(draft.localId).catch(() => undefined);
            say('undone');
            return;
          }
          setDrafts((all) => all.map((d) => (d.localId === draft.localId ? (queued ? { ...d, state: 'pending', error: null, queued } : { ...d, state: 'failed', error, queued }) : d)));
        },
      );
    },
    [documentId, upsert, outbox, drop, say],
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
        queued: false,
      };
      setDrafts((all) => [...all, draft]);
      const entry: OutboxCreate = { kind: 'create', id: draft.localId, userId: me.id, documentId, idempotencyKey: draft.idempotencyKey, body: draft.body, start, end, quote: draft.quote, createdAt: Date.now() };
      void outbox.put(entry).catch(() => undefined);
      send(draft);
    },
    [revisionId, send, me.id, documentId, outbox],
  );

  const retry = useCallback(
    (localId: string) => {
      const draft = drafts.find((d) => d.localId === localId);
      if (draft) send(draft);
    },
    [drafts, send],
  );

  const discard = useCallback(
    (localId: string) => {
      setDrafts((all) => all.filter((d) => d.localId !== localId));
      void outbox.remove(localId).catch(() => undefined);
    },
    [outbox],
  );

  const setEdit = useCallback(
    (annotationId: string, entry: OutboxEdit | null) => {
      const next = new Map(editsRef.current);
      if (entry) next.set(annotationId, entry);
      else next.delete(annotationId);
      editsRef.current = next;
      setEdits(next);
      void (entry ? outbox.put(entry) : outbox.remove(editId(annotationId))).catch(() => undefined);
    },
    [outbox],
  );

  /** Keeps an edit in the outbox, merged with any unsent edit of the same annotation. */
  const queueEdit = useCallback(
    (before: Annotation, patch: UpdateAnnotationBody) => {
      const existing = editsRef.current.get(before.id);
      setEdit(before.id, mergeEdit(existing, { userId: me.id, documentId, annotationId: before.id, baseVersion: before.version, patch, createdAt: Date.now() }));
    },
    [me.id, documentId, setEdit],
  );

  const sendEditRef = useRef<(entry: OutboxEdit) => void>(() => undefined);
  sendEditRef.current = (entry: OutboxEdit) => {
    if (inFlight.current.has(entry.id) || !browserOnline()) return;
    inFlight.current.add(entry.id);
    updateAnnotation(entry.annotationId, entry.patch, entry.baseVersion).then(
      (updated) => {
        inFlight.current.delete(entry.id);
        upsert(updated);
        const now = editsRef.current.get(entry.annotationId);
        if (now && now !== entry) {
          // Edited again meanwhile: that edit goes next, against the version just made.
          const rebased = { ...now, baseVersion: updated.version };
          setEdit(entry.annotationId, rebased);
          sendEditRef.current(rebased);
        } else {
          setEdit(entry.annotationId, null);
        }
      },
      (error: unknown) => {
        inFlight.current.delete(entry.id);
        if (isNetworkFailure(error)) return;
        setEdit(entry.annotationId, null);
        // A refused If-Match may only mean the edit was applied and its answer lost.
        void queryClient.invalidateQueries({ queryKey: key }).then(() => {
          const fresh = current(entry.annotationId);
          if (!fresh || !hasPatch(fresh, entry.patch)) say('error', error);
        });
      },
    );
  };

  /** Sends whatever waits in the outbox: queued creates and edits. */
  const flush = useCallback(() => {
    for (const draft of draftsRef.current) if (draft.queued) send(draft);
    for (const entry of editsRef.current.values()) sendEditRef.current(entry);
  }, [send]);

  // What a previous visit (or tab) left in the outbox for this document is shown and sent.
  useEffect(() => {
    let cancelled = false;
    outbox.list().then(
      (all) => {
        if (cancelled) return;
        const mine = entriesFor(all, me.id, documentId);
        const known = new Set(draftsRef.current.map((d) => d.localId));
        const restored = mine.filter((e): e is OutboxCreate => e.kind === 'create' && !known.has(e.id)).map(draftFromEntry);
        if (restored.length > 0) {
          draftsRef.current = [...draftsRef.current, ...restored];
          setDrafts((current) => [...current, ...restored.filter((d) => !current.some((c) => c.localId === d.localId))]);
        }
        const restoredEdits = mine.filter((e): e is OutboxEdit => e.kind === 'edit');
        if (restoredEdits.length > 0) {
          const next = new Map(editsRef.current);
          for (const entry of restoredEdits) if (!next.has(entry.annotationId)) next.set(entry.annotationId, entry);
          editsRef.current = next;
          setEdits(next);
        }
        flush();
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per document and person
  }, [documentId, me.id]);

  const liveOnline = liveStatus === 'online';
  useEffect(() => {
    if (online) flush();
  }, [online, liveOnline, flush]);

  const applyEdit = useCallback(
    async (id: string, patch: UpdateAnnotationBody, recordUndo: boolean) => {
      const before = current(id);
      if (!before) return;
      // Offline, tag/note/visibility edits wait in the outbox (after any earlier unsent edit).
      const queueable = recordUndo && patch.target === undefined;
      if (queueable && (editsRef.current.has(id) || !browserOnline())) {
        queueEdit(before, patch);
        return;
      }
      let updated: Annotation;
      try {
        updated = await updateAnnotation(id, patch, before.version);
      } catch (error) {
        if (queueable && isNetworkFailure(error)) {
          queueEdit(before, patch);
          return;
        }
        throw error;
      }
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
    [current, upsert, queueEdit],
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
    (id: string, patch: UpdateAnnotationBody) => tracked(() => applyEdit(id, patch, true)).catch((error: unknown) => say('error', error)),
    [applyEdit, say, tracked],
  );
  /** Re-anchors an annotation to code points [start, end) of the current revision (move, or re-attach). */
  const moveTo = useCallback(
    (id: string, index: TextIndex, start: number, end: number) => {
      const { position, quote } = describeRange(index.text, start, end);
      return edit(id, { target: { revisionId, selector: [position, quote] } });
    },
    [edit, revisionId],
  );
  const remove = useCallback((id: string) => tracked(() => applyDelete(id, true)).catch((error: unknown) => say('error', error)), [applyDelete, say, tracked]);

  /** Deletes the listed annotations in one request: all of them or, if any is refused, none. */
  const removeManyNow = useCallback(
    async (ids: readonly string[]): Promise<boolean> => {
      const items = ids.map(current).filter((a): a is Annotation => a !== undefined).map(({ id, version }) => ({ id, version }));
      if (items.length === 0) return false;
      try {
        const result = await deleteAnnotations(documentId, items);
        for (const item of result.items) drop(item.id);
        dispatchUndo({ type: 'push', entry: { kind: 'deleteMany', id: `bulk-${newKey()}`, items: result.items } });
        say('deleted', undefined, result.items.length);
        return true;
      } catch (error) {
        // Refused as a whole: someone changed one meanwhile, so show the list as it is now.
        void queryClient.invalidateQueries({ queryKey: key });
        say('error', error);
        return false;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from documentId
    [current, documentId, drop, say, queryClient],
  );
  const removeMany = useCallback((ids: readonly string[]): Promise<boolean> => tracked(() => removeManyNow(ids)), [tracked, removeManyNow]);

  const runUndo = useCallback(async (entry: UndoEntry) => {
    if (entry.kind === 'create') await applyDelete(entry.id, false);
    else if (entry.kind === 'edit') await applyEdit(entry.id, entry.before, false);
    else if (entry.kind === 'deleteMany') {
      await restoreAnnotations(documentId, [...entry.items]);
      await queryClient.invalidateQueries({ queryKey: key });
    } else upsert(await restoreAnnotation(entry.id, entry.deletedVersion));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from documentId
  }, [applyDelete, applyEdit, upsert, documentId, queryClient]);

  /** Undoes the newest of one's own changes; false when there is nothing to undo. */
  const undoLast = useCallback((): boolean => {
    // A create not yet answered is the newest change (its highlight may already show, drawn from
    // the live channel before the answer arrived): one on its way is undone as soon as the server
    // has it; one waiting in the outbox is simply not sent.
    const pending = [...draftsRef.current].reverse().find((d) => d.state === 'pending' && !undoOnArrival.current.has(d.localId));
    if (pending) {
      if (inFlight.current.has(pending.localId)) {
        undoOnArrival.current.add(pending.localId);
      } else {
        discard(pending.localId);
        say('undone');
      }
      return true;
    }
    if (undoableInFlight.current > 0) {
      deferredUndos.current += 1;
      return true;
    }
    const entry = lastUndo(undoRef.current);
    if (!entry) return false;
    dispatchUndo({ type: 'pop' });
    runUndo(entry).then(
      () => say('undone'),
      (error: unknown) => {
        // Gone elsewhere: none of its older entries can be undone either.
        if (isApiError(error) && error.isNotFound) dispatchUndo({ type: 'forget', id: entry.id });
        say('error', error);
      },
    );
    return true;
  }, [runUndo, say, discard]);
  undoLastRef.current = undoLast;

  const items = useMemo(() => {
    const confirmed = (query.data?.items ?? []).map((annotation) => {
      const item = itemOf(annotation);
      const queued = edits.get(annotation.id);
      return queued ? withQueuedEdit(item, queued.patch) : item;
    });
    const all = [...confirmed, ...drafts.map((d) => draftItem(d, me))];
    all.sort(compareDocumentOrder);
    return all;
  }, [query.data, drafts, me, edits]);

  const draftError = useCallback((localId: string) => drafts.find((d) => d.localId === localId)?.error, [drafts]);

  return { query, items, create, retry, discard, edit, moveTo, remove, removeMany, undoLast, canUndo: undo.entries.length > 0, notice, dismissNotice: () => setNotice(null), draftError };
}
