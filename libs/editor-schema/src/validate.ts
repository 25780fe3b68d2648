// Checks untrusted ProseMirror JSON against the schema without recursion, so a
// 10,000-deep or million-node document is refused before it can blow the stack.
import type { Node as PMNode } from 'prosemirror-model';
import { isSafeHref, schema } from './schema';

export interface DocLimits {
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_DOC_LIMITS: DocLimits = { maxDepth: 32, maxNodes: 200_000 };

export type DocCheck = { ok: true; doc: PMNode } | { ok: false; path: string; reason: string };

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkAttrs(attrs: unknown, allowed: Record<string, unknown>, path: string): string | null {
  if (attrs === undefined) return null;
  if (!isPlainObject(attrs)) return `${path}.attrs must be an object`;
  for (const key of Object.keys(attrs)) {
    if (!Object.prototype.hasOwnProperty.call(allowed, key)) return `${path}.attrs.${key} is not an attribute of this node`;
  }
  return null;
}

/** Structural pre-check of raw JSON, then ProseMirror's own content and attribute checks. */
export function validateDocJson(json: unknown, limits: DocLimits = DEFAULT_DOC_LIMITS): DocCheck {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: json, path: 'doc', depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++count > limits.maxNodes) return { ok: false, path, reason: `more than ${limits.maxNodes} nodes` };
    if (depth > limits.maxDepth) return { ok: false, path, reason: `nested deeper than ${limits.maxDepth}` };
    if (!isPlainObject(value)) return { ok: false, path, reason: 'must be an object' };
    for (const key of Object.keys(value)) {
      if (!NODE_KEYS.has(key)) return { ok: false, path, reason: `unknown key "${key}"` };
    }
    const type = typeof value.type === 'string' ? schema.nodes[value.type] : undefined;
    if (!type || !Object.prototype.hasOwnProperty.call(schema.nodes, value.type as string)) {
      return { ok: false, path, reason: `unknown node type ${JSON.stringify(String(value.type)).slice(0, 40)}` };
    }
    const attrError = checkAttrs(value.attrs, type.spec.attrs ?? {}, path);
    if (attrError) return { ok: false, path, reason: attrError };
    if (value.text !== undefined && typeof value.text !== 'string') return { ok: false, path, reason: 'text must be a string' };
    if (value.marks !== undefined) {
      if (!Array.isArray(value.marks)) return { ok: false, path, reason: 'marks must be an array' };
      for (const [i, mark] of value.marks.entries()) {
        const markPath = `${path}.marks[${i}]`;
        if (!isPlainObject(mark)) return { ok: false, path: markPath, reason: 'must be an object' };
        for (const key of Object.keys(mark)) {
          if (!MARK_KEYS.has(key)) return { ok: false, path: markPath, reason: `unknown key "${key}"` };
        }
        const markType = typeof mark.type === 'string' && Object.prototype.hasOwnProperty.call(schema.marks, mark.type) ? schema.marks[mark.type] : undefined;
        if (!markType) return { ok: false, path: markPath, reason: 'unknown mark type' };
        const markAttrError = checkAttrs(mark.attrs, markType.spec.attrs ?? {}, markPath);
        if (markAttrError) return { ok: false, path: markPath, reason: markAttrError };
        if (markType.name === 'link' && !isSafeHref((mark.attrs as Record<string, unknown> | undefined)?.href)) {
          return { ok: false, path: markPath, reason: 'link href must be http, https, mailto or relative' };
        }
      }
    }
    if (value.content !== undefined) {
      if (!Array.isArray(value.content)) return { ok: false, path, reason: 'content must be an array' };
      value.content.forEach((child, i) => stack.push({ value: child, path: `${path}.content[${i}]`, depth: depth + 1 }));
    }
  }
  try {
    const doc = schema.nodeFromJSON(json);
    if (doc.type !== schema.topNodeType) return { ok: false, path: 'doc', reason: 'top node must be a doc' };
    doc.check();
    return { ok: true, doc };
  } catch (error) {
    return { ok: false, path: 'doc', reason: error instanceof Error ? error.message.slice(0, 200) : 'invalid document' };
  }
}
