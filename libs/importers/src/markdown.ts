// Markdown import: markdown-it tokens mapped onto the Glossa schema by prosemirror-markdown,
// with raw HTML left as literal text, images dropped, unsafe links refused and nesting bounded.
import MarkdownIt from 'markdown-it';
import { MarkdownParser, type ParseSpec } from 'prosemirror-markdown';
import type { Node as PMNode } from 'prosemirror-model';
import { MAX_BLOCK_DEPTH } from '@glossa/contracts';
import { isSafeHref, MAX_HEADING_LEVEL, schema } from '@glossa/editor-schema';
import { canOpenBlockquote, canOpenList, DOC_DEPTH } from './nesting';
import { listOrder } from './list-order';

type Token = MarkdownIt.Token;
type StateBlock = MarkdownIt.StateBlock;
type StateCore = MarkdownIt.StateCore;

/**
 * markdown-it recurses once per blockquote or list level and silently drops everything below
 * `maxNesting`. Below LITERAL_LEVEL our own rule takes the rest of the container as one literal
 * paragraph instead, so deep input keeps its words and the recursion stays shallow.
 */
const LITERAL_LEVEL = 2 * MAX_BLOCK_DEPTH;
/** markdown-it's default; it must stay above LITERAL_LEVEL so the literal rule gets to run. */
const MARKDOWN_MAX_NESTING = 100;
const LITERAL_RULE = 'glossa_literal_below_depth';
const FIRST_BLOCK_RULE = 'table';
const TIDY_RULE = 'glossa_tidy_tokens';

const OPEN = 1;
const CLOSE = -1;
const BLOCKQUOTE_OPEN = 'blockquote_open';
const LIST_ITEM_OPEN = 'list_item_open';
const CONTAINER_OPEN = new Set([BLOCKQUOTE_OPEN, 'bullet_list_open', 'ordered_list_open', LIST_ITEM_OPEN]);
const CONTAINER_CLOSE = new Set(['blockquote_close', 'bullet_list_close', 'ordered_list_close', 'list_item_close']);
const SOFTBREAK = 'softbreak';
const TEXT = 'text';
const INLINE = 'inline';
const IMAGE = 'image';
const LINK_OPEN = 'link_open';
const LINK_CLOSE = 'link_close';
const HREF = 'href';
const TITLE = 'title';
const START = 'start';
const PARAGRAPH_OPEN = 'paragraph_open';
const PARAGRAPH_CLOSE = 'paragraph_close';
const PARAGRAPH_TAG = 'p';

const VISIBLE = /\S/u;
const LEADING_SPACES = /^[ \t]+/;
const TRAILING_SPACES = /[ \t]+$/;
/**
 * Characters between which a line break is not a word space (CSS Text 3 segment-break rule):
 * Han, kana and full-width forms. Hangul is left out because Korean separates words by spaces.
 */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF01-\uFF60]/u;

/**
 * Level-limited rule placed before every other block rule: from LITERAL_LEVEL down, the remaining
 * lines of the container become one paragraph of plain text (with its `>`/`-` markers intact).
 */
function literalBelowDepth(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level < LITERAL_LEVEL || silent) return false;
  const content = state.getLines(startLine, endLine, state.blkIndent, false).trim();
  state.line = endLine;
  const open = state.push(PARAGRAPH_OPEN, PARAGRAPH_TAG, OPEN);
  open.map = [startLine, endLine];
  const inline = state.push(INLINE, '', 0);
  inline.content = content;
  inline.map = [startLine, endLine];
  inline.children = [];
  state.push(PARAGRAPH_CLOSE, PARAGRAPH_TAG, CLOSE);
  return true;
}

/**
 * Unwraps blockquotes and lists that would nest deeper than MAX_BLOCK_DEPTH: their contents
 * stay, in order, inside the deepest container that fits. The token stream is flat, so this is
 * one loop with a stack, whatever the depth.
 */
function clampNesting(tokens: Token[]): Token[] {
  const kept: boolean[] = [];
  const out: Token[] = [];
  let depth = DOC_DEPTH;
  for (const token of tokens) {
    if (token.nesting === OPEN && CONTAINER_OPEN.has(token.type)) {
      const keep =
        token.type === LIST_ITEM_OPEN
          ? kept[kept.length - 1] === true // an item lives or goes with its list, whose budget covered it
          : token.type === BLOCKQUOTE_OPEN
            ? canOpenBlockquote(depth)
            : canOpenList(depth);
      kept.push(keep);
      if (!keep) continue;
      depth++;
    } else if (token.nesting === CLOSE && CONTAINER_CLOSE.has(token.type)) {
      if (!kept.pop()) continue;
      depth--;
    }
    out.push(token);
  }
  return out;
}

/** Drops the word space markdown-it would put at a line break between two CJK characters. */
function joinWideLines(children: Token[]): void {
  for (let i = 1; i < children.length - 1; i++) {
    const [before, current, after] = [children[i - 1]!, children[i]!, children[i + 1]!];
    if (current.type !== SOFTBREAK || before.type !== TEXT || after.type !== TEXT) continue;
    // The last two units hold the last code point even when it is a surrogate pair.
    const last = Array.from(before.content.slice(-2)).pop();
    const first = after.content.codePointAt(0);
    if (last !== undefined && first !== undefined && WIDE.test(last) && WIDE.test(String.fromCodePoint(first))) {
      current.type = TEXT;
      current.content = '';
    }
  }
}

/**
 * Removes images (the schema has none) and links whose target the schema refuses (`ftp:`,
 * `page.html`, `//host`): the link's words stay as plain text. markdown-it has already left
 * `javascript:`, `vbscript:`, `file:` and `data:` links unparsed, as literal text.
 */
function dropUnsupportedInline(children: Token[]): Token[] {
  const out: Token[] = [];
  const linkKept: boolean[] = [];
  for (const child of children) {
    if (child.type === IMAGE) continue;
    if (child.type === LINK_OPEN) {
      const keep = isSafeHref(child.attrGet(HREF));
      linkKept.push(keep);
      if (!keep) continue;
    } else if (child.type === LINK_CLOSE && !linkKept.pop()) {
      continue;
    }
    out.push(child);
  }
  return out;
}

/** A removed image can leave the space that separated it at the edge of its paragraph. */
function trimEdges(children: Token[]): void {
  const first = children[0];
  const last = children[children.length - 1];
  if (first?.type === TEXT) first.content = first.content.replace(LEADING_SPACES, '');
  if (last?.type === TEXT) last.content = last.content.replace(TRAILING_SPACES, '');
}

/** Cleans the inline runs and drops paragraphs that held nothing but an image (`![]()`). */
function tidyInline(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === INLINE && token.children) {
      const hadImage = token.children.some((child) => child.type === IMAGE);
      token.children = dropUnsupportedInline(token.children);
      joinWideLines(token.children);
      if (hadImage) trimEdges(token.children);
      const imageOnly = hadImage && token.children.every((child) => !VISIBLE.test(child.content));
      if (imageOnly && out[out.length - 1]?.type === PARAGRAPH_OPEN && tokens[i + 1]?.type === PARAGRAPH_CLOSE) {
        out.pop();
        i++;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

function createTokenizer(): MarkdownIt.MarkdownIt {
  // `html: false` turns raw HTML (`<script>`, `<img onerror>`) into literal text; linkify and
  // typographer stay off so the stored characters are the ones the author wrote.
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, maxNesting: MARKDOWN_MAX_NESTING });
  md.block.ruler.before(FIRST_BLOCK_RULE, LITERAL_RULE, literalBelowDepth, { alt: [] });
  md.core.ruler.push(TIDY_RULE, (state: StateCore) => {
    state.tokens = tidyInline(clampNesting(state.tokens));
  });
  return md;
}

function headingLevel(tag: string): number {
  const level = Number(tag.slice(1));
  return Number.isInteger(level) && level >= 1 && level <= MAX_HEADING_LEVEL ? level : 1;
}

/** How each markdown-it token becomes a node or mark of the shared schema. */
const TOKEN_SPEC: Record<string, ParseSpec> = {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  heading: { block: 'heading', getAttrs: (token) => ({ level: headingLevel(token.tag) }) },
  bullet_list: { block: 'bullet_list' },
  ordered_list: { block: 'ordered_list', getAttrs: (token) => ({ order: listOrder(token.attrGet(START)) }) },
  list_item: { block: 'list_item' },
  code_block: { block: 'code_block', noCloseToken: true },
  fence: { block: 'code_block', noCloseToken: true },
  hr: { node: 'horizontal_rule' },
  hardbreak: { node: 'hard_break' },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  code_inline: { mark: 'code', noCloseToken: true },
  link: {
    mark: 'link',
    getAttrs: (token) => ({ href: token.attrGet(HREF), title: token.attrGet(TITLE) || null }),
  },
  // Images are removed by tidyInline (the schema has none); this is the parser's fallback.
  image: { ignore: true, noCloseToken: true },
  // Strikethrough has no mark in the schema; the struck words themselves are kept.
  s: { ignore: true },
  // Tables have no node: each cell becomes a paragraph, in reading order.
  table: { ignore: true },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { ignore: true },
  th: { block: 'paragraph' },
  td: { block: 'paragraph' },
};

let parser: MarkdownParser | undefined;

/** Parses Markdown (CommonMark plus tables) into a document of the shared schema. */
export function parseMarkdown(text: string): PMNode {
  parser ??= new MarkdownParser(schema, createTokenizer(), TOKEN_SPEC);
  return parser.parse(text);
}
