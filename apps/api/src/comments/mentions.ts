// Finds `@name` mentions of workspace members in a comment: names match case-insensitively and
// the longest name wins ("@Ana Lee" is Ana Lee, not Ana), since names may hold spaces or be CJK.
export interface MemberName {
  id: string;
  name: string;
}

/** The mentioned members, in order of first mention, each once. */
export function findMentions(body: string, members: readonly MemberName[]): MemberName[] {
  const candidates = members.filter((m) => m.name.trim().length > 0).sort((a, b) => b.name.length - a.name.length);
  const lowered = body.toLowerCase();
  const found = new Map<string, MemberName>();
  for (let at = lowered.indexOf('@'); at >= 0; at = lowered.indexOf('@', at + 1)) {
    const rest = lowered.slice(at + 1);
    const match = candidates.find((m) => rest.startsWith(m.name.toLowerCase()));
    if (match && !found.has(match.id)) found.set(match.id, match);
  }
  return [...found.values()];
}
