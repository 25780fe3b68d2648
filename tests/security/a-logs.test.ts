// SECURITY.md A5, the log side: a statement that fails inside the API (here a second identical
// flag, refused by a unique index and answered 409) is logged by its first line and PostgreSQL's
// error — never with its parameters, which carry what people wrote and secrets' hashes.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { annotate, makeWorld, postLink, type ReviewWorld } from '../api/links-fixture';

let world: ReviewWorld;

beforeAll(async () => {
  world = await makeWorld('sec-logs');
});

/** The server's log from `offset` on, once it holds `marker` (writes reach the file a moment later). */
async function logAfter(offset: number, marker: RegExp): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const text = readFileSync(inject('serverLogFile'), 'utf8').slice(offset);
    if (marker.test(text) || Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('A5 failed statements in the log', () => {
  it('name the statement and the error, not the rationale or ids sent with it', async () => {
    const a = await annotate(world.analyst.session, world.docA, '會議開幕');
    const b = await annotate(world.analyst.session, world.docB, '大會閉幕');
    const secret = `rationale-${randomUUID()}`;
    expect((await postLink(world.analyst.session, { type: 'supports', annotationIds: [a.id, b.id], rationale: secret })).status).toBe(201);
    const offset = readFileSync(inject('serverLogFile'), 'utf8').length;
    const again = await postLink(world.analyst.session, { type: 'supports', annotationIds: [a.id, b.id], rationale: secret });
    expect(again.status).toBe(409);
    const log = await logAfter(offset, /query failed 23505/);
    // The log is JSON lines: the constraint's quotes arrive escaped.
    expect(log).toMatch(/query failed 23505: duplicate key value violates unique constraint \\?"link_type_annotation_set\\?" — in: INSERT INTO link/);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(world.analyst.me.user.id);
    expect(log).not.toContain('PARAMETERS');
  });
});
