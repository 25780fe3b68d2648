// "/workspaces/new": name a workspace, become its owner, and start working in it.
import type { FieldError } from '@glossa/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { isApiError } from '../../api/client';
import { paths } from '../../paths';
import { describeError } from '../../ui/describeError';
import { FormBanner } from '../../ui/FormBanner';
import { placeServerErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useFocusRequest } from '../../ui/useFocusRequest';
import { useSwitchWorkspace } from '../session/queries';
import { useCreateWorkspace } from './queries';

export function NewWorkspacePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspaces.newHeading'));
  const [, navigate] = useLocation();
  const create = useCreateWorkspace();
  const switchWorkspace = useSwitchWorkspace();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [banner, setBanner] = useState<{ error: unknown; unplaced: FieldError[] } | null>(null);
  const focus = useFocusRequest();
  const nameRef = useRef<HTMLInputElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const busy = create.isPending || switchWorkspace.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setNameError(t('workspaces.nameRequired'));
      setBanner(null);
      focus(nameRef);
      return;
    }
    setNameError(undefined);
    setBanner(null);
    create.mutate(name.trim(), {
      onSuccess: (workspace) =>
        switchWorkspace.mutate(workspace.id, {
          onSettled: () => navigate(paths.documents),
        }),
      onError: (error) => {
        const placed = placeServerErrors(error, (path) => (path === 'name' ? 'name' : undefined));
        setNameError(placed.fields.name);
        setBanner(placed.banner ? { error, unplaced: placed.unplaced } : null);
        focus(placed.banner ? bannerRef : nameRef);
      },
    });
  }

  return (
    <section className="page auth-page" aria-labelledby="new-workspace-heading" data-testid="new-workspace-page">
      <h1 id="new-workspace-heading">{t('workspaces.newHeading')}</h1>
      <p className="auth-page__intro">{t('workspaces.intro')}</p>
      <form className="auth-form" onSubmit={handleSubmit} noValidate aria-busy={busy}>
        {banner && (
          <FormBanner
            message={describeError(banner.error, t)}
            unplaced={banner.unplaced}
            code={isApiError(banner.error) ? banner.error.code : undefined}
            testId="workspace-error"
            bannerRef={bannerRef}
          />
        )}
        <TextField
          label={t('workspaces.name')}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(value) => {
            setName(value);
            setNameError(undefined);
          }}
          error={nameError}
          inputRef={nameRef}
          testId="workspace-name"
        />
        <p className="auth-form__actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="workspace-create">
            {busy ? t('workspaces.creating') : t('workspaces.create')}
          </button>
        </p>
      </form>
    </section>
  );
}
