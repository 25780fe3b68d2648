// The checks every imported document must pass whatever its source, shared by the suites:
// only the schema's node and mark names, only typed attributes, only safe links, bounded depth.
import { MAX_BLOCK_DEPTH } from '@glossa/contracts';
import { isSafeHref } from '@glossa/editor-schema';

/** Spelled out rather than read from the schema, so a schema change cannot hide a leak. */
export const SCHEMA_NODE_TYPES = new Set([
  'doc', 'paragraph', 'heading', 'blockquote', 'horizontal_rule', 'code_block',
  'ordered_list', 'bullet_list', 'list_item', 'text', 'hard_break',
]);
export const SCHEMA_MARK_TYPES = new Set(['link', 'em', 'strong', 'code']);
export const ALLOWED_ATTRS = new Set(['level', 'order', 'href', 'title']);

interface JsonNode {
  type?: unknown;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type?: unknown; attrs?: Record<string, unknown> }>;
  content?: JsonNode[];
  text?: unknown;
}

/** Everything wrong with a document's JSON, walked with a stack (the input may be deep). */
export function schemaViolations(json: unknown): string[] {
  const problems: string[] = [];
  const stack: Array<{ node: JsonNode; depth: number }> = [{ node: json as JsonNode, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_BLOCK_DEPTH) problems.push(`depth ${depth}`);
    if (!SCHEMA_NODE_TYPES.has(String(node.type))) problems.push(`node type ${String(node.type)}`);
    for (const key of Object.keys(node.attrs ?? {})) if (!ALLOWED_ATTRS.has(key)) problems.push(`attr ${key}`);
    for (const mark of node.marks ?? []) {
      if (!SCHEMA_MARK_TYPES.has(String(mark.type))) problems.push(`mark type ${String(mark.type)}`);
      for (const key of Object.keys(mark.attrs ?? {})) if (!ALLOWED_ATTRS.has(key)) problems.push(`mark attr ${key}`);
      if (mark.type === 'link' && !isSafeHref(mark.attrs?.href)) problems.push(`href ${String(mark.attrs?.href)}`);
    }
    for (const child of node.content ?? []) stack.push({ node: child, depth: depth + 1 });
  }
  return problems;
}

/** Depth of the deepest node, counted like validateDocJson (doc = 1). */
export function maxDepth(json: unknown): number {
  let deepest = 0;
  const stack: Array<{ node: JsonNode; depth: number }> = [{ node: json as JsonNode, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.content ?? []) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/** All text of a document's JSON, blocks joined by newlines. */
export function jsonText(json: unknown): string {
  const parts: string[] = [];
  const stack: JsonNode[] = [json as JsonNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.text === 'string') parts.push(node.text);
    else if (node.type === 'paragraph' || node.type === 'heading') parts.push('\n');
    for (const child of [...(node.content ?? [])].reverse()) stack.push(child);
  }
  return parts.join('');
}

/** Small builders for expected JSON, so the case tables stay readable. */
export const j = {
  doc: (...content: unknown[]) => ({ type: 'doc', content }),
  p: (...content: unknown[]) => (content.length === 0 ? { type: 'paragraph' } : { type: 'paragraph', content }),
  h: (level: number, ...content: unknown[]) => ({ type: 'heading', attrs: { level }, content }),
  quote: (...content: unknown[]) => ({ type: 'blockquote', content }),
  ul: (...content: unknown[]) => ({ type: 'bullet_list', content }),
  ol: (order: number, ...content: unknown[]) => ({ type: 'ordered_list', attrs: { order }, content }),
  li: (...content: unknown[]) => ({ type: 'list_item', content }),
  code: (text: string) => ({ type: 'code_block', content: [{ type: 'text', text }] }),
  hr: () => ({ type: 'horizontal_rule' }),
  br: (marks?: unknown[]) => (marks ? { type: 'hard_break', marks } : { type: 'hard_break' }),
  t: (text: string, ...marks: unknown[]) => (marks.length === 0 ? { type: 'text', text } : { type: 'text', marks, text }),
  strong: { type: 'strong' },
  em: { type: 'em' },
  codeMark: { type: 'code' },
  link: (href: string, title: string | null = null) => ({ type: 'link', attrs: { href, title } }),
};
