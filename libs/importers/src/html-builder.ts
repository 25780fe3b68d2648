// Builds schema nodes from a stream of HTML open/close/text events: collapses whitespace as a
// browser would, wraps loose inline content in paragraphs and keeps nesting within budget.
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { isSafeHref, MAX_HEADING_LEVEL, schema } from '@glossa/editor-schema';
import { BOUNDARY_TAG } from './sanitizer';
import { canOpenBlockquote, canOpenList, DOC_DEPTH } from './nesting';
import { DEFAULT_LIST_ORDER, listOrder } from './list-order';
import { emptyDoc } from './empty-document';

type Attributes = Record<string, string | undefined>;

/** What leaving an element has to undo or finish. */
export type ExitAction =
  | { kind: 'none' }
  | { kind: 'marks'; previous: readonly Mark[] }
  | { kind: 'textblock' }
  | { kind: 'boundary' }
  | { kind: 'frame'; frame: Frame }
  | { kind: 'pre' };

type ContainerKind = 'doc' | 'blockquote' | 'bullet_list' | 'ordered_list' | 'list_item';

interface Frame {
  kind: ContainerKind;
  depth: number;
  order: number;
  /** A list_item opened only to hold content that sat directly inside a list. */
  implicit: boolean;
  children: PMNode[];
}

const NONE: ExitAction = { kind: 'none' };
const BOUNDARY: ExitAction = { kind: 'boundary' };
const TEXTBLOCK: ExitAction = { kind: 'textblock' };

const PARAGRAPH_LEVEL = 0;
const HEADING_TAG = /^h([1-6])$/;
/** HTML's collapsible white space; U+00A0 and U+3000 are not in it and survive. */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const SPACE = ' ';
const TRAILING_SPACES = / +$/;
const NEWLINE = '\n';
const MARK_TAGS: Record<string, string> = { em: 'em', strong: 'strong', code: 'code' };

export class HtmlDocBuilder {
  private readonly frames: Frame[] = [{ kind: 'doc', depth: DOC_DEPTH, order: DEFAULT_LIST_ORDER, implicit: false, children: [] }];
  private inline: PMNode[] = [];
  /** 0 for a paragraph, else the heading level the pending inline content belongs to. */
  private textblockLevel = PARAGRAPH_LEVEL;
  private marks: readonly Mark[] = [];
  private preDepth = 0;
  private code = '';

  enter(tag: string, attributes: Attributes): ExitAction {
    if (this.preDepth > 0) {
      // Inside <pre> everything is code text: markup is ignored, line breaks are kept.
      if (tag === 'br') this.code += NEWLINE;
      if (tag !== 'pre') return NONE;
      this.preDepth++;
      return { kind: 'pre' };
    }
    const markName = MARK_TAGS[tag];
    if (markName !== undefined) return this.openMark(schema.marks[markName].create());
    const heading = HEADING_TAG.exec(tag);
    if (heading) return this.openTextblock(Math.min(Number(heading[1]), MAX_HEADING_LEVEL));
    switch (tag) {
      case 'a': {
        const href = attributes.href?.trim();
        if (!isSafeHref(href)) return NONE; // the words stay, the link goes
        const title = attributes.title ? attributes.title : null;
        return this.openMark(schema.marks.link.create({ href, title }));
      }
      case 'br':
        this.inline.push(schema.nodes.hard_break.create(null, null, this.marks));
        return NONE;
      case 'p':
        return this.openTextblock(PARAGRAPH_LEVEL);
      case 'hr':
        this.flush();
        this.addBlock(schema.nodes.horizontal_rule.create());
        return NONE;
      case 'pre':
        this.flush();
        this.preDepth = 1;
        this.code = '';
        return { kind: 'pre' };
      case 'blockquote':
        return this.openContainer('blockquote', canOpenBlockquote);
      case 'ul':
        return this.openContainer('bullet_list', canOpenList);
      case 'ol':
        return this.openContainer('ordered_list', canOpenList, listOrder(attributes.start));
      case 'li':
        return this.openListItem();
      case BOUNDARY_TAG:
        this.flush();
        return BOUNDARY;
      default:
        // Anything else left by the sanitizer is inline and transparent.
        return NONE;
    }
  }

  exit(action: ExitAction): void {
    switch (action.kind) {
      case 'marks':
        this.marks = action.previous;
        return;
      case 'textblock':
      case 'boundary':
        this.flush();
        return;
      case 'frame':
        this.flush();
        while (this.frames.length > 1) {
          const frame = this.closeTop();
          if (frame === action.frame) return;
        }
        return;
      case 'pre':
        if (--this.preDepth === 0) this.addCodeBlock();
        return;
      case 'none':
        return;
    }
  }

  text(raw: string): void {
    if (this.preDepth > 0) {
      this.code += raw;
      return;
    }
    let text = raw.replace(COLLAPSIBLE, SPACE);
    if (text.startsWith(SPACE) && this.atLineStart()) text = text.slice(SPACE.length);
    if (text.length > 0) this.inline.push(schema.text(text, this.marks));
  }

  finish(): PMNode {
    this.flush();
    while (this.frames.length > 1) this.closeTop();
    const children = this.frames[0]!.children;
    return children.length === 0 ? emptyDoc() : schema.node(schema.topNodeType, null, children);
  }

  private openMark(mark: Mark): ExitAction {
    const previous = this.marks;
    this.marks = mark.addToSet(previous);
    return { kind: 'marks', previous };
  }

  private openTextblock(level: number): ExitAction {
    this.flush();
    this.textblockLevel = level;
    return TEXTBLOCK;
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private isList(frame: Frame): boolean {
    return frame.kind === 'bullet_list' || frame.kind === 'ordered_list';
  }

  /** Content may not sit directly in a list: give it an item of its own first. */
  private blockParent(): Frame {
    const top = this.top();
    if (!this.isList(top)) return top;
    const item: Frame = { kind: 'list_item', depth: top.depth + 1, order: DEFAULT_LIST_ORDER, implicit: true, children: [] };
    this.frames.push(item);
    return item;
  }

  private openContainer(kind: ContainerKind, fits: (depth: number) => boolean, order = DEFAULT_LIST_ORDER): ExitAction {
    this.flush();
    const parent = this.blockParent();
    // Too deep: the element unwraps to its children and only marks a block boundary.
    if (!fits(parent.depth)) return BOUNDARY;
    const frame: Frame = { kind, depth: parent.depth + 1, order, implicit: false, children: [] };
    this.frames.push(frame);
    return { kind: 'frame', frame };
  }

  private openListItem(): ExitAction {
    this.flush();
    if (this.top().implicit) this.closeTop();
    const list = this.top();
    if (!this.isList(list)) return BOUNDARY; // an <li> outside a list (or an unwrapped one)
    const frame: Frame = { kind: 'list_item', depth: list.depth + 1, order: DEFAULT_LIST_ORDER, implicit: false, children: [] };
    this.frames.push(frame);
    return { kind: 'frame', frame };
  }

  private closeTop(): Frame {
    const frame = this.frames.pop()!;
    const node = this.containerNode(frame);
    if (node) this.top().children.push(node);
    return frame;
  }

  private containerNode(frame: Frame): PMNode | null {
    switch (frame.kind) {
      case 'list_item':
        // An empty item keeps its place in the numbering; fill gives it an empty paragraph.
        return schema.nodes.list_item.createAndFill(null, frame.children);
      case 'blockquote':
      case 'bullet_list':
        return frame.children.length === 0 ? null : schema.nodes[frame.kind].createAndFill(null, frame.children);
      case 'ordered_list':
        return frame.children.length === 0 ? null : schema.nodes.ordered_list.createAndFill({ order: frame.order }, frame.children);
      case 'doc':
        return null;
    }
  }

  private addBlock(node: PMNode): void {
    this.blockParent().children.push(node);
  }

  private atLineStart(): boolean {
    const last = this.inline[this.inline.length - 1];
    return last === undefined || last.type === schema.nodes.hard_break || (last.isText && last.text!.endsWith(SPACE));
  }

  /** Ends the pending inline run as a paragraph or heading, trimmed as a browser lays it out. */
  private flush(): void {
    const level = this.textblockLevel;
    this.textblockLevel = PARAGRAPH_LEVEL;
    const content = this.inline;
    this.inline = [];
    // Trailing spaces and a trailing <br> do not show at the end of a block.
    while (content.length > 0) {
      const last = content[content.length - 1]!;
      if (last.type === schema.nodes.hard_break) {
        content.pop();
        continue;
      }
      if (!last.isText || !last.text!.endsWith(SPACE)) break;
      const trimmed = last.text!.replace(TRAILING_SPACES, '');
      if (trimmed.length > 0) {
        content[content.length - 1] = schema.text(trimmed, last.marks);
        break;
      }
      content.pop();
    }
    if (content.length === 0) return;
    this.addBlock(
      level === PARAGRAPH_LEVEL ? schema.nodes.paragraph.create(null, content) : schema.nodes.heading.create({ level }, content),
    );
  }

  private addCodeBlock(): void {
    // Like a browser, drop the one newline that directly follows <pre>.
    const code = this.code.startsWith(NEWLINE) ? this.code.slice(NEWLINE.length) : this.code;
    this.code = '';
    if (code.length > 0) this.addBlock(schema.nodes.code_block.create(null, schema.text(code)));
  }
}
