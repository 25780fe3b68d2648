// The one place a note's Markdown becomes HTML on the page: markdown-it's output (raw HTML
// off, safe links only) is sanitized again with DOMPurify before it is set as inner HTML.
import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import { renderNoteMarkdown } from './markdownNote';

const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const ALLOWED_ATTR = ['href', 'title', 'target', 'rel', 'start'];
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:)/i;

/** Sanitized HTML for a note (browser only: DOMPurify needs a DOM). */
export function noteHtml(source: string): string {
  return DOMPurify.sanitize(renderNoteMarkdown(source), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    // Every other attribute value must match ALLOWED_URI_REGEXP; these two hold no address.
    ADD_URI_SAFE_ATTR: ['target', 'rel'],
    ALLOWED_URI_REGEXP,
  });
}

export function MarkdownNote({ source, className, testId }: { source: string; className?: string; testId?: string }) {
  const html = useMemo(() => noteHtml(source), [source]);
  // eslint-disable-next-line react/no-danger -- markdown-it without raw HTML, then DOMPurify
  return <div className={`markdown-note${className ? ` ${className}` : ''}`} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
