// A workspace for the links and review suites: members of every role, two documents from the
// demo corpus's attendance passages, and helpers to annotate, link and move flags.
import { expect } from 'vitest';
import type { Annotation, DocumentDetail, Link, WorkspaceSummary } from '@glossa/contracts';
import { joinWithRole, query, signInAsOwner, signUpStranger, type Session, type TestUser } from '../support/api';

export interface Doc {
  id: string;
  revisionId: string;
}

export interface ReviewWorld {
  owner: Session;
  workspaceId: string;
  analyst: TestUser;
  colleague: TestUser;
  reviewer: TestUser;
  reviewer2: TestUser;
  viewer: TestUser;
  admin: TestUser;
  stranger: TestUser;
  docA: Doc;
  docB: Doc;
}

export const TEXT_A = '會議開幕。逾千名高級別代表出席本屆論壇，亞太地區貢獻了全球六成以上的經濟總量。Growth 100% ASSURED here.';
export const TEXT_B = '大會閉幕。共有1400餘名代表參加，佔超出六成的全球經濟總量和近五成的貿易總額。Another paragraph here.';

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export async function importDocument(session: Session, workspaceId: string, title: string, content: string): Promise<Doc> {
  const response = await session.post('/api/documents', { title, format: 'text', content, workspaceId });
  expect(response.status).toBe(201);
  const detail = await json<DocumentDetail>(response);
  return { id: detail.id, revisionId: detail.revision.id };
}

export async function makeWorld(name: string): Promise<ReviewWorld> {
  const owner = await signInAsOwner();
  const workspace = await owner.post('/api/workspaces', { name });
  expect(workspace.status).toBe(201);
  const workspaceId = (await json<WorkspaceSummary>(workspace)).id;
  const analyst = await joinWithRole(owner, workspaceId, 'analyst', `Ana-${name}`);
  const colleague = await joinWithRole(owner, workspaceId, 'analyst', `Cole-${name}`);
  const reviewer = await joinWithRole(owner, workspaceId, 'reviewer', `Rita-${name}`);
  const reviewer2 = await joinWithRole(owner, workspaceId, 'reviewer', `Rolf-${name}`);
  const viewer = await joinWithRole(owner, workspaceId, 'viewer', `Vic-${name}`);
  const admin = await joinWithRole(owner, workspaceId, 'admin', `Adam-${name}`);
  const stranger = await signUpStranger(`Stan-${name}`);
  const docA = await importDocument(analyst.session, workspaceId, `Forum A ${name}`, TEXT_A);
  const docB = await importDocument(analyst.session, workspaceId, `Forum B ${name}`, TEXT_B);
  return { owner, workspaceId, analyst, colleague, reviewer, reviewer2, viewer, admin, stranger, docA, docB };
}

export async function annotate(session: Session, doc: Doc, exact: string, extra: Record<string, unknown> = {}): Promise<Annotation> {
  const response = await session.post(`/api/documents/${doc.id}/annotations`, {
    tag: 'claim',
    target: { revisionId: doc.revisionId, selector: [{ type: 'TextQuoteSelector', exact }] },
    ...extra,
  });
  expect(response.status).toBe(201);
  return json<Annotation>(response);
}

export function postLink(session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return session.post('/api/links', body, { headers });
}

export async function flag(session: Session, annotationIds: string[], extra: Record<string, unknown> = {}): Promise<Link> {
  const response = await postLink(session, { type: 'contradicts', annotationIds, rationale: 'The figures disagree', ...extra });
  expect(response.status).toBe(201);
  return json<Link>(response);
}

export function transition(session: Session, link: { id: string; version: number }, body: Record<string, unknown>, ifMatch: string | null = `"${link.version}"`): Promise<Response> {
  return session.post(`/api/links/${link.id}/transitions`, body, { headers: ifMatch === null ? {} : { 'if-match': ifMatch } });
}

/** Everything a link or comment write touches, to prove a refused request changed nothing. */
export async function reviewSnapshot(): Promise<Record<string, unknown>> {
  const [row] = await query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM link)::int AS links,
            (SELECT count(*) FROM link_annotation)::int AS members,
            (SELECT count(*) FROM comment)::int AS comments,
            (SELECT count(*) FROM notification)::int AS notifications,
            (SELECT count(*) FROM event)::int AS events,
            (SELECT md5(coalesce(string_agg(id::text || version || coalesce(status, '-') || coalesce(assignee_id::text, '-'), ',' ORDER BY id), '')) FROM link) AS rows`,
  );
  return row!;
}
