// Exports run as jobs (issue 7): `Prefer: respond-async` on either export route answers 202 with
// the job's Location; the job reports progress, then its file — byte for byte the download the
// same request gives — in the same headers. Someone else's job is not found, nor is a file once its
// owner left the workspace; a running job's file is a 409; a removed job is gone with its file.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, DocumentDetail, ExportJob, ExportJobList, WorkspaceSummary } from '@glossa/contracts';
import { joinWithRole, query, signUpStranger, type Session, type TestUser } from '../support/api';

let lead: TestUser;
let colleague: TestUser;
let workspaceId: string;
let documentId: string;

const ASYNC = { prefer: 'respond-async' };
const ROWS = 3_000;

async function startJob(session: Session, path: string): Promise<{ response: Response; job: ExportJob }> {
  const response = await session.get(path, { headers: ASYNC });
  expect(response.status).toBe(202);
  return { response, job: (await response.json()) as ExportJob };
}

/** Polls the job until it is no longer running. */
async function finished(session: Session, job: ExportJob): Promise<ExportJob> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const now = (await (await session.get(`/api/exports/${job.id}`)).json()) as ExportJob;
    if (now.status !== 'running' || Date.now() > deadline) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  lead = await signUpStranger('export-jobs');
  const created = await lead.session.post('/api/workspaces', { name: 'Export jobs 匯出' });
  workspaceId = ((await created.json()) as WorkspaceSummary).id;
  colleague = await joinWithRole(lead.session, workspaceId, 'analyst', 'export-jobs-colleague');
  const doc = await lead.session.post('/api/documents', { title: '背景匯出測試', format: 'text', content: '背景匯出測試文本，內容足夠長。'.repeat(30), workspaceId });
  const detail = (await doc.json()) as DocumentDetail;
  documentId = detail.id;
  await query(
    `INSERT INTO annotation (workspace_id, document_id, revision_id, author_id, tag, note, visibility, status, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix)
     SELECT $1, $2, $3, $4, 'claim', '註 ' || g, 'shared', 'draft', 0, 2, '背景', '', '匯出測試' FROM generate_series(1, $5::int) g`,
    [workspaceId, documentId, detail.revision.id, lead.me.user.id, ROWS],
  );
});

describe('an export as a job', () => {
  it('answers 202 with Location, reports progress, and serves the same bytes as the download', async () => {
    const path = `/api/workspaces/${workspaceId}/export?format=csv`;
    const { response, job } = await startJob(lead.session, path);
    expect(response.headers.get('location')).toBe(`/api/exports/${job.id}`);
    expect(response.headers.get('preference-applied')).toBe('respond-async');
    expect(job).toMatchObject({ status: 'running', format: 'csv', total: ROWS, fileUrl: null, error: null });
    const done = await finished(lead.session, job);
    expect(done).toMatchObject({ status: 'done', total: ROWS, done: ROWS, fileUrl: `/api/exports/${job.id}/file`, error: null });
    expect(done.fileName).toMatch(/\.csv$/);

    const file = await lead.session.get(done.fileUrl!);
    expect(file.status).toBe(200);
    const direct = await lead.session.get(path);
    expect(direct.status).toBe(200);
    for (const header of ['content-type', 'content-disposition', 'x-glossa-annotation-count']) expect(file.headers.get(header)).toBe(direct.headers.get(header));
    const [jobBytes, directBytes] = [Buffer.from(await file.arrayBuffer()), Buffer.from(await direct.arrayBuffer())];
    expect(jobBytes.length).toBe(done.bytes);
    expect(jobBytes.equals(directBytes)).toBe(true);
    expect(Number(file.headers.get('content-length'))).toBe(done.bytes);
  });

  it('runs every format, a document export too; the DOCX arrives whole', async () => {
    for (const format of ['markdown', 'json', 'w3c', 'docx'] as const) {
      const { job } = await startJob(lead.session, `/api/documents/${documentId}/export?format=${format}`);
      const done = await finished(lead.session, job);
      expect(done, format).toMatchObject({ status: 'done', format, total: ROWS });
      const file = Buffer.from(await (await lead.session.get(done.fileUrl!)).arrayBuffer());
      expect(file.length, format).toBe(done.bytes);
      if (format === 'docx') expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
      if (format === 'json') expect((JSON.parse(file.toString('utf8')) as { annotations: unknown[] }).annotations).toHaveLength(ROWS);
    }
  });

  it("lists one's own jobs only; another person gets 404 for the job and its file", async () => {
    const { job } = await startJob(lead.session, `/api/documents/${documentId}/export?format=csv`);
    await finished(lead.session, job);
    const mine = (await (await lead.session.get('/api/exports')).json()) as ExportJobList;
    expect(mine.items[0]!.id).toBe(job.id);
    const theirs = (await (await colleague.session.get('/api/exports')).json()) as ExportJobList;
    expect(theirs.items.map((j) => j.id)).not.toContain(job.id);
    for (const path of [`/api/exports/${job.id}`, `/api/exports/${job.id}/file`]) {
      const response = await colleague.session.get(path);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ApiErrorBody).error.code).toBe('not_found');
    }
    expect((await colleague.session.delete(`/api/exports/${job.id}`)).status).toBe(404);
    expect((await lead.session.get('/api/exports/not-an-id')).status).toBe(404);
  });

  it('a file is not served once its owner has left the workspace', async () => {
    const { job } = await startJob(colleague.session, `/api/documents/${documentId}/export?format=csv`);
    const done = await finished(colleague.session, job);
    expect(done.status).toBe('done');
    expect((await lead.session.delete(`/api/workspaces/${workspaceId}/members/${colleague.me.user.id}`)).status).toBe(204);
    expect((await colleague.session.get(done.fileUrl!)).status).toBe(404);
  });

  it('a running job has no file yet (409); removing it cancels it and takes its file away', async () => {
    const { job } = await startJob(lead.session, `/api/workspaces/${workspaceId}/export?format=json`);
    // Once its writer is done, set back to how a job looks while its writer works (so no writer
    // can finish it meanwhile).
    expect((await finished(lead.session, job)).status).toBe('done');
    await query(`UPDATE export_job SET status = 'running', heartbeat_at = now() WHERE id = $1`, [job.id]);
    const early = await lead.session.get(`/api/exports/${job.id}/file`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as ApiErrorBody).error.code).toBe('conflict');
    expect((await lead.session.delete(`/api/exports/${job.id}`)).status).toBe(204);
    expect((await lead.session.get(`/api/exports/${job.id}`)).status).toBe(404);
    expect(await query('SELECT n FROM export_chunk WHERE job_id = $1', [job.id])).toEqual([]);
  });

  it('a job whose server stopped answering reads as failed, with no file', async () => {
    const { job } = await startJob(lead.session, `/api/documents/${documentId}/export?format=csv`);
    await finished(lead.session, job);
    // What a job left behind by a killed server looks like: running, its heartbeat old.
    await query(`UPDATE export_job SET status = 'running', heartbeat_at = now() - interval '5 minutes' WHERE id = $1`, [job.id]);
    const now = (await (await lead.session.get(`/api/exports/${job.id}`)).json()) as ExportJob;
    expect(now).toMatchObject({ status: 'failed', fileUrl: null });
    expect(now.error).toMatch(/stopped before it was finished/);
    expect((await lead.session.get(`/api/exports/${job.id}/file`)).status).toBe(409);
  });

  it('bad filters are refused before any job exists', async () => {
    const before = await query<{ n: number }>('SELECT count(*)::int AS n FROM export_job WHERE user_id = $1', [lead.me.user.id]);
    const response = await lead.session.get(`/api/workspaces/${workspaceId}/export?format=pdf`, { headers: ASYNC });
    expect(response.status).toBe(400);
    expect(await query('SELECT count(*)::int AS n FROM export_job WHERE user_id = $1', [lead.me.user.id])).toEqual(before);
  });
});
