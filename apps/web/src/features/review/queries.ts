// Query keys and hooks of the review feature: a document's open flags (for the reading-view
// marker), an annotation's links, one link with its comments, the queue and notifications.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addLinkComment,
  annotationLinks,
  decideAnnotation,
  getLink,
  linkComments,
  linkHistory,
  markNotificationsRead,
  notifications,
  reviewQueue,
  submitAnnotation,
  transitionLink,
  type Link,
  type QueueFilters,
  type TransitionInput,
} from '../../api/review';
import { listMembers } from '../../api/workspaces';

export const reviewKeys = {
  all: ['review'] as const,
  documentFlags: (documentId: string) => [...reviewKeys.all, 'document-flags', documentId] as const,
  annotationLinks: (id: string) => [...reviewKeys.all, 'annotation-links', id] as const,
  link: (id: string) => [...reviewKeys.all, 'link', id] as const,
  comments: (id: string) => [...reviewKeys.all, 'comments', id] as const,
  queue: (filters: QueueFilters) => [...reviewKeys.all, 'queue', filters] as const,
  summary: ['review', 'summary'] as const,
  notifications: ['review', 'notifications'] as const,
};

const OPEN_STATUSES = new Set(['open', 'in_review']);

/** Ids of the annotations of a document that take part in an open contradiction flag. */
export function useDocumentFlags(documentId: string) {
  return useQuery({
    queryKey: reviewKeys.documentFlags(documentId),
    queryFn: async ({ signal }) => {
      // Without `status` the queue holds exactly what is still open (open, in_review) plus
      // submitted annotations, which the marker ignores.
      const page = await reviewQueue({ documentId, limit: 100 }, undefined, signal);
      const flagged = new Set<string>();
      for (const item of page.items) {
        if (item.kind !== 'link' || !item.link.status || !OPEN_STATUSES.has(item.link.status)) continue;
        for (const passage of item.link.annotations) flagged.add(passage.id);
      }
      return flagged;
    },
  });
}

export function useAnnotationLinks(id: string, enabled: boolean) {
  return useQuery({ queryKey: reviewKeys.annotationLinks(id), queryFn: ({ signal }) => annotationLinks(id, signal), enabled });
}

/** The members of a workspace (names and roles), for the assignee select, filters and @mentions. */
export function useWorkspaceMembers(workspaceId: string | undefined) {
  return useQuery({
    queryKey: ['workspaces', 'review-members', workspaceId],
    queryFn: ({ signal }) => listMembers(workspaceId!, signal),
    enabled: Boolean(workspaceId),
    staleTime: 60_000,
  });
}

export function useLink(id: string) {
  return useQuery({ queryKey: reviewKeys.link(id), queryFn: ({ signal }) => getLink(id, signal) });
}

/** Keyed under the link, so a transition's invalidation of the link refreshes it too. */
export function useLinkHistory(id: string) {
  return useQuery({ queryKey: [...reviewKeys.link(id), 'history'], queryFn: ({ signal }) => linkHistory(id, signal) });
}

export function useLinkComments(id: string) {
  return useQuery({ queryKey: reviewKeys.comments(id), queryFn: ({ signal }) => linkComments(id, signal) });
}

export function useAddComment(linkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, parentId }: { body: string; parentId?: string }) => addLinkComment(linkId, body, parentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.comments(linkId) }),
  });
}

export function useTransition(link: Link) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => transitionLink(link.id, link.version, input),
    onSuccess: (next) => {
      queryClient.setQueryData(reviewKeys.link(link.id), next);
      // Everything else under review (queue, counts, the link's audit trail) is refetched; the link
      // itself is already the server's answer.
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all, predicate: (q) => q.queryKey[1] !== 'link' || q.queryKey.length > reviewKeys.link(link.id).length });
    },
  });
}

export function useReviewQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: reviewKeys.queue(filters),
    queryFn: ({ pageParam, signal }) => reviewQueue(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Open items (open, in_review, submitted) for the header badge. */
export function useReviewSummary(enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.summary,
    queryFn: async ({ signal }) => {
      const page = await reviewQueue({ limit: 1 }, undefined, signal);
      return page.counts.open + page.counts.in_review + page.counts.submitted;
    },
    enabled,
    refetchInterval: 30_000,
  });
}

export function useNotifications(enabled = true) {
  return useQuery({ queryKey: reviewKeys.notifications, queryFn: ({ signal }) => notifications(signal), enabled, refetchInterval: 30_000 });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: (list) => queryClient.setQueryData(reviewKeys.notifications, list),
  });
}

export function useSubmitAnnotation(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAnnotation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['annotations', 'document', documentId] });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
}

export function useDecideAnnotation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, decision, comment }: { id: string; version: number; decision: 'accept' | 'reject'; comment?: string }) => decideAnnotation(id, version, decision, comment),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}
