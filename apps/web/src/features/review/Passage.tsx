// One linked passage as text in its context: prefix, the exact quote marked, suffix, and the
// title of its document. Deleted passages keep their last quote and say so.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'wouter';
import type { LinkedPassage } from '../../api/review';
import { documentPath } from '../../paths';

export function Passage({ passage, testId = 'passage' }: { passage: LinkedPassage; testId?: string }) {
  const { t } = useTranslation();
  return (
    <figure className={`passage${passage.deleted ? ' passage--deleted' : ''}`} data-testid={testId} data-annotation-id={passage.id}>
      <blockquote className="passage__text">
        <span className="passage__context">{passage.quote.prefix}</span>
        <mark className={`hl hl-${passage.tag}`} data-testid="passage-exact">
          {passage.quote.exact}
        </mark>
        <span className="passage__context">{passage.quote.suffix}</span>
      </blockquote>
      <figcaption className="passage__caption">
        <RouterLink href={documentPath(passage.documentId)} data-testid="passage-document">
          {passage.documentTitle}
        </RouterLink>{' '}
        · {t(`tags.${passage.tag}`)} · {passage.author.name}
        {passage.deleted && <span className="passage__deleted"> · {t('review.passageDeleted')}</span>}
      </figcaption>
    </figure>
  );
}
