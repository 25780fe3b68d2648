// Browser routes of the web app (the API's routes live in @glossa/contracts).

export const paths = {
  documents: '/',
  document: '/documents/:id',
} as const;

export function documentPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}
