// Who else is viewing the document: initials in a colour of their own, names on hover.
import type { LiveViewer } from '@glossa/contracts';
import { useTranslation } from 'react-i18next';
import { initials, viewerColor } from './colors';
import './live.css';

export function Viewers({ viewers, myId, heldCount }: { viewers: readonly LiveViewer[]; myId: string; heldCount: number }) {
  const { t } = useTranslation();
  const others = viewers.filter((viewer, i) => viewer.userId !== myId && viewers.findIndex((v) => v.userId === viewer.userId) === i);
  if (others.length === 0 && heldCount === 0) return null;
  return (
    <div className="live-viewers" data-testid="live-viewers">
      {others.length > 0 && (
        <>
          <span>{t('live.viewers')}</span>
          <ul aria-label={t('live.viewers')}>
            {others.map((viewer) => (
              <li key={viewer.userId}>
                <span className="live-avatar" style={{ background: viewerColor(viewer.userId) }} title={viewer.name} aria-label={viewer.name} data-testid="live-viewer" data-user-id={viewer.userId}>
                  {initials(viewer.name)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {heldCount > 0 && (
        <span className="live-held" role="status" data-testid="live-held">
          {t('live.held', { count: heldCount })}
        </span>
      )}
    </div>
  );
}
