// The comment thread of one annotation, shown in the side panel for the focused annotation:
// threaded comments (Markdown rendered sanitized by MarkdownNote), a composer with `@name`
// autocomplete (mentions notify the member), and replies. Viewers read; annotators write.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../api/review';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../../ui/describeError';
import { MarkdownNote } from '../../ui/MarkdownNote';
import { useCurrentWorkspace } from '../session/SessionContext';
import { useAddAnnotationComment, useAnnotationComments } from './annotationComments';
import { CommentComposer } from './CommentComposer';
import { buildThread } from './thread';
import './sideBySide.css';

export interface AnnotationCommentsProps {
  annotationId: string;
  /** May write comments (the annotate ability); everyone who sees the annotation may read. */
  canComment: boolean;
}

export function AnnotationComments({ annotationId, canComment }: AnnotationCommentsProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const comments = useAnnotationComments(annotationId);
  const items = comments.data?.items ?? [];
  const tree = buildThread(items);
  return (
    <section
      className="annotation-comments thread"
      aria-labelledby={titleId}
      data-testid="annotation-comments"
      data-annotation-id={annotationId}
      // Clicks inside the thread must not re-focus the row.
      onClick={(e) => e.stopPropagation()}
    >
      <h3 id={titleId} className="annotation-comments__title">
        {t('review.annotationComments.title', { count: items.length })}
      </h3>
      {comments.isPending ? (
        <p className="status">{t('review.loading')}</p>
      ) : comments.isError ? (
        <p className="form-error" role="alert" data-testid="annotation-comments-error">
          {describeError(comments.error, t).headline}{' '}
          <button type="button" className="button button--link" onClick={() => void comments.refetch()}>
            {t('annotations.retry')}
          </button>
        </p>
      ) : items.length === 0 ? (
        <p className="status" data-testid="annotation-comments-empty">
          {t('review.thread.empty')}
        </p>
      ) : (
        <CommentTree parent={null} tree={tree} annotationId={annotationId} canComment={canComment} />
      )}
      {canComment && <CommentForm annotationId={annotationId} />}
    </section>
  );
}

interface TreeProps {
  parent: string | null;
  tree: Map<string | null, Comment[]>;
  annotationId: string;
  canComment: boolean;
}

function CommentTree({ parent, tree, annotationId, canComment }: TreeProps) {
  const list = tree.get(parent) ?? [];
  if (list.length === 0) return null;
  return (
    <ol className="thread__list">
      {list.map((c) => (
        <CommentItem key={c.id} comment={c} tree={tree} annotationId={annotationId} canComment={canComment} />
      ))}
    </ol>
  );
}

function CommentItem({ comment, tree, annotationId, canComment }: { comment: Comment } & Omit<TreeProps, 'parent'>) {
  const { t, i18n } = useTranslation();
  const [replying, setReplying] = useState(false);
  return (
    <li className="thread__comment" data-testid="annotation-comment" data-comment-id={comment.id}>
      <p className="thread__meta">
        <strong>{comment.author.name}</strong> · <time dateTime={comment.created}>{formatDateTime(comment.created, i18n.resolvedLanguage ?? i18n.language)}</time>
      </p>
      <MarkdownNote source={comment.body} testId="annotation-comment-body" />
      {canComment && (
        <button type="button" className="button button--link" aria-expanded={replying} onClick={() => setReplying((r) => !r)} data-testid="annotation-comment-reply">
          {t('review.thread.reply')}
        </button>
      )}
      {replying && <CommentForm annotationId={annotationId} parentId={comment.id} onDone={() => setReplying(false)} />}
      <CommentTree parent={comment.id} tree={tree} annotationId={annotationId} canComment={canComment} />
    </li>
  );
}

function CommentForm({ annotationId, parentId, onDone }: { annotationId: string; parentId?: string; onDone?: () => void }) {
  const add = useAddAnnotationComment(annotationId);
  const workspace = useCurrentWorkspace();
  return <CommentComposer add={add} workspaceId={workspace?.id} parentId={parentId} onDone={onDone} testIdPrefix="annotation-comment" />;
}
