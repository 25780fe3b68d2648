// Comments on a link or an annotation: stores the Markdown verbatim, records @mentions of
// workspace members and notifies them, with comment.created, all in one transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateCommentBody } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { subjectColumn, type CommentSubject } from '../comment-row';
import { findMentions } from '../mentions';
import { notify } from '../notify';

export interface CreateCommentInput {
  subject: CommentSubject;
  workspaceId: string;
  /** The subject's document, for the event (null for a link). */
  documentId: string | null;
  actorId: string;
  body: CreateCommentBody;
}

@Injectable()
export class CreateComment {
  constructor(private readonly dataSource: DataSource) {}

  async run({ subject, workspaceId, documentId, actorId, body }: CreateCommentInput): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const column = subjectColumn(subject);
      if (body.parentId !== undefined) {
        const parent: unknown[] = await manager.query(`SELECT 1 FROM comment WHERE id = $1 AND ${column} = $2`, [body.parentId, subject.id]);
        if (parent.length === 0) throw DomainError.invalidField('parentId', 'no such comment in this thread');
      }
      const members: Array<{ id: string; name: string }> = await manager.query(
        `SELECT u.id, u.name FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.workspace_id = $1`,
        [workspaceId],
      );
      const mentioned = findMentions(body.body, members);
      const [{ id }] = (await manager.query(
        `INSERT INTO comment (workspace_id, ${column}, parent_id, author_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [workspaceId, subject.id, body.parentId ?? null, actorId, body.body],
      )) as Array<{ id: string }>;
      if (mentioned.length > 0) {
        await manager.query(`INSERT INTO comment_mention (comment_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, mentioned.map((m) => m.id)]);
      }
      await notify(manager, {
        userIds: mentioned.map((m) => m.id),
        workspaceId,
        type: 'mention',
        actorId,
        commentId: id,
        ...(subject.kind === 'link' ? { linkId: subject.id } : { annotationId: subject.id }),
      });
      await recordEvent(manager, {
        type: EventType.CommentCreated,
        workspaceId,
        documentId,
        subjectId: id,
        actorId,
        payload: { [subject.kind === 'link' ? 'linkId' : 'annotationId']: subject.id, parentId: body.parentId ?? null, mentions: mentioned.map((m) => m.id) },
      });
      return id;
    });
  }
}
