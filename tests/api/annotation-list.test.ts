// Every item of a document's annotation list is exactly what GET /api/annotations/:id answers for
// it, for every role: abilities, private annotations, timestamps to the millisecond, notes with
// quotes and control characters, CJK and astral text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationList, Role, WorkspaceSummary } from '@glossa/contracts';
import { joinWithRole, query, signUpStranger, type TestUser } from '../support/api';
import { importDocument, json } from './links-fixture';

const TEXT = '第一段：𠮷野家的👩‍👩‍👧「引號」與 "quotes" \\ backslash。第二段：亞太地區貢獻了全球六成以上的經濟總量。';
let owner: TestUser;
let workspaceId: string;
let doc: { id: string; revisionId: string };
const people: Partial<Record<Role, TestUser>> = {};

async function annotate(user: TestUser, exact: string, extra: Record<string, unknown> = {}): Promise<Annotation> {
  const response = await user.session.post(`/api/documents/${doc.id}/annotations`, {
    tag: 'data',
    target: { revisionId: doc.revisionId, selector: [{ type: 'TextQuoteSelector', exact }] },
    ...extra,
  });
  expect(response.status).toBe(201);
  return json<Annotation>(response);
}

beforeAll(async () => {
  owner = await signUpStranger('List-owner');
  const created = await owner.session.post('/api/workspaces', { name: 'List parity' });
  workspaceId = (await json<WorkspaceSummary>(created)).id;
  doc = await importDocument(owner.session, workspaceId, 'List parity', TEXT);
  for (const role of ['admin', 'analyst', 'viewer'] as const) people[role] = await joinWithRole(owner.session, workspaceId, role, `List-${role}`);
  const analyst = people.analyst!;
  await annotate(owner, '𠮷野家', { note: 'Owner\'s note with "quotes", a backslash \\ and a tab\there' });
  await annotate(analyst, '👩‍👩‍👧', { tag: 'claim' });
  await annotate(analyst, '亞太地區', { visibility: 'private', note: '私人筆記' });
  await annotate(owner, '六成以上', { tag: 'opinion' });
  // Microseconds in the stored times: the list must cut them as the presenter does.
  await query(`UPDATE annotation SET created_at = created_at + interval '0.000789 second', modified_at = modified_at + interval '0.000456 second' WHERE document_id = $1`, [doc.id]);
});

describe('the annotation list equals the presenter, item by item', () => {
  for (const role of ['owner', 'admin', 'analyst', 'viewer'] as const) {
    it(`as ${role}`, async () => {
      const user = role === 'owner' ? owner : people[role]!;
      const response = await user.session.get(`/api/documents/${doc.id}/annotations`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const list = await json<AnnotationList>(response);
      expect(list.revisionId).toBe(doc.revisionId);
      // The analyst sees their own private annotation; nobody else does.
      expect(list.items).toHaveLength(role === 'analyst' ? 4 : 3);
      for (const item of list.items) {
        const alone = await user.session.get(`/api/annotations/${item.id}`);
        expect(alone.status).toBe(200);
        expect(item).toEqual(await json<Annotation>(alone));
      }
    });
  }

  it('filters still apply, and an empty list is an empty array', async () => {
    const filtered = await json<AnnotationList>(await owner.session.get(`/api/documents/${doc.id}/annotations?tag=opinion`));
    expect(filtered.items.map((a) => a.target.selector[1].exact)).toEqual(['六成以上']);
    const none = await json<AnnotationList>(await owner.session.get(`/api/documents/${doc.id}/annotations?q=${encodeURIComponent('不存在')}`));
    expect(none).toEqual({ revisionId: doc.revisionId, items: [] });
  });
});
