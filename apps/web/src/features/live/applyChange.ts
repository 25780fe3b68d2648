// Applies a pushed change to the query cache: an annotation is patched into (or dropped from) its
// document's list — the reading view then draws just that one highlight — and everything derived
// (review queue, flags, links, comments, history, badges) is invalidated so it refetches.
import type { AnnotationList, LiveBadge, LiveChange } from '@glossa/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { annotationKeys } from '../annotations/useAnnotations';
import { documentKeys } from '../documents/queries';
import { reviewKeys } from '../review/queries';

/** Annotation event types that move an annotation in or out of the review queue. */
const REVIEW_TYPES = new Set(['annotation.submitted', 'annotation.decided', 'annotation.deleted', 'annotation.restored']);

export function applyLiveChange(queryClient: QueryClient, change: LiveChange): void {
  switch (change.kind) {
    case 'annotation': {
      const key = annotationKeys.list(change.documentId);
      const { annotation, annotationId } = change;
      // A list being fetched may have been read before this change committed: its answer would
      // undo the patch below, so the fetch starts over (it then includes the change).
      if (queryClient.getQueryState(key)?.fetchStatus === 'fetching') void queryClient.invalidateQueries({ queryKey: key });
      queryClient.setQueryData<AnnotationList>(key, (list) => {
        if (!list) return list;
        const at = list.items.findIndex((a) => a.id === annotationId);
        if (annotation === null) return at < 0 ? list : { ...list, items: list.items.filter((a) => a.id !== annotationId) };
        if (at < 0) return { ...list, items: [...list.items, annotation] };
        // A replayed change older than what the cache holds (e.g. our own PATCH answer) is ignored.
        if (list.items[at]!.version > annotation.version) return list;
        return { ...list, items: list.items.map((a, i) => (i === at ? annotation : a)) };
      });
      void queryClient.invalidateQueries({ queryKey: annotationKeys.history(annotationId) });
      if (REVIEW_TYPES.has(change.type)) void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      return;
    }
    case 'link':
    case 'comment':
      // Links carry flags (the reading-view marker), queue rows, per-annotation link lists and threads.
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      return;
    case 'document':
      void queryClient.invalidateQueries({ queryKey: documentKeys.detail(change.documentId) });
      void queryClient.invalidateQueries({ queryKey: annotationKeys.list(change.documentId) });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.documentFlags(change.documentId) });
      return;
  }
}

/** Everything a document view shows, fetched again (after changes that could not be replayed). */
export function resyncDocument(queryClient: QueryClient, documentId: string): void {
  void queryClient.invalidateQueries({ queryKey: annotationKeys.list(documentId) });
  void queryClient.invalidateQueries({ queryKey: reviewKeys.documentFlags(documentId) });
  void queryClient.invalidateQueries({ queryKey: [...reviewKeys.all, 'annotation-links'] });
}

/** The header badge: the open-items count is set from the push; notifications refetch when theirs moved. */
export function applyLiveBadge(queryClient: QueryClient, badge: LiveBadge): void {
  void queryClient.invalidateQueries({ queryKey: reviewKeys.summary });
  const notifications = queryClient.getQueryData<{ unread: number }>(reviewKeys.notifications);
  if (!notifications || notifications.unread !== badge.unreadMentions) void queryClient.invalidateQueries({ queryKey: reviewKeys.notifications });
  void queryClient.invalidateQueries({ queryKey: [...reviewKeys.all, 'queue'] });
}
