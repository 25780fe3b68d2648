// The header's connection state: Live, Connecting… or Offline (with what happens to new work).
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from './connection';
import './live.css';

export function LiveIndicator({ status, browserOnline }: { status: LiveStatus | null; browserOnline: boolean }) {
  const { t } = useTranslation();
  const shown: LiveStatus = !browserOnline ? 'offline' : (status ?? 'connecting');
  return (
    <span className={`live-status live-status--${shown}`} role="status" title={t(`live.${shown}Hint`)} data-testid="live-status" data-state={shown}>
      {t(`live.${shown}`)}
    </span>
  );
}
