// Query-cache hooks for documents: keys in one place, a workspace's list (cursor pages), detail, import.
import type { DocumentDetail, RevisionImported } from '@glossa/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDocument, importDocument, importRevision, listDocuments, type ImportDocumentInput, type ImportRevisionInput } from '../../api/documents';

export const documentKeys = {
  all: ['documents'] as const,
  lists: () => [...documentKeys.all, 'list'] as const,
  /** One list per workspace, so switching never shows the previous workspace's rows. */
  list: (workspaceId: string) => [...documentKeys.lists(), workspaceId] as const,
  detail: (id: string) => [...documentKeys.all, 'detail', id] as const,
};

export function useDocumentList(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: documentKeys.list(workspaceId),
    queryFn: ({ pageParam, signal }) => listDocuments({ workspaceId, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) => getDocument(id, signal),
  });
}

export interface ImportVariables {
  input: ImportDocumentInput;
  signal?: AbortSignal;
}

export function useImportDocument() {
  const queryClient = useQueryClient();
  return useMutation<DocumentDetail, Error, ImportVariables>({
    mutationFn: ({ input, signal }) => importDocument(input, signal),
    onSuccess: (document) => {
      queryClient.setQueryData(documentKeys.detail(document.id), document);
    },
    // Also after a cancelled upload: the server may have finished it anyway.
    onSettled: () => queryClient.invalidateQueries({ queryKey: documentKeys.lists() }),
  });
}

export interface RevisionVariables {
  documentId: string;
  input: ImportRevisionInput;
  signal?: AbortSignal;
}

/** Re-import: the new revision replaces the cached document; its annotations are fetched again. */
export function useImportRevision() {
  const queryClient = useQueryClient();
  return useMutation<RevisionImported, Error, RevisionVariables>({
    mutationFn: ({ documentId, input, signal }) => importRevision(documentId, input, signal),
    onSuccess: (result) => {
      queryClient.setQueryData(documentKeys.detail(result.document.id), result.document);
      void queryClient.invalidateQueries({ queryKey: ['annotations'] });
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
    },
  });
}
