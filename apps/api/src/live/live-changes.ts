// Turns committed event rows into what each recipient may see of them (LiveChange), with the
// HTTP API's own row loaders and presenters: one load per batch, one presentation per recipient.
import type { EntityManager } from 'typeorm';
import { Action, type LiveChange } from '@glossa/contracts';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../annotations/annotation-row';
import { presentAnnotation, type Viewer } from '../annotations/presenters/annotationPresenter';
import { findComment, presentComment, type CommentRow } from '../comments/comment-row';
import { EventType } from '../events/event-types';
import { findLinkRows, type LinkRow } from '../links/link-row';
import { presentLink } from '../links/presenters/linkPresenter';
import { canSeeAnnotation } from '../policies/annotation-policy';
import { can } from '../policies/workspace-policy';
import { encodeCursor } from './live-cursor';
import { positionOf, type LiveEventRow } from './event-row';

/** What a batch of events refers to, loaded once for every recipient. */
export interface LoadedSubjects {
  annotations: Map<string, AnnotationRow>;
  links: Map<string, LinkRow>;
  comments: Map<string, CommentRow>;
}

const ANNOTATION_PREFIX = 'annotation.';
const LINK_PREFIX = 'link.';
const DOCUMENT_PREFIX = 'document.';

function payloadId(row: LiveEventRow, key: 'annotationId' | 'linkId'): string | null {
  const value = row.payload[key];
  return typeof value === 'string' ? value : null;
}

export async function loadSubjects(manager: EntityManager, rows: readonly LiveEventRow[]): Promise<LoadedSubjects> {
  const annotationIds = new Set<string>();
  const linkIds = new Set<string>();
  const commentIds: string[] = [];
  for (const row of rows) {
    if (row.type.startsWith(ANNOTATION_PREFIX)) annotationIds.add(row.subject_id);
    else if (row.type.startsWith(LINK_PREFIX)) linkIds.add(row.subject_id);
    else if (row.type === EventType.CommentCreated) {
      commentIds.push(row.subject_id);
      const annotationId = payloadId(row, 'annotationId');
      const linkId = payloadId(row, 'linkId');
      if (annotationId) annotationIds.add(annotationId);
      if (linkId) linkIds.add(linkId);
    }
  }
  const annotations: AnnotationRow[] =
    annotationIds.size === 0 ? [] : await manager.query(`SELECT ${ANNOTATION_COLUMNS} FROM ${ANNOTATION_FROM} WHERE a.id = ANY($1::uuid[])`, [[...annotationIds]]);
  const links = await findLinkRows(manager, [...linkIds]);
  const comments = new Map<string, CommentRow>();
  for (const id of commentIds) {
    const comment = await findComment(manager, id);
    if (comment) comments.set(id, comment);
  }
  return { annotations: new Map(annotations.map((a) => [a.id, a])), links: new Map(links.map((l) => [l.id, l])), comments };
}

function linkDocuments(link: LinkRow | undefined): string[] {
  return link ? [...new Set(link.passages.map((p) => p.document_id))] : [];
}

/** The documents whose rooms hear of this event. */
export function documentsOf(row: LiveEventRow, subjects: LoadedSubjects): string[] {
  if (row.type.startsWith(LINK_PREFIX)) return linkDocuments(subjects.links.get(row.subject_id));
  if (row.type === EventType.CommentCreated) {
    const linkId = payloadId(row, 'linkId');
    if (linkId) return linkDocuments(subjects.links.get(linkId));
  }
  return row.document_id ? [row.document_id] : [];
}

/** The people whose being the recipient (or not) can change what changeFor returns for `row`. */
function identitiesOf(row: LiveEventRow, subjects: LoadedSubjects): string[] {
  if (row.type.startsWith(ANNOTATION_PREFIX)) {
    const annotation = subjects.annotations.get(row.subject_id);
    return annotation ? [annotation.author_id] : [];
  }
  if (row.type.startsWith(LINK_PREFIX)) {
    const link = subjects.links.get(row.subject_id);
    return link ? [link.raised_by, ...link.passages.map((p) => p.author_id)] : [];
  }
  if (row.type === EventType.CommentCreated) {
    const annotationId = payloadId(row, 'annotationId');
    const annotation = annotationId ? subjects.annotations.get(annotationId) : undefined;
    return annotation ? [annotation.author_id] : [];
  }
  return [];
}

/**
 * Recipients of one event with equal classes receive equal changes: changeFor depends on the
 * recipient only through their role and whether they are one of these people.
 */
export function viewerClass(row: LiveEventRow, subjects: LoadedSubjects, viewer: Viewer): string {
  return `${viewer.role ?? '-'}|${identitiesOf(row, subjects)
    .map((id) => (id === viewer.userId ? '1' : '0'))
    .join('')}`;
}

/** An update that turned a shared annotation private: the others must drop it. */
function madePrivate(row: LiveEventRow): boolean {
  const changes = row.payload.changes as { visibility?: { from?: unknown; to?: unknown } } | undefined;
  return changes?.visibility?.from === 'shared' && changes.visibility.to === 'private';
}

/**
 * What `viewer` (a member reading `documentId`) may receive of `row`, or null for nothing.
 * Subjects are presented as they are now, so a late or replayed event still converges.
 */
export function changeFor(row: LiveEventRow, subjects: LoadedSubjects, viewer: Viewer, documentId: string): LiveChange | null {
  if (!can(viewer.role, Action.ReadDocuments)) return null;
  const base = { cursor: encodeCursor(positionOf(row)), actorId: row.actor_id };
  if (row.type.startsWith(ANNOTATION_PREFIX)) {
    const annotation = subjects.annotations.get(row.subject_id);
    if (!annotation) return null;
    const visible = canSeeAnnotation(viewer.role, viewer.userId, { authorId: annotation.author_id, visibility: annotation.visibility });
    // Private annotations exist only for their author; the others hear only that one left their view.
    if (!visible && !madePrivate(row)) return null;
    return {
      kind: 'annotation',
      type: row.type,
      ...base,
      documentId: annotation.document_id,
      annotationId: annotation.id,
      annotation: visible && annotation.deleted_at === null ? presentAnnotation(annotation, viewer) : null,
    };
  }
  if (row.type.startsWith(LINK_PREFIX)) {
    const link = subjects.links.get(row.subject_id);
    return link ? { kind: 'link', type: row.type, ...base, documentId, link: presentLink(link, viewer) } : null;
  }
  if (row.type === EventType.CommentCreated) {
    const comment = subjects.comments.get(row.subject_id);
    if (!comment) return null;
    const annotationId = payloadId(row, 'annotationId');
    if (annotationId) {
      const annotation = subjects.annotations.get(annotationId);
      if (!annotation || !canSeeAnnotation(viewer.role, viewer.userId, { authorId: annotation.author_id, visibility: annotation.visibility })) return null;
    }
    return { kind: 'comment', type: EventType.CommentCreated, ...base, documentId, comment: presentComment(comment) };
  }
  if (row.type.startsWith(DOCUMENT_PREFIX) && row.document_id) return { kind: 'document', type: row.type, ...base, documentId: row.document_id };
  return null;
}
