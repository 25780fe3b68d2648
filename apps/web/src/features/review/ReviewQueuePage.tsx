// The review queue: contradiction flags and submitted annotations of the current workspace,
// newest first, with filters, counts per status and "Load more". Submitted annotations are
// accepted or rejected in place; a flag opens its own page. The filters live in the query
// string (`/review?status=open&severity=high`), so a filtered queue can be shared and survives
// a reload; the counts are the API's, which apply every filter but `status`.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useSearch } from 'wouter';
import { ANNOTATION_TAGS, selectorsOf, type AnnotationTag } from '../../api/annotations';
import { listDocuments } from '../../api/documents';
import { type AnnotationInContext, type QueueFilters, type QueueStatus, type Severity } from '../../api/review';
import { formatDateTime } from '../../i18n/format';
import { documentPath, linkPath, paths } from '../../paths';
import { describeError } from '../../ui/describeError';
import { MarkdownNote } from '../../ui/MarkdownNote';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useCurrentWorkspace } from '../session/SessionContext';
import { excerpt } from '../annotations/AnnotationPanel';
import { useDecideAnnotation, useReviewQueue, useWorkspaceMembers } from './queries';
import { filtersFromSearch, QUEUE_STATUSES, searchFromFilters, SEVERITIES } from './queueFilters';

export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('review.queueTitle'));
  const workspace = useCurrentWorkspace();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const queue = useReviewQueue(filters);
  const members = useWorkspaceMembers(workspace?.id);
  const documents = useQuery({ queryKey: ['documents', 'review-filter', workspace?.id], queryFn: ({ signal }) => listDocuments({ workspaceId: workspace?.id, limit: 100 }, signal), enabled: Boolean(workspace) });
  const set = (patch: Partial<QueueFilters>) => {
    const query = searchFromFilters({ ...filters, ...patch });
    navigate(query ? `${paths.review}?${query}` : paths.review, { replace: true });
  };
  const filtered = searchFromFilters(filters) !== '';
  const counts = queue.data?.pages[0]?.counts;
  const language = i18n.resolvedLanguage ?? i18n.language;
  const people = members.data?.items ?? [];

  return (
    <section className="page review-queue" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.queueTitle')}</h1>
      <p>
        <RouterLink href={paths.notifications} data-testid="review-notifications-link">
          {t('review.notifications.title')}
        </RouterLink>
      </p>
      {counts && (
        <ul className="review-counts" aria-label={t('review.filters.countsLabel')} data-testid="review-counts">
          {QUEUE_STATUSES.map((s) => (
            <li key={s}>
              <button type="button" className="tag-chip" aria-pressed={filters.status === s} onClick={() => set({ status: filters.status === s ? undefined : s })} data-testid={`review-count-${s}`}>
                {t(`review.statuses.${s}`)} <span className="tag-chip__count">{counts[s]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="review-filters">
        <select aria-label={t('review.filters.status')} value={filters.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as QueueStatus | undefined })} data-testid="review-filter-status">
          <option value="">{t('review.filters.needsSomeone')}</option>
          {QUEUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`review.statuses.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('review.severity')} value={filters.severity ?? ''} onChange={(e) => set({ severity: (e.target.value || undefined) as Severity | undefined })} data-testid="review-filter-severity">
          <option value="">{t('review.filters.anySeverity')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`review.severities.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('review.filters.document')} value={filters.documentId ?? ''} onChange={(e) => set({ documentId: e.target.value || undefined })} data-testid="review-filter-document">
          <option value="">{t('review.filters.anyDocument')}</option>
          {(documents.data?.items ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
        <select aria-label={t('annotations.tag')} value={filters.tag ?? ''} onChange={(e) => set({ tag: (e.target.value || undefined) as AnnotationTag | undefined })} data-testid="review-filter-tag">
          <option value="">{t('review.filters.anyTag')}</option>
          {ANNOTATION_TAGS.map((x) => (
            <option key={x} value={x}>
              {t(`tags.${x}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('review.assignee')} value={filters.assigneeId ?? ''} onChange={(e) => set({ assigneeId: e.target.value || undefined })} data-testid="review-filter-assignee">
          <option value="">{t('review.filters.anyAssignee')}</option>
          {people.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        <select aria-label={t('review.raisedBy')} value={filters.raisedBy ?? ''} onChange={(e) => set({ raisedBy: e.target.value || undefined })} data-testid="review-filter-raiser">
          <option value="">{t('review.filters.anyRaiser')}</option>
          {people.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        {filtered && (
          <button type="button" className="button button--small button--secondary" onClick={() => navigate(paths.review, { replace: true })} data-testid="review-filter-clear">
            {t('review.filters.clear')}
          </button>
        )}
      </div>

      {queue.isPending ? (
        <p className="status" role="status">
          {t('review.loading')}
        </p>
      ) : queue.isError ? (
        <p className="form-error" role="alert">
          {describeError(queue.error, t).headline}
        </p>
      ) : (
        <>
          <ul className="review-list" data-testid="review-list">
            {queue.data.pages
              .flatMap((page) => page.items)
              .map((item) =>
                item.kind === 'link' ? (
                  <li key={`l-${item.link.id}`} className="review-item" data-testid="review-item" data-kind="link" data-link-id={item.link.id} data-status={item.link.status ?? ''}>
                    <RouterLink href={linkPath(item.link.id)} data-testid="review-item-open">
                      {t(`review.linkTypes.${item.link.type}`)}: {item.link.annotations.map((p) => `«${excerpt(p.quote.exact, 40)}»`).join(' ↔ ')}
                    </RouterLink>
                    <p className="review-item__meta">
                      {item.link.status && <span className={`status-badge status-badge--${item.link.status}`}>{t(`review.statuses.${item.link.status}`)}</span>}{' '}
                      {item.link.severity && <span className={`severity severity--${item.link.severity}`}>{t(`review.severities.${item.link.severity}`)}</span>} ·{' '}
                      {t('review.raisedByName', { name: item.link.raisedBy.name })} · {formatDateTime(item.link.created, language)}
                      {item.link.assignee && <> · {t('review.assignedTo', { name: item.link.assignee.name })}</>}
                    </p>
                  </li>
                ) : (
                  <SubmittedItem key={`a-${item.annotation.id}`} annotation={item.annotation} />
                ),
              )}
          </ul>
          {queue.data.pages[0]?.items.length === 0 && (
            <p className="status" data-testid="review-empty">
              {t('review.empty')}
            </p>
          )}
          {queue.hasNextPage && (
            <button type="button" className="button" disabled={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()} data-testid="review-load-more">
              {queue.isFetchingNextPage ? t('review.loading') : t('review.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function SubmittedItem({ annotation }: { annotation: AnnotationInContext }) {
  const { t } = useTranslation();
  const decide = useDecideAnnotation();
  const [comment, setComment] = useState('');
  const { quote } = selectorsOf(annotation);
  const send = (decision: 'accept' | 'reject') => decide.mutate({ id: annotation.id, version: annotation.version, decision, comment: comment.trim() || undefined });
  return (
    <li className="review-item" data-testid="review-item" data-kind="annotation" data-annotation-id={annotation.id}>
      <p>
        <span className="status-badge status-badge--submitted">{t('review.statuses.submitted')}</span> <q>{excerpt(quote?.exact ?? '', 120)}</q> —{' '}
        <RouterLink href={documentPath(annotation.documentId)}>{annotation.documentTitle}</RouterLink> · {annotation.author.name}
      </p>
      {annotation.note && <MarkdownNote source={annotation.note} />}
      <label>
        {t('review.decisionComment')}
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="decision-comment" />
      </label>
      <div className="annotation-item__actions">
        <button type="button" className="button button--small" disabled={decide.isPending} onClick={() => send('accept')} data-testid="decision-accept">
          {t('review.accept')}
        </button>
        <button type="button" className="button button--small button--secondary" disabled={decide.isPending} onClick={() => send('reject')} data-testid="decision-reject">
          {t('review.reject')}
        </button>
      </div>
      {decide.isError && (
        <p className="form-error" role="alert" data-testid="decision-error">
          {describeError(decide.error, t).headline}
        </p>
      )}
    </li>
  );
}
