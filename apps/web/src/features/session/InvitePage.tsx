// "/invite/:token": what the invite offers (public preview), then either "Join" for a
// signed-in person or a sign-up form carrying the token, with a way to sign in and return.
import type { InvitePreview, Me } from '@glossa/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { invitePath, paths } from '../../paths';
import { describeError } from '../../ui/describeError';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormBanner } from '../../ui/FormBanner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { joinedWorkspaceId } from './joinedWorkspace';
import { signInPath } from './nextPath';
import { useAcceptInvite, useInvitePreview, useMe, useSwitchWorkspace } from './queries';
import { SignUpForm } from './SignUpForm';

export function InvitePage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const preview = useInvitePreview(token);
  const me = useMe();
  const accept = useAcceptInvite();
  const switchWorkspace = useSwitchWorkspace();
  const [, navigate] = useLocation();
  const [joined, setJoined] = useState(false);
  // Whether the person arrived signed in decides the view for good, so signing up here
  // does not flip the page to "Join" before it moves on.
  const [arrival, setArrival] = useState<'signedIn' | 'signedOut' | null>(null);
  if (arrival === null && me.isSuccess) setArrival(me.data ? 'signedIn' : 'signedOut');
  useDocumentTitle(preview.data ? t('invite.join', { workspace: preview.data.workspaceName }) : t('invite.heading'));

  async function finish(invite: InvitePreview, before: Me | null, after: Me) {
    setJoined(true);
    const id = joinedWorkspaceId(before, after, invite);
    if (id && id !== after.currentWorkspaceId) {
      // Best effort: the header's switch can still do it if this fails.
      await switchWorkspace.mutateAsync(id).catch(() => undefined);
    }
    navigate(paths.documents, { replace: true });
  }

  if (preview.isPending || (arrival === null && me.isPending)) {
    return (
      <section className="page page--message">
        <p className="status" role="status" data-testid="invite-loading">
          {t('invite.loading')}
        </p>
      </section>
    );
  }

  if (preview.isError) {
    return (
      <section className="page page--message" data-testid="invite-page">
        {isApiError(preview.error) && preview.error.isNotFound ? (
          <>
            <h1>{t('invite.invalidHeading')}</h1>
            <p data-testid="invite-invalid">{t('invite.invalidBody')}</p>
          </>
        ) : (
          <ErrorNotice error={preview.error} context={t('invite.loadFailed')} onRetry={() => void preview.refetch()} testId="invite-load-error" />
        )}
      </section>
    );
  }

  const invite = preview.data;
  const role = t(`roles.${invite.role}`);
  const signedIn = arrival === 'signedIn' && me.data ? me.data : null;
  const acceptError = accept.error;

  return (
    <section className="page auth-page" aria-labelledby="invite-heading" data-testid="invite-page">
      <h1 id="invite-heading">{t('invite.join', { workspace: invite.workspaceName })}</h1>
      <p className="invite-summary" data-testid="invite-summary" data-role={invite.role}>
        {t('invite.summary', { workspace: invite.workspaceName, role })}
      </p>
      <p className="field__hint">
        <time dateTime={invite.expiresAt}>{t('invite.expires', { date: formatDateTime(invite.expiresAt, language) })}</time>
      </p>

      {joined ? (
        <p className="status" role="status" data-testid="invite-joined">
          {t('invite.joined', { workspace: invite.workspaceName })}
        </p>
      ) : signedIn ? (
        <>
          {acceptError && (
            <FormBanner
              message={
                isApiError(acceptError) && acceptError.isNotFound
                  ? { headline: t('invite.invalidHeading'), detail: t('invite.invalidBody') }
                  : describeError(acceptError, t)
              }
              code={isApiError(acceptError) ? acceptError.code : undefined}
              testId="invite-error"
            />
          )}
          <p>{t('invite.signedInAs', { name: signedIn.user.name, email: signedIn.user.email })}</p>
          <p className="auth-form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={accept.isPending}
              onClick={() => accept.mutate(token, { onSuccess: (after) => void finish(invite, signedIn, after) })}
              data-testid="invite-join"
            >
              {accept.isPending ? t('invite.joining') : t('invite.join', { workspace: invite.workspaceName })}
            </button>
          </p>
        </>
      ) : (
        <>
          <h2 className="auth-page__subheading">{t('invite.signUpIntro')}</h2>
          <SignUpForm inviteToken={token} onSignedUp={(after) => void finish(invite, null, after)} />
          <p className="auth-page__switch">
            {t('invite.haveAccount')}{' '}
            <Link href={signInPath(invitePath(token))} data-testid="invite-signin-link">
              {t('invite.signInAndReturn')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
