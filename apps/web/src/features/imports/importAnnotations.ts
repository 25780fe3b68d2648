// The HTTP call and mutation behind "Import annotations": a W3C or Glossa JSON file sent to
// POST /api/workspaces/:id/import, optionally onto one chosen document; all or nothing on the server.
import { ImportResult, MAX_DOCUMENT_BYTES, Routes } from '@glossa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, fillPath } from '../../api/client';

export interface ImportAnnotationsInput {
  workspaceId: string;
  /** The parsed file: a W3C collection/page/annotation(s) or a Glossa export. */
  data: unknown;
  /** Every annotation onto this document; otherwise the documents the file names. */
  documentId?: string;
}

/** The server's JSON limit, approximately: larger files are refused before reading them. */
export const MAX_IMPORT_FILE_BYTES = MAX_DOCUMENT_BYTES;

export function importAnnotations(input: ImportAnnotationsInput, signal?: AbortSignal): Promise<ImportResult> {
  return apiRequest(fillPath(Routes.workspaceImport, { id: input.workspaceId }), ImportResult, {
    method: 'POST',
    json: { data: input.data, ...(input.documentId ? { documentId: input.documentId } : {}) },
    signal,
  });
}

export function useImportAnnotations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportAnnotationsInput) => importAnnotations(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['annotations'] }),
  });
}
