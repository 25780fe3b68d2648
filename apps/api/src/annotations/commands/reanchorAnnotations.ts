// Re-anchors every live annotation of a document in its new revision, inside the re-import's
// transaction (DESIGN 3): found ones move to the new revision with fresh selectors; the rest
// become detached and keep their old revision, selectors and quote — never dropped. One
// annotation.reanchored event per annotation that changed.
import type { EntityManager } from 'typeorm';
import { codePointLength, reanchorAll, type StoredAnchor } from '@glossa/anchoring';
import { MAX_QUOTE_CODE_POINTS, type ReanchorCounts } from '@glossa/contracts';
import { EventType } from '../../events/event-types';
import { recordEvents, type NewEvent } from '../../events/record-event';

export interface ReanchorInput {
  workspaceId: string;
  documentId: string;
  revision: { id: string; text: string };
  actorId: string | null;
  /** Only these annotations (a restored one); default every live annotation of the document. */
  annotationIds?: readonly string[];
}

interface StoredRow {
  id: string;
  revision_id: string;
  anchor_status: 'anchored' | 'detached';
  start_offset: number;
  end_offset: number;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
}

interface Change {
  id: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: 'anchored' | 'detached';
}

export async function reanchorAnnotations(manager: EntityManager, input: ReanchorInput): Promise<ReanchorCounts> {
  // FOR UPDATE: a concurrent PATCH waits, then finds a new version and answers 412.
  const only = input.annotationIds ? `AND id = ANY($2::uuid[])` : '';
  const rows: StoredRow[] = await manager.query(
    `SELECT id, revision_id, anchor_status, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix
       FROM annotation WHERE document_id = $1 AND deleted_at IS NULL ${only} ORDER BY id FOR UPDATE`,
    input.annotationIds ? [input.documentId, input.annotationIds] : [input.documentId],
  );
  const counts: ReanchorCounts = { exact: 0, moved: 0, fuzzy: 0, detached: 0 };
  if (rows.length === 0) return counts;

  // Detached annotations may point at older revisions: anchor each group from its own text.
  const byRevision = new Map<string, StoredRow[]>();
  for (const row of rows) byRevision.set(row.revision_id, [...(byRevision.get(row.revision_id) ?? []), row]);
  const texts: Array<{ id: string; text: string }> = await manager.query(`SELECT id, text FROM document_revision WHERE id = ANY($1::uuid[])`, [[...byRevision.keys()]]);

  const changes: Change[] = [];
  const events: NewEvent[] = [];
  for (const { id: revisionId, text } of texts) {
    const group = byRevision.get(revisionId)!;
    const stored: StoredAnchor[] = group.map((row) => ({
      id: row.id,
      position: { start: row.start_offset, end: row.end_offset },
      quote: { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    }));
    const results = reanchorAll(text, input.revision.text, stored);
    results.forEach(({ result, selectors }, i) => {
      const row = group[i]!;
      const from = { revisionId: row.revision_id, start: row.start_offset, end: row.end_offset, exact: row.quote_exact };
      // A fuzzy match longer than a quote may be is not kept: the annotation is detached instead.
      const found = result.status !== 'orphan' && selectors !== null && codePointLength(selectors.quote.exact) <= MAX_QUOTE_CODE_POINTS ? selectors : null;
      if (found === null || result.status === 'orphan') {
        counts.detached++;
        if (row.anchor_status === 'detached') return;
        changes.push({ id: row.id, revisionId: row.revision_id, start: row.start_offset, end: row.end_offset, exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix, anchorStatus: 'detached' });
        events.push(reanchoredEvent(input, row.id, { status: 'detached', from, to: null }));
        return;
      }
      counts[result.status]++;
      const to = { revisionId: input.revision.id, start: found.position.start, end: found.position.end, exact: found.quote.exact };
      changes.push({ id: row.id, ...to, prefix: found.quote.prefix ?? '', suffix: found.quote.suffix ?? '', anchorStatus: 'anchored' });
      events.push(reanchoredEvent(input, row.id, { status: result.status, score: result.score, from, to }));
    });
  }

  if (changes.length > 0) {
    await manager.query(
      `UPDATE annotation a
          SET revision_id = v.revision_id, start_offset = v.start_offset, end_offset = v.end_offset,
              quote_exact = v.quote_exact, quote_prefix = v.quote_prefix, quote_suffix = v.quote_suffix,
              anchor_status = v.anchor_status, version = a.version + 1, modified_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
              AS v(id, revision_id, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix, anchor_status)
        WHERE a.id = v.id`,
      [
        changes.map((c) => c.id),
        changes.map((c) => c.revisionId),
        changes.map((c) => c.start),
        changes.map((c) => c.end),
        changes.map((c) => c.exact),
        changes.map((c) => c.prefix),
        changes.map((c) => c.suffix),
        changes.map((c) => c.anchorStatus),
      ],
    );
    await recordEvents(manager, events);
  }
  return counts;
}

function reanchoredEvent(input: ReanchorInput, annotationId: string, changes: Record<string, unknown>): NewEvent {
  return {
    type: EventType.AnnotationReanchored,
    workspaceId: input.workspaceId,
    documentId: input.documentId,
    subjectId: annotationId,
    actorId: input.actorId,
    payload: { changes },
  };
}
