// Finds U+0000 in a request's JSON body or query string. PostgreSQL text cannot hold it, so a
// NUL that reached a query used to surface as a 500; the guard refuses it as a 400 on the field.
// A document's `content` is left to the import policy, which answers 415 (docs/IMPORTS.md).

/** Body keys (top level) whose text another check owns. */
const CHECKED_ELSEWHERE = new Set(['content']);

/** Nodes visited at most; JSON bodies are capped in size, this bounds the walk as well. */
const MAX_VISITED = 100_000;

/** The path of the first string (or key) holding U+0000, like "note" or "annotationIds.1"; null when clean. */
export function findNulCharacter(input: unknown, skipTopLevel: ReadonlySet<string> = CHECKED_ELSEWHERE): string | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: input, path: [] }];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_VISITED) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path.join('.') || '(body)';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (path.length === 0 && skipTopLevel.has(key)) continue;
      if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '\\u0000')].join('.');
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
