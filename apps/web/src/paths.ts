// Browser routes of the web app (the API's routes live in @glossa/contracts).

export const paths = {
  documents: '/',
  document: '/documents/:id',
  signIn: '/signin',
  signUp: '/signup',
  invite: '/invite/:token',
  members: '/workspaces/:id/members',
  newWorkspace: '/workspaces/new',
  tokens: '/settings/tokens',
  review: '/review',
  link: '/review/links/:id',
  notifications: '/notifications',
} as const;

export function documentPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

export function membersPath(workspaceId: string): string {
  return `/workspaces/${encodeURIComponent(workspaceId)}/members`;
}

export function invitePath(token: string): string {
  return `/invite/${encodeURIComponent(token)}`;
}

export function linkPath(id: string): string {
  return `/review/links/${encodeURIComponent(id)}`;
}
