// A comment thread as a tree: the API lists comments oldest first with `parentId`; replies are
// grouped under their parent, and a reply whose parent is not in the list shows at the top level.
export interface Threaded {
  id: string;
  parentId: string | null;
}

/** Children per parent id (null: the top level), each list in the order given. */
export function buildThread<T extends Threaded>(comments: readonly T[]): Map<string | null, T[]> {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string | null, T[]>();
  for (const c of comments) {
    const key = c.parentId !== null && ids.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    const list = children.get(key);
    if (list) list.push(c);
    else children.set(key, [c]);
  }
  return children;
}
