// The composer under a comment thread (a flag's or an annotation's): Markdown with `@name`
// autocomplete over the workspace's other members, send, and the error of a failed send. The
// text stays in the box until the server has stored it, so a failed send loses nothing.
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../api/review';
import { describeError } from '../../ui/describeError';
import { useMe } from '../session/queries';
import { MentionTextarea } from './MentionTextarea';
import { useWorkspaceMembers } from './queries';

export interface CommentComposerProps {
  add: UseMutationResult<Comment, Error, { body: string; parentId?: string }>;
  /** Whose members can be mentioned. */
  workspaceId: string | undefined;
  /** Set for a reply. */
  parentId?: string;
  onDone?: () => void;
  /** Prefix of the test ids: `${prefix}-form`, `-input`, `-submit`, `-error`. */
  testIdPrefix: string;
}

export function CommentComposer({ add, workspaceId, parentId, onDone, testIdPrefix }: CommentComposerProps) {
  const { t } = useTranslation();
  const me = useMe().data;
  const members = useWorkspaceMembers(workspaceId);
  const people = (members.data?.items ?? []).filter((m) => m.userId !== me?.user.id);
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim() === '' || add.isPending) return;
    add.mutate(
      { body, parentId },
      {
        onSuccess: () => {
          setBody('');
          onDone?.();
        },
      },
    );
  };
  return (
    <form className="thread__form" onSubmit={submit} data-testid={`${testIdPrefix}-form`}>
      <MentionTextarea
        label={parentId ? t('review.thread.replyLabel') : t('review.thread.commentLabel')}
        value={body}
        onChange={setBody}
        members={people}
        placeholder={t('review.thread.placeholder')}
        testId={`${testIdPrefix}-input`}
      />
      <button type="submit" className="button button--small" disabled={add.isPending || body.trim() === ''} data-testid={`${testIdPrefix}-submit`}>
        {add.isPending ? t('review.thread.sending') : t('review.thread.send')}
      </button>
      {add.isError && (
        <p className="form-error" role="alert" data-testid={`${testIdPrefix}-error`}>
          {describeError(add.error, t).headline}
        </p>
      )}
    </form>
  );
}
