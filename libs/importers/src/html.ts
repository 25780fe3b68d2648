// HTML import: sanitize to the allow-list, parse the result with htmlparser2 and walk the tree
// into schema nodes with an explicit stack, so 10,000 nested <div>s cannot overflow anything.
import type { Node as PMNode } from 'prosemirror-model';
import { HtmlDocBuilder, type ExitAction } from './html-builder';
import { sanitizeImportHtml } from './sanitizer';

/**
 * htmlparser2 12 is published as ESM only and this package builds to CommonJS, so it is loaded
 * with a dynamic import (kept as `import()` by TypeScript under module node16), once.
 */
type HtmlParser2 = typeof import('htmlparser2', { with: { 'resolution-mode': 'import' } });
type DomDocument = ReturnType<HtmlParser2['parseDocument']>;
type DomNode = DomDocument['children'][number];

let htmlparser2: Promise<HtmlParser2> | undefined;

function loadHtmlParser(): Promise<HtmlParser2> {
  htmlparser2 ??= import('htmlparser2');
  return htmlparser2;
}

type Step = { node: DomNode } | { exit: ExitAction };

function pushChildren(steps: Step[], children: readonly DomNode[]): void {
  // Reverse order onto the stack so the first child is processed first.
  for (let i = children.length - 1; i >= 0; i--) steps.push({ node: children[i]! });
}

/** Parses an HTML fragment or page into a document of the shared schema. */
export async function parseHtml(html: string): Promise<PMNode> {
  const { parseDocument, ElementType } = await loadHtmlParser();
  const dom = parseDocument(sanitizeImportHtml(html));
  const builder = new HtmlDocBuilder();
  const steps: Step[] = [];
  pushChildren(steps, dom.children);
  while (steps.length > 0) {
    const step = steps.pop()!;
    if ('exit' in step) {
      builder.exit(step.exit);
      continue;
    }
    const { node } = step;
    if (node.type === ElementType.Text) {
      builder.text(node.data);
    } else if (node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style) {
      // The sanitizer removed script and style, but a parser may still classify a tag so.
      steps.push({ exit: builder.enter(node.name, node.attribs) });
      pushChildren(steps, node.children);
    } else if (node.type === ElementType.CDATA) {
      // Only the text of a CDATA section matters; comments and directives are skipped.
      pushChildren(steps, node.children);
    }
  }
  return builder.finish();
}
