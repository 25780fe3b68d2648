// What each recipient receives of a committed event: private annotations only for their author,
// removals when an annotation leaves someone's view, comments only with their annotation, and
// per-viewer abilities — the rules of docs/LIVE.md, case by case.
import { describe, expect, it } from 'vitest';
import type { Role } from '@glossa/contracts';
import type { AnnotationRow } from '../annotations/annotation-row';
import type { CommentRow } from '../comments/comment-row';
import type { LinkRow } from '../links/link-row';
import type { LiveEventRow } from './event-row';
import { changeFor, documentsOf, viewerClass, type LoadedSubjects } from './live-changes';

const DOC = '00000000-0000-4000-8000-0000000000d1';
const OTHER_DOC = '00000000-0000-4000-8000-0000000000d2';
const WS = '00000000-0000-4000-8000-0000000000a1';
const AUTHOR = '00000000-0000-4000-8000-0000000000b1';
const COLLEAGUE = '00000000-0000-4000-8000-0000000000b2';
const ANNOTATION = '00000000-0000-4000-8000-0000000000e1';
const LINK = '00000000-0000-4000-8000-0000000000f1';
const COMMENT = '00000000-0000-4000-8000-0000000000c1';
const when = new Date('2026-11-22T10:00:00Z');

function annotationRow(over: Partial<AnnotationRow> = {}): AnnotationRow {
  return {
    id: ANNOTATION, workspace_id: WS, document_id: DOC, revision_id: '00000000-0000-4000-8000-0000000000f9', author_id: AUTHOR, author_name: 'Ana',
    tag: 'claim', note: null, visibility: 'shared', status: 'draft', anchor_status: 'anchored', start_offset: 0, end_offset: 4,
    quote_exact: 'Live', quote_prefix: '', quote_suffix: ' text', version: 2, created_at: when, modified_at: when, deleted_at: null, ...over,
  };
}

function event(type: string, over: Partial<LiveEventRow> = {}): LiveEventRow {
  return { seq: '7', txid: '900', workspace_id: WS, document_id: DOC, type, subject_id: ANNOTATION, actor_id: AUTHOR, payload: {}, ...over };
}

const linkRow: LinkRow = {
  id: LINK, workspace_id: WS, type: 'contradicts', status: 'open', severity: 'medium', rationale: 'numbers differ', raised_by: AUTHOR, raised_by_name: 'Ana',
  assignee_id: null, assignee_name: null, resolution: null, version: 1, created_at: when, modified_at: when,
  passages: [
    { link_id: LINK, id: ANNOTATION, document_id: DOC, document_title: 'One', quote_exact: 'Live', quote_prefix: '', quote_suffix: '', tag: 'data', visibility: 'shared', deleted_at: null, author_id: AUTHOR, author_name: 'Ana' },
    { link_id: LINK, id: '00000000-0000-4000-8000-0000000000e2', document_id: OTHER_DOC, document_title: 'Two', quote_exact: 'Dead', quote_prefix: '', quote_suffix: '', tag: 'data', visibility: 'shared', deleted_at: null, author_id: COLLEAGUE, author_name: 'Bo' },
  ],
};

const commentRow: CommentRow = { id: COMMENT, body: 'see @Bo', author_id: AUTHOR, author_name: 'Ana', parent_id: null, created_at: when, mentions: [] };

function subjects(annotation: AnnotationRow | null = annotationRow()): LoadedSubjects {
  return {
    annotations: new Map(annotation ? [[annotation.id, annotation]] : []),
    links: new Map([[LINK, linkRow]]),
    comments: new Map([[COMMENT, commentRow]]),
  };
}

const viewer = (userId: string, role: Role | null = 'analyst') => ({ userId, role });

describe('annotation changes', () => {
  it('present a shared annotation to every member with their own abilities, cursor "txid:seq"', () => {
    const row = event('annotation.created');
    expect(changeFor(row, subjects(), viewer(AUTHOR), DOC)).toMatchObject({ kind: 'annotation', cursor: '900:7', annotation: { id: ANNOTATION, abilities: { edit: true, delete: true } } });
    expect(changeFor(row, subjects(), viewer(COLLEAGUE), DOC)).toMatchObject({ annotation: { abilities: { edit: false, delete: false } } });
    expect(changeFor(row, subjects(), viewer(COLLEAGUE, 'admin'), DOC)).toMatchObject({ annotation: { abilities: { edit: false, delete: true } } });
  });

  it('give a private annotation to its author only', () => {
    const loaded = subjects(annotationRow({ visibility: 'private' }));
    expect(changeFor(event('annotation.created'), loaded, viewer(AUTHOR), DOC)).toMatchObject({ annotation: { visibility: 'private' } });
    expect(changeFor(event('annotation.created'), loaded, viewer(COLLEAGUE), DOC)).toBeNull();
    expect(changeFor(event('annotation.updated', { payload: { changes: { note: { from: null, to: 'x' } } } }), loaded, viewer(COLLEAGUE), DOC)).toBeNull();
    expect(changeFor(event('annotation.deleted'), loaded, viewer(COLLEAGUE, 'owner'), DOC)).toBeNull();
  });

  it('tell the others to drop an annotation made private, without its content', () => {
    const row = event('annotation.updated', { payload: { changes: { visibility: { from: 'shared', to: 'private' } } } });
    const change = changeFor(row, subjects(annotationRow({ visibility: 'private' })), viewer(COLLEAGUE), DOC);
    expect(change).toEqual({ kind: 'annotation', type: 'annotation.updated', cursor: '900:7', actorId: AUTHOR, documentId: DOC, annotationId: ANNOTATION, annotation: null });
  });

  it('send null for a deleted annotation, and nothing to a non-member or for an unknown subject', () => {
    expect(changeFor(event('annotation.deleted'), subjects(annotationRow({ deleted_at: when })), viewer(COLLEAGUE), DOC)).toMatchObject({ annotation: null });
    expect(changeFor(event('annotation.created'), subjects(), viewer(COLLEAGUE, null), DOC)).toBeNull();
    expect(changeFor(event('annotation.created'), subjects(null), viewer(AUTHOR), DOC)).toBeNull();
  });
});

describe('link, comment and document changes', () => {
  it('route a link event to every document it touches, presented per viewer', () => {
    const row = event('link.created', { document_id: null, subject_id: LINK });
    expect(documentsOf(row, subjects()).sort()).toEqual([DOC, OTHER_DOC].sort());
    expect(changeFor(row, subjects(), viewer(COLLEAGUE, 'reviewer'), OTHER_DOC)).toMatchObject({ kind: 'link', documentId: OTHER_DOC, link: { id: LINK } });
    // The raiser may not decide their own flag; a reviewer who did not raise it may.
    const raiser = changeFor(row, subjects(), viewer(AUTHOR, 'reviewer'), DOC);
    const other = changeFor(row, subjects(), viewer(COLLEAGUE, 'reviewer'), DOC);
    expect(raiser?.kind === 'link' && raiser.link.abilities.transition).toEqual([]);
    expect(other?.kind === 'link' && other.link.abilities.transition.length).toBeGreaterThan(0);
  });

  it('hide a comment on an annotation from whoever cannot see that annotation', () => {
    const row = event('comment.created', { subject_id: COMMENT, payload: { annotationId: ANNOTATION } });
    expect(changeFor(row, subjects(), viewer(COLLEAGUE), DOC)).toMatchObject({ kind: 'comment', comment: { id: COMMENT } });
    expect(changeFor(row, subjects(annotationRow({ visibility: 'private' })), viewer(COLLEAGUE), DOC)).toBeNull();
    expect(changeFor(row, subjects(annotationRow({ visibility: 'private' })), viewer(AUTHOR), DOC)).not.toBeNull();
  });

  it('route a comment on a link like the link', () => {
    const row = event('comment.created', { document_id: null, subject_id: COMMENT, payload: { linkId: LINK } });
    expect(documentsOf(row, subjects()).sort()).toEqual([DOC, OTHER_DOC].sort());
  });

  it('announce a new revision to the document room', () => {
    expect(changeFor(event('document.revised', { subject_id: DOC }), subjects(), viewer(COLLEAGUE, 'viewer'), DOC)).toEqual({
      kind: 'document', type: 'document.revised', cursor: '900:7', actorId: AUTHOR, documentId: DOC,
    });
  });
});

describe('viewer classes (one presentation per class in the fan-out)', () => {
  const THIRD = '00000000-0000-4000-8000-0000000000b3';
  const roles: Array<Role | null> = ['owner', 'admin', 'reviewer', 'analyst', 'viewer', null];
  const viewers = [AUTHOR, COLLEAGUE, THIRD].flatMap((userId) => roles.map((role) => viewer(userId, role)));
  const cases: Array<[string, LiveEventRow, LoadedSubjects]> = [
    ['shared annotation', event('annotation.created'), subjects()],
    ['private annotation', event('annotation.updated'), subjects(annotationRow({ visibility: 'private' }))],
    ['made private', event('annotation.updated', { payload: { changes: { visibility: { from: 'shared', to: 'private' } } } }), subjects(annotationRow({ visibility: 'private' }))],
    ['deleted annotation', event('annotation.deleted'), subjects(annotationRow({ deleted_at: when }))],
    ['link', event('link.transitioned', { document_id: null, subject_id: LINK }), subjects()],
    [
      'link with a private passage',
      event('link.created', { document_id: null, subject_id: LINK }),
      { ...subjects(), links: new Map([[LINK, { ...linkRow, passages: linkRow.passages.map((p, i) => (i === 1 ? { ...p, visibility: 'private' as const } : p)) }]]) },
    ],
    ['comment on a private annotation', event('comment.created', { subject_id: COMMENT, payload: { annotationId: ANNOTATION } }), subjects(annotationRow({ visibility: 'private' }))],
    ['document', event('document.revised', { subject_id: DOC }), subjects()],
  ];

  it.each(cases)('%s: recipients of one class receive identical changes', (_name, row, loaded) => {
    const byClass = new Map<string, unknown>();
    for (const v of viewers) {
      const key = viewerClass(row, loaded, v);
      const change = changeFor(row, loaded, v, DOC);
      if (byClass.has(key)) expect(change).toEqual(byClass.get(key));
      else byClass.set(key, change);
    }
  });
});
