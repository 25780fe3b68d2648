// Whitelists what a client may see of a link, with the review actions the caller may take.
// Every path (create, read, transitions, lists, the queue) answers through this.
import { Action, type Link, type Role } from '@glossa/contracts';
import { canSeeAnnotation } from '../../policies/annotation-policy';
import { can } from '../../policies/workspace-policy';
import { allowedActions } from '../../review/flag-state-machine';
import type { LinkRow, PassageRow } from '../link-row';

export interface LinkViewer {
  userId: string;
  role: Role | null;
}

function presentPassage(passage: PassageRow, viewer: LinkViewer): Link['annotations'][number] {
  // An annotation made private after it was linked stays its author's: the quote is withheld.
  const visible = canSeeAnnotation(viewer.role, viewer.userId, { authorId: passage.author_id, visibility: passage.visibility });
  return {
    id: passage.id,
    documentId: passage.document_id,
    documentTitle: passage.document_title,
    quote: visible ? { exact: passage.quote_exact, prefix: passage.quote_prefix, suffix: passage.quote_suffix } : { exact: '', prefix: '', suffix: '' },
    tag: passage.tag,
    deleted: passage.deleted_at !== null,
    author: { id: passage.author_id, name: passage.author_name },
  };
}

export function presentLink(row: LinkRow, viewer: LinkViewer): Link {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    status: row.status,
    severity: row.severity,
    rationale: row.rationale,
    annotations: row.passages.map((passage) => presentPassage(passage, viewer)),
    raisedBy: { id: row.raised_by, name: row.raised_by_name },
    assignee: row.assignee_id !== null && row.assignee_name !== null ? { id: row.assignee_id, name: row.assignee_name } : null,
    resolution: row.resolution,
    created: row.created_at.toISOString(),
    modified: row.modified_at.toISOString(),
    version: row.version,
    abilities: {
      transition: row.status === null ? [] : allowedActions(viewer, { status: row.status, raisedBy: row.raised_by }),
      comment: can(viewer.role, Action.Annotate),
    },
  };
}

/** The ETag of a link: its version, quoted (RFC 9110 §8.8.3). */
export function linkEtag(version: number): string {
  return `"${version}"`;
}
