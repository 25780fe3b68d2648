// The app header: product name, then for a signed-in person the main links, the
// workspace switch, their name and Sign out; the language switch for everyone. Signed in, the
// live channel's state shows next to the name, and its badge pushes keep the counts current.
import type { Me } from '@glossa/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { currentWorkspace } from '../features/session/SessionContext';
import { useMe, useSignOut } from '../features/session/queries';
import { WorkspaceSwitch } from '../features/workspaces/WorkspaceSwitch';
import { useNotifications, useReviewSummary } from '../features/review/queries';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { LiveIndicator } from '../features/live/LiveIndicator';
import { useBrowserOnline } from '../features/live/network';
import { useLiveAccount, useLiveConnection, useLiveStatus } from '../features/live/useLive';
import { membersPath, paths } from '../paths';

export function Header() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link href={paths.documents} className="app-header__brand" data-testid="home-link">
          {t('app.name')}
        </Link>
        {me ? <SignedInNavigation me={me} /> : <span className="app-header__spacer" />}
        <LanguageSwitch />
      </div>
    </header>
  );
}

function SignedInNavigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const signOut = useSignOut();
  const live = useLiveConnection(me.user.id);
  const liveStatus = useLiveStatus(live);
  const browserOnline = useBrowserOnline();
  useLiveAccount(live);
  const workspace = currentWorkspace(me);
  const openItems = useReviewSummary(Boolean(workspace)).data ?? 0;
  const unread = useNotifications().data?.unread ?? 0;
  const badge = openItems + unread;
  return (
    <>
      <nav className="app-header__nav" aria-label={t('header.navigation')}>
        <Link href={paths.documents} data-testid="nav-documents">
          {t('header.home')}
        </Link>
        {workspace && (
          <Link href={membersPath(workspace.id)} data-testid="nav-members">
            {t('header.members')}
          </Link>
        )}
        {workspace && (
          <Link href={paths.review} data-testid="nav-review">
            {t('header.review')}
            {badge > 0 && (
              <span className="nav-badge" aria-label={t('header.reviewBadge', { items: openItems, unread })} data-testid="review-badge">
                {badge}
              </span>
            )}
          </Link>
        )}
        <Link href={paths.notifications} data-testid="nav-notifications">
          {t('header.notifications')}
          {unread > 0 && (
            <span className="nav-badge" data-testid="notifications-badge">
              {unread}
            </span>
          )}
        </Link>
        <Link href={paths.tokens} data-testid="nav-tokens">
          {t('header.tokens')}
        </Link>
      </nav>
      <WorkspaceSwitch me={me} />
      <div className="app-header__account" role="group" aria-label={t('header.account')}>
        <LiveIndicator status={liveStatus} browserOnline={browserOnline} />
        <span className="app-header__user" title={t('header.signedInAs', { email: me.user.email })} data-testid="current-user">
          {me.user.name}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate(paths.signIn, { replace: true }) })}
          data-testid="sign-out"
        >
          {signOut.isPending ? t('header.signingOut') : t('header.signOut')}
        </button>
        {signOut.isError && (
          <span className="workspace-switch__error" role="alert" data-testid="sign-out-error">
            {t('header.signOutFailed')}
          </span>
        )}
      </div>
    </>
  );
}
