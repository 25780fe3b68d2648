// Mentions and decisions on one's work, newest first, each with a link to the item; opening
// one marks it read, and "Mark all read" clears the badge.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'wouter';
import type { Notification } from '../../api/review';
import { formatDateTime } from '../../i18n/format';
import { linkPath, paths } from '../../paths';
import { describeError } from '../../ui/describeError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMarkRead, useNotifications } from './queries';

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('review.notifications.title'));
  const list = useNotifications();
  const markRead = useMarkRead();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const unreadIds = (list.data?.items ?? []).filter((n) => !n.read).map((n) => n.id);
  const target = (n: Notification) => (n.linkId ? linkPath(n.linkId) : paths.review);

  return (
    <section className="page notifications" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('review.notifications.title')}</h1>
      {unreadIds.length > 0 && (
        <button type="button" className="button button--small" disabled={markRead.isPending} onClick={() => markRead.mutate(unreadIds)} data-testid="notifications-mark-all">
          {t('review.notifications.markAll')}
        </button>
      )}
      {list.isPending ? (
        <p className="status">{t('review.loading')}</p>
      ) : list.isError ? (
        <p className="form-error">{describeError(list.error, t).headline}</p>
      ) : list.data.items.length === 0 ? (
        <p className="status" data-testid="notifications-empty">
          {t('review.notifications.empty')}
        </p>
      ) : (
        <ul className="notifications__list" data-testid="notifications-list">
          {list.data.items.map((n) => (
            <li key={n.id} className={n.read ? 'notification' : 'notification notification--unread'} data-testid="notification" data-type={n.type} data-read={String(n.read)} data-link-id={n.linkId ?? ''}>
              <RouterLink
                href={target(n)}
                onClick={() => {
                  if (!n.read) markRead.mutate([n.id]);
                }}
                data-testid="notification-open"
              >
                {t(`review.notifications.${n.type}`, { name: n.actor?.name ?? t('annotations.unknownActor') })}
              </RouterLink>{' '}
              <span className="notification__at">{formatDateTime(n.at, language)}</span>
              {!n.read && (
                <button type="button" className="button button--link" onClick={() => markRead.mutate([n.id])} data-testid="notification-mark-read">
                  {t('review.notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
