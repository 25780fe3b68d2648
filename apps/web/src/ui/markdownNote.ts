// Notes are Markdown: rendered by markdown-it with raw HTML off, no images, no linkify, and
// links kept only for absolute http(s) and mailto addresses, opening in a new tab without a
// referrer. Pure (no DOM): MarkdownNote sanitizes this output again before it reaches the page.
import { isSafeHref } from '@glossa/editor-schema';
import MarkdownIt from 'markdown-it';

const ABSOLUTE_SCHEME = /^(https?:|mailto:)/i;

/** An absolute http, https or mailto address that the shared schema also accepts. */
export function isNoteHref(href: string): boolean {
  return ABSOLUTE_SCHEME.test(href) && isSafeHref(href);
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
// Images would fetch from anywhere (tracking pixels); an image's syntax stays text.
md.disable('image');
md.validateLink = isNoteHref;

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** HTML for a note's Markdown; unsafe links are left as text, raw HTML is escaped. */
export function renderNoteMarkdown(source: string): string {
  return md.render(source);
}
