// The offline outbox: annotations created and notes edited while the server could not be reached,
// kept in IndexedDB (idb-keyval) so a reload does not lose them, and sent when back online.
// Creates carry the Idempotency-Key chosen when they were made, so a create whose answer was lost
// is stored once however often it is resent; edits carry the version they were made against
// (If-Match). Entries belong to one person and one document.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { CreateAnnotationBody, UpdateAnnotationBody } from '../../api/annotations';
import { ClientErrorCode, isApiError } from '../../api/client';

export interface OutboxCreate {
  kind: 'create';
  /** The local id of the highlight shown until the server confirms it. */
  id: string;
  userId: string;
  documentId: string;
  idempotencyKey: string;
  body: CreateAnnotationBody;
  start: number;
  end: number;
  quote: string;
  createdAt: number;
}

export interface OutboxEdit {
  kind: 'edit';
  /** editId(annotationId): one entry per annotation, later edits merged into it. */
  id: string;
  userId: string;
  documentId: string;
  annotationId: string;
  /** The version the first edit was made against, sent as If-Match. */
  baseVersion: number;
  patch: UpdateAnnotationBody;
  createdAt: number;
}

export type OutboxEntry = OutboxCreate | OutboxEdit;

export interface OutboxStore {
  list(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(id: string): Promise<void>;
}

export const editId = (annotationId: string): string => `edit-${annotationId}`;

/** A person's entries for one document, oldest first (the order they are sent in). */
export function entriesFor(all: readonly OutboxEntry[], userId: string, documentId: string): OutboxEntry[] {
  return all.filter((e) => e.userId === userId && e.documentId === documentId).sort((a, b) => a.createdAt - b.createdAt);
}

/** A further edit of an annotation with unsent edits: one PATCH with both, against the first's version. */
export function mergeEdit(existing: OutboxEdit | undefined, next: Omit<OutboxEdit, 'kind' | 'id'>): OutboxEdit {
  if (!existing) return { kind: 'edit', id: editId(next.annotationId), ...next };
  return { ...existing, patch: { ...existing.patch, ...next.patch } };
}

/** The request never reached the server, or its answer never came back: worth sending again. */
export function isNetworkFailure(error: unknown): boolean {
  return isApiError(error) && (error.code === ClientErrorCode.Network || error.status === 0);
}

/** Whether the browser believes it is online (true where it cannot tell). */
export function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export function memoryOutbox(): OutboxStore {
  const map = new Map<string, OutboxEntry>();
  return {
    list: async () => [...map.values()].map((e) => structuredClone(e)),
    put: async (entry) => void map.set(entry.id, structuredClone(entry)),
    remove: async (id) => void map.delete(id),
  };
}

function idbOutbox(store: UseStore): OutboxStore {
  return {
    list: async () => (await entries<string, OutboxEntry>(store)).map(([, value]) => value),
    put: (entry) => set(entry.id, entry, store),
    remove: (id) => del(id, store),
  };
}

let browserStore: OutboxStore | null = null;

/** The page's outbox: IndexedDB where there is one, else memory (it then lasts until a reload). */
export function pageOutbox(): OutboxStore {
  browserStore ??= typeof indexedDB === 'undefined' ? memoryOutbox() : idbOutbox(createStore('glossa-outbox', 'entries'));
  return browserStore;
}
