// "/settings/tokens": personal API tokens. Create one by name and copy its secret (shown
// once), see when each was last used, revoke after confirming.
import type { CreatedToken, FieldError, TokenSummary } from '@glossa/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { describeError } from '../../ui/describeError';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormBanner } from '../../ui/FormBanner';
import { placeServerErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFocusRequest } from '../../ui/useFocusRequest';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './queries';

export function TokensPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  useDocumentTitle(t('tokens.heading'));
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [banner, setBanner] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focus = useFocusRequest();
  const nameRef = useRef<HTMLInputElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    if (name.trim() === '') {
      setNameError(t('tokens.nameRequired'));
      setBanner(null);
      focus(nameRef);
      return;
    }
    setNameError(undefined);
    setBanner(null);
    setCreated(null);
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
      onError: (error) => {
        const placed = placeServerErrors(error, (path) => (path === 'name' ? 'name' : undefined));
        setNameError(placed.fields.name);
        setBanner(placed.banner ? { error, unplaced: placed.unplaced } : null);
        focus(placed.banner ? bannerRef : nameRef);
      },
    });
  }

  function closeRevoke() {
    setRevoking(null);
    revoke.reset();
  }

  const columns = {
    name: t('tokens.columns.name'),
    created: t('tokens.columns.created'),
    lastUsed: t('tokens.columns.lastUsed'),
  };

  return (
    <section className="page" aria-labelledby="tokens-heading" data-testid="tokens-page">
      <h1 id="tokens-heading" ref={headingRef} tabIndex={-1}>
        {t('tokens.heading')}
      </h1>
      <p className="page__intro">{t('tokens.intro')}</p>

      <section className="panel">
        <form className="inline-form" onSubmit={handleSubmit} noValidate aria-busy={create.isPending}>
          {banner && (
            <FormBanner
              message={describeError(banner.error, t)}
              unplaced={banner.unplaced}
              code={isApiError(banner.error) ? banner.error.code : undefined}
              testId="token-error"
              bannerRef={bannerRef}
            />
          )}
          <div className="inline-form__fields">
            <TextField
              label={t('tokens.name')}
              name="token-name"
              autoComplete="off"
              value={name}
              onChange={(value) => {
                setName(value);
                setNameError(undefined);
              }}
              hint={t('tokens.nameHint')}
              error={nameError}
              inputRef={nameRef}
              testId="token-name"
            />
          </div>
          <p className="inline-form__actions">
            <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="token-create">
              {create.isPending ? t('tokens.creating') : t('tokens.create')}
            </button>
          </p>
        </form>

        {created && (
          <div className="notice notice--success" data-testid="token-created">
            <p className="notice__title">{t('tokens.created', { name: created.name })}</p>
            <CopyField label={t('tokens.secret')} value={created.token} testId="token-secret" />
          </div>
        )}
      </section>

      <h2>{t('tokens.listHeading')}</h2>
      <p className="status-line" role="status">
        {announcement}
      </p>
      {tokens.isPending ? (
        <p className="status" role="status" data-testid="tokens-loading">
          {t('tokens.loading')}
        </p>
      ) : tokens.isError ? (
        <ErrorNotice error={tokens.error} context={t('tokens.loadFailed')} onRetry={() => void tokens.refetch()} testId="tokens-error" />
      ) : tokens.data.items.length === 0 ? (
        <p className="empty" data-testid="tokens-empty">
          {t('tokens.empty')}
        </p>
      ) : (
        <table className="data-table" data-testid="tokens-table">
          <thead>
            <tr>
              <th scope="col">{columns.name}</th>
              <th scope="col">{columns.created}</th>
              <th scope="col">{columns.lastUsed}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id} data-testid="token-row" data-token-id={token.id}>
                <td className="data-table__primary" data-label={columns.name}>
                  {token.name}
                </td>
                <td className="nowrap" data-label={columns.created}>
                  <time dateTime={token.createdAt} title={formatDateTime(token.createdAt, language)}>
                    {formatDate(token.createdAt, language)}
                  </time>
                </td>
                <td className="nowrap" data-label={columns.lastUsed}>
                  {token.lastUsedAt ? <time dateTime={token.lastUsedAt}>{formatDateTime(token.lastUsedAt, language)}</time> : t('tokens.neverUsed')}
                </td>
                <td className="data-table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('tokens.revokeNamed', { name: token.name })}
                    onClick={() => setRevoking(token)}
                    data-testid="token-revoke"
                  >
                    {t('tokens.revoke')}
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
          title={t('tokens.confirmRevokeTitle', { name: revoking.name })}
          confirmLabel={t('tokens.revoke')}
          busyLabel={t('tokens.revoking')}
          busy={revoke.isPending}
          error={revoke.error ? describeError(revoke.error, t) : null}
          onCancel={closeRevoke}
          onConfirm={() => {
            revoke.mutate(revoking, {
              onSuccess: (_, token) => {
                if (created?.id === token.id) setCreated(null);
                closeRevoke();
                setAnnouncement(t('tokens.revoked', { name: token.name }));
                headingRef.current?.focus();
              },
            });
          }}
        >
          <p>{t('tokens.confirmRevokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
