// `@name` mentions in a comment box: find the `@query` being typed, rank members for it, and
// insert the chosen `@Name ` (the API matches mentions by name, docs/REVIEW.md).
export interface Mentionable {
  userId: string;
  name: string;
}

const MAX_OPTIONS = 8;

/** The `@query` that ends at `caret`, when the `@` starts a word; null otherwise. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(（，。,;；:：!！?？])@([^\s@]{0,40})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Members whose name starts with the query first, then those containing it; case-insensitive. */
export function matchMembers<T extends Mentionable>(members: readonly T[], query: string): T[] {
  const q = query.toLocaleLowerCase();
  const starts: T[] = [];
  const contains: T[] = [];
  for (const m of members) {
    const name = m.name.toLocaleLowerCase();
    if (name.startsWith(q)) starts.push(m);
    else if (name.includes(q)) contains.push(m);
  }
  return [...starts, ...contains].slice(0, MAX_OPTIONS);
}

/** The text with `@query` (from `start` to `caret`) replaced by `@Name `, and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

