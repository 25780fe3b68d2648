// A stable colour and initials per person, so each viewer keeps the same avatar everywhere.
const PALETTE = ['#6a4c93', '#1982c4', '#8ac926', '#d1495b', '#edae49', '#00798c', '#30638e', '#9c6644'];

export function viewerColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** Up to two letters: the first of the first and last words (any script), upper-cased. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0]!;
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0]! : '';
  return (first + last).toLocaleUpperCase();
}
