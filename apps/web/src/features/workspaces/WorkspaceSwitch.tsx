// Header control choosing the current workspace: the server remembers the choice
// (PATCH /api/me), every list is read again, and a page tied to the old workspace follows.
import type { Me } from '@glossa/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { membersPath, paths } from '../../paths';
import { currentWorkspace } from '../session/SessionContext';
import { useSwitchWorkspace } from '../session/queries';

const MEMBERS_PAGE = /^\/workspaces\/[^/]+\/members$/;
const DOCUMENT_PAGE = /^\/documents\//;

export function WorkspaceSwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const id = useId();
  const [location, navigate] = useLocation();
  const switchWorkspace = useSwitchWorkspace();
  const current = currentWorkspace(me);

  if (!current) {
    return (
      <Link href={paths.newWorkspace} data-testid="nav-new-workspace">
        {t('header.newWorkspace')}
      </Link>
    );
  }

  function choose(workspaceId: string) {
    switchWorkspace.mutate(workspaceId, {
      onSuccess: () => {
        // A document or member list of the old workspace has no place in the new one.
        if (MEMBERS_PAGE.test(location)) navigate(membersPath(workspaceId));
        else if (DOCUMENT_PAGE.test(location)) navigate(paths.documents);
      },
    });
  }

  return (
    <div className="workspace-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('header.workspace')}
      </label>
      <select
        id={id}
        value={switchWorkspace.isPending ? switchWorkspace.variables : current.id}
        disabled={switchWorkspace.isPending}
        onChange={(event) => choose(event.target.value)}
        aria-invalid={switchWorkspace.isError ? true : undefined}
        aria-describedby={switchWorkspace.isError ? `${id}-error` : undefined}
        data-testid="workspace-switch"
      >
        {me.workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {t('header.workspaceOption', { name: workspace.name, role: t(`roles.${workspace.role}`) })}
          </option>
        ))}
      </select>
      {switchWorkspace.isError && (
        <span id={`${id}-error`} className="workspace-switch__error" role="alert" data-testid="workspace-switch-error">
          {t('header.switchFailed')}
        </span>
      )}
    </div>
  );
}
