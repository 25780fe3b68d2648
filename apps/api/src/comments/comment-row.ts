// The SELECT every comment read uses (author and mentioned people included), and its presenter.
import type { EntityManager } from 'typeorm';
import type { Comment } from '@glossa/contracts';

export interface CommentRow {
  id: string;
  body: string;
  author_id: string;
  author_name: string;
  parent_id: string | null;
  created_at: Date;
  mentions: Array<{ id: string; name: string }>;
}

/** The columns of a CommentRow, over `comment c JOIN app_user u ON u.id = c.author_id`. */
export const COMMENT_COLUMNS = `c.id, c.body, c.author_id, u.name AS author_name, c.parent_id, c.created_at,
  coalesce((SELECT json_agg(json_build_object('id', m.user_id, 'name', mu.name) ORDER BY mu.name, m.user_id)
              FROM comment_mention m JOIN app_user mu ON mu.id = m.user_id WHERE m.comment_id = c.id), '[]') AS mentions`;

const COMMENT_SELECT = `SELECT ${COMMENT_COLUMNS} FROM comment c JOIN app_user u ON u.id = c.author_id`;

export type CommentSubject = { kind: 'link'; id: string } | { kind: 'annotation'; id: string };

export const subjectColumn = (subject: CommentSubject): string => (subject.kind === 'link' ? 'link_id' : 'annotation_id');

/** A subject's comments, oldest first. */
export async function findComments(manager: EntityManager, subject: CommentSubject): Promise<CommentRow[]> {
  return manager.query(`${COMMENT_SELECT} WHERE c.${subjectColumn(subject)} = $1 ORDER BY c.created_at, c.id`, [subject.id]);
}

export async function findComment(manager: EntityManager, id: string): Promise<CommentRow | null> {
  const rows: CommentRow[] = await manager.query(`${COMMENT_SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Markdown goes out as written: rendering it sanitized is the client's job. */
export function presentComment(row: CommentRow): Comment {
  return {
    id: row.id,
    body: row.body,
    author: { id: row.author_id, name: row.author_name },
    created: row.created_at.toISOString(),
    parentId: row.parent_id,
    mentions: row.mentions,
  };
}
