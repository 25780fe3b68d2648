// Runs one export request and reads its streamed body while reporting bytes received, so the
// dialog can show progress and cancel; the finished body becomes a download with the server's
// (RFC 6266) filename.
import { EXPORT_COUNT_HEADER, Routes, type ExportFormat } from '@glossa/contracts';
import { ApiError, ClientErrorCode, apiUrl, fillPath, parseApiError, type QueryValue } from '../../api/client';

export type ExportTarget = { kind: 'document'; documentId: string; title: string } | { kind: 'workspace'; workspaceId: string; name: string; documentIds?: readonly string[] };

export interface ExportOptions {
  format: ExportFormat;
  tag?: string;
  status?: string;
  author?: string;
  from?: string;
  to?: string;
  includeOwnPrivate: boolean;
}

export interface ExportProgress {
  bytes: number;
  /** From the response header, once it arrived. */
  annotations: number | null;
}

export interface ExportResult {
  blob: Blob;
  filename: string;
  annotations: number | null;
}

/** The export's API path and query for these options. */
export function exportRequest(target: ExportTarget, options: ExportOptions): { path: string; query: Record<string, QueryValue> } {
  const query: Record<string, QueryValue> = {
    format: options.format,
    tag: options.tag || undefined,
    status: options.status || undefined,
    author: options.author || undefined,
    from: options.from || undefined,
    to: options.to || undefined,
    includePrivate: options.includeOwnPrivate ? 'own' : undefined,
  };
  if (target.kind === 'document') return { path: fillPath(Routes.documentExport, { id: target.documentId }), query };
  if (target.documentIds && target.documentIds.length > 0) query.documentIds = target.documentIds.join(',');
  return { path: fillPath(Routes.workspaceExport, { id: target.workspaceId }), query };
}

export function exportUrl(target: ExportTarget, options: ExportOptions): string {
  const { path, query } = exportRequest(target, options);
  return apiUrl(path, query);
}

/** The filename of a `Content-Disposition` header: `filename*` (UTF-8) first, else `filename`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? plain[1]!.replace(/\\(.)/g, '$1').trim() : fallback;
}

export async function runExport(url: string, signal: AbortSignal, onProgress: (progress: ExportProgress) => void): Promise<ExportResult> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', credentials: 'same-origin', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError(0, ClientErrorCode.Network, 'Network error');
  }
  if (!response.ok) throw await parseApiError(response);
  const counted = response.headers.get(EXPORT_COUNT_HEADER);
  const annotations = counted !== null && /^\d+$/.test(counted) ? Number(counted) : null;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  onProgress({ bytes, annotations });
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        onProgress({ bytes, annotations });
      }
    } catch (error) {
      if (signal.aborted) throw error;
      // The server stopped midway (a broken stream): never hand out a truncated file.
      throw new ApiError(0, ClientErrorCode.Network, 'The export stopped before it was complete');
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks as BlobPart[], { type }), filename: filenameFromDisposition(response.headers.get('content-disposition'), 'glossa-export'), annotations };
}

/** Hands a finished export to the browser as a download. */
export function saveBlob(result: ExportResult): void {
  const href = URL.createObjectURL(result.blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = result.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
