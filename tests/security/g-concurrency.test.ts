// SECURITY.md G (concurrency), beyond tests/api/annotations.test.ts and links.test.ts: two clients
// racing with the same If-Match a hundred times, fifty identical joins and sign-ups at once, and a
// failure injected midway through a multi-row write (a database trigger that raises on the Nth
// row) proving all-or-nothing with the audit row present exactly when the change is.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, CreatedInvite, DocumentDetail } from '@glossa/contracts';
import { newSession, query, Session, signUpStranger, TEST_PASSWORD, uniqueEmail, baseUrl } from '../support/api';
import { annotate, json, makeWorld, type ReviewWorld } from '../api/links-fixture';
import { databaseFingerprint, INTERNALS } from './fixture';

let world: ReviewWorld;

beforeAll(async () => {
  world = await makeWorld('sec-g');
});

describe('G1 two clients, the same If-Match, a hundred times', () => {
  it('each round: exactly one 200 and one 412; the version and the event log count every win once', async () => {
    const first = world.analyst.session;
    const second = await Session.loggedIn(baseUrl(), { email: world.analyst.email, password: world.analyst.password });
    const target = await annotate(first, world.docA, '會議開幕');
    let version = target.version;
    for (let round = 0; round < 100; round++) {
      const answers = await Promise.all([
        first.patch(`/api/annotations/${target.id}`, { note: `first ${round}` }, { headers: { 'if-match': `"${version}"` } }),
        second.patch(`/api/annotations/${target.id}`, { note: `second ${round}` }, { headers: { 'if-match': `"${version}"` } }),
      ]);
      expect(answers.map((a) => a.status).sort(), `round ${round}`).toEqual([200, 412]);
      version = (await json<Annotation>(answers.find((a) => a.status === 200)!)).version;
    }
    expect(version).toBe(target.version + 100);
    const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE subject_id = $1 AND type = 'annotation.updated'`, [target.id]);
    expect(row!.n).toBe(100);
  });

  it('a flag transition without If-Match → 428; two reviewers with the same one → one 200, one 412', async () => {
    const a = await annotate(world.analyst.session, world.docA, '逾千名高級別代表');
    const b = await annotate(world.analyst.session, world.docB, '1400餘名代表');
    const flagged = await world.analyst.session.post('/api/links', { type: 'contradicts', annotationIds: [a.id, b.id], rationale: 'race' });
    const link = await json<{ id: string; version: number }>(flagged);
    const before = await databaseFingerprint();
    expect((await world.reviewer.session.post(`/api/links/${link.id}/transitions`, { action: 'dismiss', note: 'x' })).status).toBe(428);
    expect(await databaseFingerprint()).toEqual(before);
    const answers = await Promise.all([
      world.reviewer.session.post(`/api/links/${link.id}/transitions`, { action: 'dismiss', note: 'one' }, { headers: { 'if-match': `"${link.version}"` } }),
      world.reviewer2.session.post(`/api/links/${link.id}/transitions`, { action: 'confirm', note: 'two' }, { headers: { 'if-match': `"${link.version}"` } }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 412]);
    const [events] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE subject_id = $1 AND type = 'link.transitioned'`, [link.id]);
    expect(events!.n).toBe(1);
  });
});

describe('G3 fifty identical requests at once', () => {
  it('50 parallel accepts of one invite by one person → one membership, no 5xx', async () => {
    const invite = await json<CreatedInvite>(await world.owner.post(`/api/workspaces/${world.workspaceId}/invites`, { role: 'viewer' }));
    const joiner = await signUpStranger('g3-joiner');
    const answers = await Promise.all(Array.from({ length: 50 }, () => joiner.session.post(`/api/invites/${invite.token}/accept`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    for (const s of statuses) expect([200, 404, 409]).toContain(s);
    const [row] = await query<{ n: number }>('SELECT count(*)::int AS n FROM membership WHERE workspace_id = $1 AND user_id = $2', [world.workspaceId, joiner.me.user.id]);
    expect(row!.n).toBe(1);
  });

  it('one single-use invite accepted by 20 different people at once → exactly one joins, no 5xx', async () => {
    const invite = await json<CreatedInvite>(await world.owner.post(`/api/workspaces/${world.workspaceId}/invites`, { role: 'viewer' }));
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => signUpStranger(`g3-racer-${i}`)));
    const answers = await Promise.all(people.map((p) => p.session.post(`/api/invites/${invite.token}/accept`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const s of statuses) expect([200, 404, 409]).toContain(s);
    const ids = people.map((p) => p.me.user.id);
    const [row] = await query<{ n: number }>('SELECT count(*)::int AS n FROM membership WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])', [world.workspaceId, ids]);
    expect(row!.n).toBe(1);
  });

  it('50 parallel sign-ups with one email → one account, the rest refused without a 5xx', async () => {
    const email = uniqueEmail('g3-signup');
    const answers = await Promise.all(Array.from({ length: 50 }, () => newSession().signUp({ email, password: TEST_PASSWORD, name: 'Racer' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const s of statuses) expect([201, 400, 429]).toContain(s);
    const [row] = await query<{ n: number }>('SELECT count(*)::int AS n FROM app_user WHERE email = $1', [email]);
    expect(row!.n).toBe(1);
    await query('DELETE FROM rate_limit');
  });

  it('50 parallel submits of one annotation → one submission event, no 5xx', async () => {
    const target = await annotate(world.colleague.session, world.docB, '大會閉幕');
    const answers = await Promise.all(Array.from({ length: 50 }, () => world.colleague.session.post(`/api/annotations/${target.id}/submit`, undefined, { headers: { 'if-match': `"${target.version}"` } })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE subject_id = $1 AND type = 'annotation.submitted'`, [target.id]);
    expect(row!.n).toBe(1);
  });
});

describe('G4 a failure injected midway through a multi-row write', () => {
  const trigger = `g4_fail_${randomUUID().slice(0, 8)}`;

  async function injectFailure(table: string, condition: string): Promise<void> {
    await query(`CREATE SEQUENCE ${trigger}_seq`);
    await query(
      `CREATE FUNCTION ${trigger}_fn() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF ${condition} THEN RAISE EXCEPTION 'injected failure'; END IF;
         RETURN NEW;
       END $$`,
    );
    await query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${trigger}_fn()`);
  }

  afterEach(async () => {
    for (const table of ['event', 'document_revision']) await query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    await query(`DROP FUNCTION IF EXISTS ${trigger}_fn()`);
    await query(`DROP SEQUENCE IF EXISTS ${trigger}_seq`);
  });

  it('a re-import re-anchoring 120 annotations fails at the 60th audit row → nothing of it stays; the retry does it all, one audit row per change', async () => {
    const content = Array.from({ length: 120 }, (_, i) => `第${i}段：段落標記 P${String(i).padStart(3, '0')} 在這裡。`).join('\n\n');
    const created = await world.analyst.session.post('/api/documents', { title: 'G4 document', format: 'text', content, workspaceId: world.workspaceId });
    expect(created.status).toBe(201);
    const doc = await json<DocumentDetail>(created);
    const ids: string[] = [];
    for (let start = 0; start < 120; start += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, (_, k) =>
          world.analyst.session.post(`/api/documents/${doc.id}/annotations`, { tag: 'data', target: { revisionId: doc.revision.id, selector: [{ type: 'TextQuoteSelector', exact: `P${String(start + k).padStart(3, '0')}` }] } }),
        ),
      );
      for (const response of batch) {
        expect(response.status).toBe(201);
        ids.push((await json<Annotation>(response)).id);
      }
    }
    const edited = `前言一段。\n\n${content}`;
    await injectFailure('event', `NEW.document_id = '${doc.id}'::uuid AND nextval('${trigger}_seq') >= 60`);
    const before = await databaseFingerprint();
    const failed = await world.analyst.session.post(`/api/documents/${doc.id}/revisions`, { format: 'text', content: edited });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const body = await failed.text();
    expect(body).not.toMatch(INTERNALS);
    expect(body).not.toContain('injected failure');
    // A 5xx keeps the security headers too (C7).
    expect(failed.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await databaseFingerprint()).toEqual(before);
    const [revisions] = await query<{ n: number }>('SELECT count(*)::int AS n FROM document_revision WHERE document_id = $1', [doc.id]);
    expect(revisions!.n).toBe(1);

    await query(`DROP TRIGGER ${trigger} ON event`);
    const retried = await world.analyst.session.post(`/api/documents/${doc.id}/revisions`, { format: 'text', content: edited });
    expect(retried.status).toBe(201);
    const [after] = await query<{ revisions: number; reanchored: number; moved: number }>(
      `SELECT (SELECT count(*)::int FROM document_revision WHERE document_id = $1) AS revisions,
              (SELECT count(*)::int FROM event WHERE document_id = $1 AND type = 'annotation.reanchored') AS reanchored,
              (SELECT count(*)::int FROM annotation WHERE document_id = $1 AND revision_id <> $2) AS moved`,
      [doc.id, doc.revision.id],
    );
    expect(after).toEqual({ revisions: 2, reanchored: 120, moved: 120 });
  });

  it('a bulk delete of 50 annotations fails at the 25th audit row → none is deleted; the retry deletes all, one audit row each', async () => {
    const content = Array.from({ length: 50 }, (_, i) => `第${i}條：標記 Q${String(i).padStart(3, '0')} 在此。`).join('\n\n');
    const created = await world.analyst.session.post('/api/documents', { title: 'G4 bulk delete', format: 'text', content, workspaceId: world.workspaceId });
    expect(created.status).toBe(201);
    const doc = await json<DocumentDetail>(created);
    const items: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < 50; i++) {
      const response = await world.analyst.session.post(`/api/documents/${doc.id}/annotations`, {
        tag: 'claim',
        target: { revisionId: doc.revision.id, selector: [{ type: 'TextQuoteSelector', exact: `Q${String(i).padStart(3, '0')}` }] },
      });
      expect(response.status).toBe(201);
      const { id, version } = await json<Annotation>(response);
      items.push({ id, version });
    }
    await injectFailure('event', `NEW.document_id = '${doc.id}'::uuid AND NEW.type = 'annotation.deleted' AND nextval('${trigger}_seq') >= 25`);
    const before = await databaseFingerprint();
    const failed = await world.analyst.session.post(`/api/documents/${doc.id}/annotations/delete`, { items });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await failed.text()).not.toMatch(INTERNALS);
    expect(await databaseFingerprint()).toEqual(before);

    await query(`DROP TRIGGER ${trigger} ON event`);
    const retried = await world.analyst.session.post(`/api/documents/${doc.id}/annotations/delete`, { items });
    expect(retried.status).toBe(200);
    const [after] = await query<{ deleted: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM annotation WHERE document_id = $1 AND deleted_at IS NOT NULL) AS deleted,
              (SELECT count(*)::int FROM event WHERE document_id = $1 AND type = 'annotation.deleted') AS events`,
      [doc.id],
    );
    expect(after).toEqual({ deleted: 50, events: 50 });
  });

  it('an import whose revision row fails → no document, no event', async () => {
    await injectFailure('document_revision', 'true');
    const title = `G4 import ${randomUUID()}`;
    const before = await databaseFingerprint();
    const failed = await world.analyst.session.post('/api/documents', { title, format: 'text', content: 'never stored', workspaceId: world.workspaceId });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await failed.text()).not.toMatch(INTERNALS);
    expect(await databaseFingerprint()).toEqual(before);
    expect(await query('SELECT id FROM document WHERE title = $1', [title])).toEqual([]);
  });
});
