// Inside a panel item: the review actions of one annotation ("Flag contradiction with…",
// "Link with…", "Submit for review") and the links it takes part in, each expandable to show
// the counterpart passages in context, the flag's status, without leaving the page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'wouter';
import type { Link, LinkType } from '../../api/review';
import { describeError } from '../../ui/describeError';
import type { AnnotationItem } from '../annotations/items';
import { linkPath } from '../../paths';
import { LinkDialog } from './LinkDialog';
import { Passage } from './Passage';
import { useAnnotationLinks, useSubmitAnnotation } from './queries';

export function AnnotationLinks({ item, documentId, myId, canLink, flagged }: { item: AnnotationItem; documentId: string; myId: string; canLink: boolean; flagged: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<LinkType | null>(null);
  const [showLinks, setShowLinks] = useState(false);
  const links = useAnnotationLinks(item.id, showLinks);
  const submit = useSubmitAnnotation(documentId);
  const own = item.author.id === myId;
  const canSubmit = own && (item.status === 'draft' || item.status === 'rejected');

  return (
    <div className="annotation-links" onClick={(e) => e.stopPropagation()}>
      <div className="annotation-item__actions">
        {flagged && (
          <span className="flag-badge" data-testid="annotation-flagged">
            {t('review.flagged')}
          </span>
        )}
        {item.status !== 'draft' && <span className={`status-badge status-badge--${item.status}`}>{t(`annotations.status.${item.status}`)}</span>}
        {canLink && (
          <>
            <button type="button" className="button button--link" onClick={() => setDialog('contradicts')} data-testid="annotation-flag">
              {t('review.flagContradiction')}
            </button>
            <button type="button" className="button button--link" onClick={() => setDialog('supports')} data-testid="annotation-link">
              {t('review.linkWith')}
            </button>
          </>
        )}
        {canSubmit && (
          <button type="button" className="button button--link" disabled={submit.isPending} onClick={() => submit.mutate(item.id)} data-testid="annotation-submit">
            {t('review.submitForReview')}
          </button>
        )}
        <button type="button" className="button button--link" aria-expanded={showLinks} onClick={() => setShowLinks((s) => !s)} data-testid="annotation-links-toggle">
          {showLinks ? t('review.hideLinks') : t('review.showLinks')}
        </button>
      </div>
      {submit.isError && (
        <p className="form-error" role="alert">
          {describeError(submit.error, t).headline}
        </p>
      )}
      {showLinks && (
        <div className="annotation-links__list" data-testid="annotation-links">
          {links.isPending ? (
            <p className="status">{t('review.loading')}</p>
          ) : links.isError ? (
            <p className="form-error">{describeError(links.error, t).headline}</p>
          ) : links.data.items.length === 0 ? (
            <p className="status" data-testid="annotation-links-empty">
              {t('review.noLinks')}
            </p>
          ) : (
            <ul>
              {links.data.items.map((link) => (
                <LinkSummary key={link.id} link={link} selfId={item.id} />
              ))}
            </ul>
          )}
        </div>
      )}
      {dialog && <LinkDialog source={{ id: item.id, quote: item.quote, documentId }} initialType={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}

function LinkSummary({ link, selfId }: { link: Link; selfId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="link-summary" data-testid="link-summary" data-link-id={link.id} data-status={link.status ?? ''}>
      <button type="button" className="button button--link" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="link-summary-toggle">
        {t(`review.linkTypes.${link.type}`)}
        {link.status && (
          <>
            {' '}
            · <span data-testid="link-summary-status">{t(`review.statuses.${link.status}`)}</span>
          </>
        )}
      </button>
      {open && (
        <div className="link-summary__body">
          {link.annotations
            .filter((p) => p.id !== selfId)
            .map((p) => (
              <Passage key={p.id} passage={p} testId="counterpart" />
            ))}
          <RouterLink href={linkPath(link.id)} data-testid="link-open">
            {t('review.openFlag')}
          </RouterLink>
        </div>
      )}
    </li>
  );
}
