// A flag's audit trail: who raised it and who moved it where, when and why, readable by the
// workspace and by nobody else.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Link, LinkHistory } from '@glossa/contracts';
import { annotate, flag, json, makeWorld, transition, type ReviewWorld } from './links-fixture';

let world: ReviewWorld;
let link: Link;

beforeAll(async () => {
  world = await makeWorld('history');
  const a = await annotate(world.analyst.session, world.docA, '逾千名高級別代表');
  const b = await annotate(world.analyst.session, world.docB, '1400餘名代表');
  link = await flag(world.analyst.session, [a.id, b.id]);
  const assigned = await transition(world.reviewer.session, link, { action: 'assign', assigneeId: world.reviewer.me.user.id });
  expect(assigned.status).toBe(200);
  const confirmed = await transition(world.reviewer.session, await json<Link>(assigned), { action: 'confirm', note: '兩個數字不可能同時成立' });
  expect(confirmed.status).toBe(200);
});

describe('GET /api/links/:id/history', () => {
  it('lists the raise and every transition with who, from, to and the note, oldest first', async () => {
    const response = await world.analyst.session.get(`/api/links/${link.id}/history`);
    expect(response.status).toBe(200);
    const { items } = await json<LinkHistory>(response);
    expect(items.map((i) => i.type)).toEqual(['link.created', 'link.transitioned', 'link.transitioned']);
    expect(items.map((i) => i.actor?.id)).toEqual([world.analyst.me.user.id, world.reviewer.me.user.id, world.reviewer.me.user.id]);
    expect(items[0]!.changes).toMatchObject({ type: 'contradicts', status: 'open' });
    expect(items[1]!.changes).toEqual({ action: 'assign', from: 'open', to: 'in_review', note: null, assigneeId: world.reviewer.me.user.id });
    expect(items[2]!.changes).toEqual({ action: 'confirm', from: 'in_review', to: 'confirmed', note: '兩個數字不可能同時成立' });
    expect(items[1]!.seq).toBeGreaterThan(items[0]!.seq);
    expect(items[2]!.seq).toBeGreaterThan(items[1]!.seq);
  });

  it('answers a stranger exactly as for a missing link', async () => {
    const stranger = await world.stranger.session.get(`/api/links/${link.id}/history`);
    const missing = await world.stranger.session.get('/api/links/00000000-0000-4000-8000-000000000000/history');
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toEqual(await missing.json());
  });
});
