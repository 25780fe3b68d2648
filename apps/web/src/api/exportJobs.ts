// HTTP calls for exports run as jobs: start one (`Prefer: respond-async`), list one's jobs of the
// last day, remove one. The file itself is a plain same-origin download of `fileUrl`.
import { ExportJob, ExportJobList, PREFER_ASYNC, Routes } from '@glossa/contracts';
import { apiRequest, apiSend, fillPath, type QueryValue } from './client';

export { type ExportJob } from '@glossa/contracts';

export function startExportJob(path: string, query: Record<string, QueryValue>): Promise<ExportJob> {
  return apiRequest(path, ExportJob, { query, headers: { Prefer: PREFER_ASYNC } });
}

export function listExportJobs(signal?: AbortSignal): Promise<ExportJobList> {
  return apiRequest(Routes.exportJobs, ExportJobList, { signal });
}

export function removeExportJob(id: string): Promise<void> {
  return apiSend(fillPath(Routes.exportJob, { id }), { method: 'DELETE' });
}
