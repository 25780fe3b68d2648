// One link (`/review/links/:id`): the passages side by side with their context (stacked on
// narrow screens), rationale, severity, status, assignee, the threaded comments, and buttons
// for exactly the actions in `link.abilities.transition` (assigning to oneself or to another
// member who can review). There is no endpoint for a flag's transition events yet, so the audit
// trail is not shown here.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { QueueStatus, Role } from '@glossa/contracts';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'wouter';
import { isApiError } from '../../api/client';
import { getLink, type Comment, type FlagAction, type Link } from '../../api/review';
import { formatDateTime } from '../../i18n/format';
import { paths } from '../../paths';
import { describeError } from '../../ui/describeError';
import { MarkdownNote } from '../../ui/MarkdownNote';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useLiveDocuments } from '../live/useLive';
import { useMe } from '../session/queries';
import { Passage } from './Passage';
import { CommentComposer } from './CommentComposer';
import { reviewKeys, useAddComment, useLink, useLinkComments, useLinkHistory, useTransition, useWorkspaceMembers } from './queries';

/** Roles with the `review` ability (docs/REVIEW.md): the API refuses any other assignee. */
const REVIEWING_ROLES: ReadonlySet<Role> = new Set<Role>(['owner', 'admin', 'reviewer']);

export function LinkPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('review.linkTitle'));
  const link = useLink(id);
  const me = useMe();
  // Comments, transitions and passage edits by others arrive live through the passages' documents.
  useLiveDocuments(link.data?.annotations.map((passage) => passage.documentId) ?? [], me.data?.user.id);
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (link.isPending)
    return (
      <p className="status" role="status">
        {t('review.loading')}
      </p>
    );
  if (link.isError)
    return (
      <p className="form-error" role="alert" data-testid="link-load-error">
        {link.error && isApiError(link.error) && link.error.isNotFound ? t('review.linkNotFound') : describeError(link.error, t).headline}
      </p>
    );
  const data = link.data;
  return (
    <article className="page link-page" aria-labelledby="link-title" data-testid="link-page" data-link-id={data.id}>
      <p>
        <RouterLink href={paths.review}>← {t('review.backToQueue')}</RouterLink>
      </p>
      <h1 id="link-title">{t(`review.linkTypes.${data.type}`)}</h1>
      <dl className="link-page__facts">
        {data.status && (
          <>
            <dt>{t('review.status')}</dt>
            <dd>
              <span className={`status-badge status-badge--${data.status}`} data-testid="link-status" data-status={data.status}>
                {t(`review.statuses.${data.status}`)}
              </span>
            </dd>
          </>
        )}
        {data.severity && (
          <>
            <dt>{t('review.severity')}</dt>
            <dd data-testid="link-severity-value">{t(`review.severities.${data.severity}`)}</dd>
          </>
        )}
        <dt>{t('review.raisedBy')}</dt>
        <dd>
          {data.raisedBy.name} · {formatDateTime(data.created, language)}
        </dd>
        {data.status && (
          <>
            <dt>{t('review.assignee')}</dt>
            <dd data-testid="link-assignee">{data.assignee?.name ?? t('review.unassigned')}</dd>
          </>
        )}
      </dl>
      <div className="passages-side-by-side" data-testid="link-passages">
        {data.annotations.map((p) => (
          <Passage key={p.id} passage={p} />
        ))}
      </div>
      <section>
        <h2>{t('review.rationale')}</h2>
        <MarkdownNote source={data.rationale} testId="link-rationale-text" />
      </section>
      {data.resolution && (
        <section>
          <h2>{t('review.resolution')}</h2>
          <MarkdownNote source={data.resolution} testId="link-resolution" />
        </section>
      )}
      <Actions link={data} />
      <History link={data} />
      <Thread link={data} />
    </article>
  );
}

function History({ link }: { link: Link }) {
  const { t, i18n } = useTranslation();
  const history = useLinkHistory(link.id);
  const statusLabel = (value: unknown) => (typeof value === 'string' ? t(`review.statuses.${value as QueueStatus}`) : '—');
  return (
    <section className="link-history" aria-labelledby="history-title" data-testid="link-history">
      <h2 id="history-title">{t('review.history.title')}</h2>
      {history.isPending ? (
        <p className="status">{t('review.history.loading')}</p>
      ) : history.isError ? (
        <p className="form-error">{describeError(history.error, t).headline}</p>
      ) : (
        <ol>
          {history.data.items.map((entry) => {
            const actor = entry.actor?.name ?? t('review.history.system');
            const note = typeof entry.changes.note === 'string' ? entry.changes.note : null;
            return (
              <li key={entry.seq} data-testid="history-entry" data-type={entry.type}>
                <span>
                  {entry.type === 'link.created'
                    ? t('review.history.raised', { actor })
                    : t('review.history.moved', {
                        actor,
                        action: t(`review.actions.${entry.changes.action as FlagAction}`),
                        from: statusLabel(entry.changes.from),
                        to: statusLabel(entry.changes.to),
                      })}
                </span>{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                {note && <MarkdownNote source={note} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Actions({ link }: { link: Link }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const transition = useTransition(link);
  const [note, setNote] = useState('');
  const [resolving, setResolving] = useState(false);
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<{ message: string; detail?: string; reload?: boolean } | null>(null);
  const members = useWorkspaceMembers(link.workspaceId);
  const assignId = useId();
  const actions = link.abilities.transition;
  const reviewers = (members.data?.items ?? []).filter((m) => REVIEWING_ROLES.has(m.role) && m.userId !== link.raisedBy.id);
  if (actions.length === 0) return null;

  const run = (action: FlagAction, assigneeId?: string) => {
    setError(null);
    if (action === 'resolve' && note.trim() === '') {
      setResolving(true);
      setError({ message: t('review.actions.noteRequired') });
      return;
    }
    const input = action === 'assign' ? { action, assigneeId: assigneeId ?? me?.user.id } : action === 'resolve' ? { action, note } : { action };
    transition.mutate(input, {
      onSuccess: () => {
        setNote('');
        setResolving(false);
      },
      onError: async (caught) => {
        if (isApiError(caught) && caught.status === 412) {
          setError({ message: t('review.actions.stale'), reload: true });
        } else if (isApiError(caught) && caught.status === 409) {
          const fresh = await queryClient.fetchQuery({ queryKey: reviewKeys.link(link.id), staleTime: 0, queryFn: ({ signal }) => getLink(link.id, signal) });
          const allowed = fresh.abilities.transition.map((a) => t(`review.actions.${a}`)).join(', ') || t('review.actions.none');
          setError({ message: t('review.actions.notAllowed', { allowed }) });
        } else {
          const described = describeError(caught, t);
          setError({ message: described.headline, detail: described.detail });
        }
      },
    });
  };

  return (
    <section className="link-actions" aria-label={t('review.actions.label')} data-testid="link-actions">
      {(resolving || actions.includes('resolve')) && (
        <label>
          {t('review.actions.noteLabel')}
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="transition-note" />
        </label>
      )}
      <div className="annotation-item__actions">
        {actions.map((action) => (
          <button key={action} type="button" className="button button--small" disabled={transition.isPending} onClick={() => run(action)} data-testid={`transition-${action}`}>
            {action === 'assign' ? t('review.actions.assignToMe') : t(`review.actions.${action}`)}
          </button>
        ))}
      </div>
      {actions.includes('assign') && (
        <form
          className="link-actions__assign"
          onSubmit={(e) => {
            e.preventDefault();
            if (assignee) run('assign', assignee);
          }}
          data-testid="assign-form"
        >
          <label htmlFor={assignId}>{t('review.assign.label')}</label>{' '}
          <select id={assignId} value={assignee} onChange={(e) => setAssignee(e.target.value)} disabled={members.isPending || transition.isPending} data-testid="assign-select">
            <option value="">{members.isPending ? t('review.assign.loadingMembers') : t('review.assign.choose')}</option>
            {reviewers.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.userId === link.assignee?.id ? t('review.assign.current', { name: m.name }) : m.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="button button--small" disabled={!assignee || transition.isPending} data-testid="assign-submit">
            {t('review.assign.submit')}
          </button>
          {members.isSuccess && reviewers.length === 0 && (
            <p className="status" data-testid="assign-none">
              {t('review.assign.noReviewers')}
            </p>
          )}
          {members.isError && (
            <p className="form-error" role="alert">
              {describeError(members.error, t).headline}
            </p>
          )}
        </form>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="transition-error">
          {error.message}
          {error.detail && <> ({error.detail})</>}{' '}
          {error.reload && (
            <button type="button" className="button button--link" onClick={() => void queryClient.invalidateQueries({ queryKey: reviewKeys.link(link.id) }).then(() => setError(null))} data-testid="transition-reload">
              {t('review.actions.reload')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}

function Thread({ link }: { link: Link }) {
  const { t } = useTranslation();
  const comments = useLinkComments(link.id);
  const items = comments.data?.items ?? [];
  const children = new Map<string | null, Comment[]>();
  for (const c of items) {
    const key = c.parentId && items.some((x) => x.id === c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  return (
    <section className="thread" aria-labelledby="thread-title" data-testid="thread">
      <h2 id="thread-title">{t('review.thread.title')}</h2>
      {comments.isPending ? (
        <p className="status">{t('review.loading')}</p>
      ) : comments.isError ? (
        <p className="form-error">{describeError(comments.error, t).headline}</p>
      ) : items.length === 0 ? (
        <p className="status">{t('review.thread.empty')}</p>
      ) : (
        <CommentTree parent={null} childrenOf={children} link={link} />
      )}
      {link.abilities.comment && <CommentForm linkId={link.id} workspaceId={link.workspaceId} />}
    </section>
  );
}

function CommentTree({ parent, childrenOf, link }: { parent: string | null; childrenOf: Map<string | null, Comment[]>; link: Link }) {
  const list = childrenOf.get(parent) ?? [];
  if (list.length === 0) return null;
  return (
    <ol className="thread__list">
      {list.map((c) => (
        <CommentItem key={c.id} comment={c} childrenOf={childrenOf} link={link} />
      ))}
    </ol>
  );
}

function CommentItem({ comment, childrenOf, link }: { comment: Comment; childrenOf: Map<string | null, Comment[]>; link: Link }) {
  const { t, i18n } = useTranslation();
  const [replying, setReplying] = useState(false);
  return (
    <li className="thread__comment" data-testid="comment" data-comment-id={comment.id}>
      <p className="thread__meta">
        <strong>{comment.author.name}</strong> · {formatDateTime(comment.created, i18n.resolvedLanguage ?? i18n.language)}
      </p>
      <MarkdownNote source={comment.body} testId="comment-body" />
      {link.abilities.comment && (
        <button type="button" className="button button--link" onClick={() => setReplying((r) => !r)} data-testid="comment-reply">
          {t('review.thread.reply')}
        </button>
      )}
      {replying && <CommentForm linkId={link.id} workspaceId={link.workspaceId} parentId={comment.id} onDone={() => setReplying(false)} />}
      <CommentTree parent={comment.id} childrenOf={childrenOf} link={link} />
    </li>
  );
}

function CommentForm({ linkId, workspaceId, parentId, onDone }: { linkId: string; workspaceId: string; parentId?: string; onDone?: () => void }) {
  const add = useAddComment(linkId);
  return <CommentComposer add={add} workspaceId={workspaceId} parentId={parentId} onDone={onDone} testIdPrefix="comment" />;
}
