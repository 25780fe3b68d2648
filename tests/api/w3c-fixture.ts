// Shared setup of the W3C protocol, collection and import suites: a workspace with a document whose text
// has astral characters (𠮷, 👩‍👩‍👧) and CJK before the annotated phrases, and small request helpers.
import { expect } from 'vitest';
import type { Annotation, DocumentDetail, WorkspaceSummary } from '@glossa/contracts';
import { type Session } from '../support/api';

export const FAMILY = '👩‍👩‍👧';
export const CONTENT = [
  `家族 ${FAMILY} 與 𠮷野家、𩸽 都在前面。`,
  '第二段有目標段落在此，其後是更多文字。',
  `Emoji ${FAMILY} then the English phrase, and 𠮷 again before 最後的句子。`,
].join('\n\n');

export const ANNO_PROFILE = 'http://www.w3.org/ns/anno.jsonld';
export const LD_JSON = `application/ld+json; profile="${ANNO_PROFILE}"`;

export interface Doc {
  id: string;
  revisionId: string;
  text: string;
}

const cps = (s: string): string[] => [...s];

/** Code point span of the first occurrence of `phrase`. */
export function span(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`${phrase} not in the text`);
  const start = cps(text.slice(0, at)).length;
  return { start, end: start + cps(phrase).length };
}

export const slice = (text: string, start: number, end: number): string => cps(text).slice(start, end).join('');

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export async function newWorkspace(session: Session, name: string): Promise<string> {
  const response = await session.post('/api/workspaces', { name });
  expect(response.status).toBe(201);
  return (await json<WorkspaceSummary>(response)).id;
}

export async function importDocument(session: Session, workspaceId: string, title: string, content = CONTENT, format: 'text' | 'markdown' = 'text'): Promise<Doc> {
  const response = await session.post('/api/documents', { title, format, content, workspaceId });
  expect(response.status).toBe(201);
  const detail = await json<DocumentDetail>(response);
  const text = await session.get(`/api/documents/${detail.id}/text`);
  expect(text.status).toBe(200);
  return { id: detail.id, revisionId: detail.revision.id, text: await text.text() };
}

/** Annotates `phrase` through the ordinary annotations API. */
export async function annotatePhrase(session: Session, doc: Doc, phrase: string, extra: Record<string, unknown> = {}): Promise<Annotation> {
  const { start, end } = span(doc.text, phrase);
  const response = await session.post(`/api/documents/${doc.id}/annotations`, {
    tag: 'claim',
    target: { revisionId: doc.revisionId, selector: [{ type: 'TextPositionSelector', start, end }] },
    ...extra,
  });
  expect(response.status).toBe(201);
  return json<Annotation>(response);
}

/** A W3C annotation as another tool would send it: tag, optional note, quote (+ optional position). */
export function w3cBody(options: { tag?: string; note?: string; exact: string; prefix?: string; suffix?: string; start?: number; end?: number; source?: string }): Record<string, unknown> {
  const selector: unknown[] = [{ type: 'TextQuoteSelector', exact: options.exact, ...(options.prefix ? { prefix: options.prefix } : {}), ...(options.suffix ? { suffix: options.suffix } : {}) }];
  if (options.start !== undefined && options.end !== undefined) selector.push({ type: 'TextPositionSelector', start: options.start, end: options.end });
  return {
    '@context': ANNO_PROFILE,
    type: 'Annotation',
    motivation: options.note ? 'commenting' : 'tagging',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: options.tag ?? 'claim' },
      ...(options.note ? [{ type: 'TextualBody', purpose: 'commenting', value: options.note, format: 'text/markdown' }] : []),
    ],
    target: { type: 'SpecificResource', ...(options.source ? { source: options.source } : {}), selector },
  };
}

/** A request with a JSON-LD body (the Protocol's media type). */
export function sendLd(session: Session, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return session.request(path, { method, body: JSON.stringify(body), headers: { 'content-type': LD_JSON, ...headers } });
}
