// "/workspaces/:id/members": who is in the workspace and with which role. Those allowed
// to manage members change roles, remove people (after confirming) and invite.
import { ROLES, type Member, type Role, type WorkspaceSummary } from '@glossa/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSession } from '../session/SessionContext';
import { InvitesSection } from './InvitesSection';
import { describeMemberError } from './memberErrors';
import { useChangeMemberRole, useMembers, useRemoveMember } from './queries';

export function MembersPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const workspace = me.workspaces.find((candidate) => candidate.id === workspaceId);
  useDocumentTitle(workspace ? t('members.headingIn', { workspace: workspace.name }) : t('members.heading'));

  if (!workspace) {
    // Not a member (or no such workspace): the same answer either way, as the API gives.
    return (
      <section className="page page--message" data-testid="members-not-found">
        <h1>{t('notFound.heading')}</h1>
        <p>{t('members.notMember')}</p>
      </section>
    );
  }
  return <WorkspaceMembers key={workspace.id} workspace={workspace} selfId={me.user.id} />;
}

function WorkspaceMembers({ workspace, selfId }: { workspace: WorkspaceSummary; selfId: string }) {
  const { t } = useTranslation();
  const members = useMembers(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const canManage = workspace.abilities.manageMembers;
  const [removing, setRemoving] = useState<Member | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  function closeRemoval() {
    setRemoving(null);
    remove.reset();
  }

  return (
    <section className="page" aria-labelledby="members-heading" data-testid="members-page">
      <div className="page__header">
        <div>
          <h1 id="members-heading" ref={headingRef} tabIndex={-1}>
            {t('members.headingIn', { workspace: workspace.name })}
          </h1>
          <p className="page__subtitle" data-testid="my-role" data-role={workspace.role}>
            {t('members.yourRole', { role: t(`roles.${workspace.role}`) })}
          </p>
        </div>
      </div>

      <p className="status-line" role="status" data-testid="members-status">
        {announcement}
      </p>

      {members.isPending ? (
        <p className="status" role="status" data-testid="members-loading">
          {t('members.loading')}
        </p>
      ) : members.isError ? (
        <ErrorNotice error={members.error} context={t('members.loadFailed')} onRetry={() => void members.refetch()} testId="members-error" />
      ) : (
        <table className="data-table" data-testid="members-table">
          <thead>
            <tr>
              <th scope="col">{t('members.columns.name')}</th>
              <th scope="col">{t('members.columns.email')}</th>
              <th scope="col">{t('members.columns.role')}</th>
              <th scope="col">{t('members.columns.joined')}</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t('members.columns.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.data.items.map((member) => (
              <MemberRow
                key={member.userId}
                workspaceId={workspace.id}
                member={member}
                isSelf={member.userId === selfId}
                canManage={canManage}
                onRemove={() => setRemoving(member)}
                onRoleChanged={(changed) => setAnnouncement(t('members.roleChanged', { name: changed.name, role: t(`roles.${changed.role}`) }))}
              />
            ))}
          </tbody>
        </table>
      )}

      {canManage && removing && (
        <ConfirmDialog
          open
          title={t('members.confirmRemoveTitle', { name: removing.name })}
          confirmLabel={t('members.remove')}
          busyLabel={t('members.removing')}
          busy={remove.isPending}
          error={remove.error ? describeMemberError(remove.error, t) : null}
          onCancel={closeRemoval}
          onConfirm={() => {
            remove.mutate(removing, {
              onSuccess: (_, member) => {
                closeRemoval();
                setAnnouncement(t('members.removed', { name: member.name }));
                headingRef.current?.focus();
              },
            });
          }}
        >
          <p>{t('members.confirmRemoveBody', { name: removing.name, workspace: workspace.name })}</p>
        </ConfirmDialog>
      )}

      {canManage && <InvitesSection workspaceId={workspace.id} />}
    </section>
  );
}

interface MemberRowProps {
  workspaceId: string;
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  onRemove: () => void;
  onRoleChanged: (member: Member) => void;
}

function MemberRow({ workspaceId, member, isSelf, canManage, onRemove, onRoleChanged }: MemberRowProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const change = useChangeMemberRole(workspaceId);
  const errorId = `member-error-${member.userId}`;
  // While saving, show the chosen role; on a refusal the server's role comes back.
  const shownRole: Role = change.isPending ? change.variables.role : member.role;
  const columns = { name: t('members.columns.name'), email: t('members.columns.email'), role: t('members.columns.role'), joined: t('members.columns.joined') };

  return (
    <tr data-testid="member-row" data-user-id={member.userId} data-email={member.email} data-role={member.role}>
      <td className="data-table__primary" data-label={columns.name}>
        {member.name}
        {isSelf && <span className="muted"> {t('members.you')}</span>}
      </td>
      <td data-label={columns.email}>{member.email}</td>
      <td data-label={columns.role}>
        {/* Nobody changes their own role (the server refuses), so one's own row shows it as text. */}
        {canManage && !isSelf ? (
          <select
            className="inline-select"
            aria-label={t('members.roleOf', { name: member.name })}
            aria-invalid={change.isError ? true : undefined}
            aria-describedby={change.isError ? errorId : undefined}
            value={shownRole}
            disabled={change.isPending}
            onChange={(event) => {
              const role = event.target.value as Role;
              change.mutate({ userId: member.userId, role }, { onSuccess: onRoleChanged });
            }}
            data-testid="member-role-select"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          <span data-testid="member-role">{t(`roles.${member.role}`)}</span>
        )}
        {change.isError && (
          <MemberError id={errorId} error={change.error} />
        )}
      </td>
      <td className="nowrap" data-label={columns.joined}>
        <time dateTime={member.joinedAt} title={formatDateTime(member.joinedAt, language)}>
          {formatDate(member.joinedAt, language)}
        </time>
      </td>
      {canManage && (
        <td className="data-table__actions">
          <button type="button" className="button button--small" aria-label={t('members.removeNamed', { name: member.name })} onClick={onRemove} data-testid="member-remove">
            {t('members.remove')}
          </button>
        </td>
      )}
    </tr>
  );
}

function MemberError({ id, error }: { id: string; error: unknown }) {
  const { t } = useTranslation();
  const { headline, detail } = describeMemberError(error, t);
  return (
    <p id={id} className="field__error" role="alert" data-testid="member-error">
      {headline}
      {detail && <span className="field__error-detail"> {detail}</span>}
    </p>
  );
}
