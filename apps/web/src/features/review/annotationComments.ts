// HTTP calls and query hooks for the comment thread of one annotation
// (GET/POST /api/annotations/:id/comments, docs/REVIEW.md) and for reading one annotation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Annotation, Comment, CommentList, Routes } from '@glossa/contracts';
import { apiRequest, fillPath } from '../../api/client';
import { reviewKeys } from './queries';

export const annotationCommentKeys = {
  thread: (annotationId: string) => [...reviewKeys.all, 'annotation-comments', annotationId] as const,
  annotation: (annotationId: string) => [...reviewKeys.all, 'annotation', annotationId] as const,
};

export function annotationComments(id: string, signal?: AbortSignal): Promise<CommentList> {
  return apiRequest(fillPath(Routes.annotationComments, { id }), CommentList, { signal });
}

export function addAnnotationComment(id: string, body: string, parentId?: string): Promise<Comment> {
  return apiRequest(fillPath(Routes.annotationComments, { id }), Comment, { method: 'POST', json: parentId ? { body, parentId } : { body } });
}

export function getAnnotation(id: string, signal?: AbortSignal): Promise<Annotation> {
  return apiRequest(fillPath(Routes.annotation, { id }), Annotation, { signal });
}

export function useAnnotationComments(annotationId: string) {
  return useQuery({ queryKey: annotationCommentKeys.thread(annotationId), queryFn: ({ signal }) => annotationComments(annotationId, signal) });
}

export function useAddAnnotationComment(annotationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, parentId }: { body: string; parentId?: string }) => addAnnotationComment(annotationId, body, parentId),
    onSuccess: (comment) => {
      // Shown at once; the refetch then brings anyone else's comments too.
      queryClient.setQueryData<CommentList>(annotationCommentKeys.thread(annotationId), (list) => (list && !list.items.some((c) => c.id === comment.id) ? { items: [...list.items, comment] } : list));
      void queryClient.invalidateQueries({ queryKey: annotationCommentKeys.thread(annotationId) });
    },
  });
}

export function useAnnotation(annotationId: string) {
  return useQuery({ queryKey: annotationCommentKeys.annotation(annotationId), queryFn: ({ signal }) => getAnnotation(annotationId, signal) });
}
