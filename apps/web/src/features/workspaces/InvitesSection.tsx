// Invite links on the members page: pick a role and an expiry, get a single-use link
// shown once with a Copy button, and see or revoke the invites nobody has used yet.
import { ROLES, type CreatedInvite, type InviteSummary, type Role } from '@glossa/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { describeError } from '../../ui/describeError';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormBanner } from '../../ui/FormBanner';
import { useCreateInvite, useInvites, useRevokeInvite } from './queries';

/** Offered lifetimes of a link, in days; sent as hours. */
const EXPIRY_DAYS = [1, 3, 7, 30] as const;
const DEFAULT_EXPIRY_DAYS = 7;
const DEFAULT_ROLE: Role = 'analyst';

/** The full address to send: the server answers with a path on this site. */
export function inviteLink(invite: Pick<CreatedInvite, 'url'>, origin: string): string {
  return new URL(invite.url, origin).href;
}

export function InvitesSection({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const id = useId();
  const [role, setRole] = useState<Role>(DEFAULT_ROLE);
  const [days, setDays] = useState<number>(DEFAULT_EXPIRY_DAYS);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [revoking, setRevoking] = useState<InviteSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const create = useCreateInvite(workspaceId);
  const invites = useInvites(workspaceId, true);
  const revoke = useRevokeInvite(workspaceId);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setCreated(null);
    create.mutate({ role, expiresInHours: days * 24 }, { onSuccess: setCreated });
  }

  function closeRevoke() {
    setRevoking(null);
    revoke.reset();
  }

  const createError = create.error;
  const columns = {
    role: t('invites.columns.role'),
    expires: t('invites.columns.expires'),
    createdBy: t('invites.columns.createdBy'),
    created: t('invites.columns.created'),
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="invites-section">
      <h2 id={`${id}-heading`}>{t('invites.heading')}</h2>
      <p className="panel__intro">{t('invites.intro')}</p>

      <form className="inline-form" onSubmit={handleSubmit} noValidate aria-busy={create.isPending} data-testid="invite-form">
        {createError && (
          <FormBanner
            message={describeError(createError, t)}
            unplaced={createError instanceof ApiError && createError.status === 400 ? createError.fields : []}
            code={isApiError(createError) ? createError.code : undefined}
            testId="invite-error"
          />
        )}
        <div className="inline-form__fields">
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('invites.role')}</label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
              aria-describedby={`${id}-role-hint`}
              data-testid="invite-role"
            >
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`roles.${value}`)}
                </option>
              ))}
            </select>
            <p id={`${id}-role-hint`} className="field__hint">
              {t(`roleHints.${role}`)}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-expiry`}>{t('invites.expiry')}</label>
            <select id={`${id}-expiry`} value={days} onChange={(event) => setDays(Number(event.target.value))} data-testid="invite-expiry">
              {EXPIRY_DAYS.map((value) => (
                <option key={value} value={value}>
                  {t('invites.expiryDays', { count: value })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="inline-form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="invite-create">
            {create.isPending ? t('invites.creating') : t('invites.create')}
          </button>
        </p>
      </form>

      {created && (
        <div className="notice notice--success" data-testid="invite-created" data-invite-id={created.id} data-role={created.role}>
          <p className="notice__title">{t('invites.created', { role: t(`roles.${created.role}`), date: formatDateTime(created.expiresAt, language) })}</p>
          <CopyField label={t('invites.link')} value={inviteLink(created, window.location.origin)} testId="invite-link" />
        </div>
      )}

      <h3>{t('invites.pendingHeading')}</h3>
      <p className="status-line" role="status">
        {announcement}
      </p>
      {invites.isPending ? (
        <p className="status" role="status">
          {t('members.loading')}
        </p>
      ) : invites.isError ? (
        <ErrorNotice error={invites.error} context={t('invites.pendingLoadFailed')} onRetry={() => void invites.refetch()} testId="invites-error" />
      ) : invites.data.items.length === 0 ? (
        <p className="empty" data-testid="invites-empty">
          {t('invites.pendingEmpty')}
        </p>
      ) : (
        <table className="data-table" data-testid="invites-table">
          <thead>
            <tr>
              <th scope="col">{columns.role}</th>
              <th scope="col">{columns.expires}</th>
              <th scope="col">{columns.createdBy}</th>
              <th scope="col">{columns.created}</th>
              <th scope="col">
                <span className="visually-hidden">{t('invites.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.data.items.map((invite) => (
              <tr key={invite.id} data-testid="invite-row" data-invite-id={invite.id} data-role={invite.role}>
                <td className="data-table__primary" data-label={columns.role}>
                  {t(`roles.${invite.role}`)}
                </td>
                <td className="nowrap" data-label={columns.expires}>
                  <time dateTime={invite.expiresAt}>{formatDateTime(invite.expiresAt, language)}</time>
                </td>
                <td data-label={columns.createdBy}>{invite.createdBy.name}</td>
                <td className="nowrap" data-label={columns.created}>
                  <time dateTime={invite.createdAt} title={formatDateTime(invite.createdAt, language)}>
                    {formatDate(invite.createdAt, language)}
                  </time>
                </td>
                <td className="data-table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('invites.revokeLabel', { role: t(`roles.${invite.role}`), date: formatDateTime(invite.createdAt, language) })}
                    onClick={() => setRevoking(invite)}
                    data-testid="invite-revoke"
                  >
                    {t('invites.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {revoking && (
        <ConfirmDialog
          open
          title={t('invites.confirmRevokeTitle')}
          confirmLabel={t('invites.revoke')}
          busyLabel={t('invites.revoking')}
          busy={revoke.isPending}
          error={revoke.error ? describeError(revoke.error, t) : null}
          onCancel={closeRevoke}
          onConfirm={() => {
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                if (created?.id === revoking.id) setCreated(null);
                closeRevoke();
                setAnnouncement(t('invites.revoked'));
              },
            });
          }}
        >
          <p>{t('invites.confirmRevokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
