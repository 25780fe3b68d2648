// The HTML allow-list: only the tags and attributes the schema can hold survive, plus a bare
// <div> that marks block boundaries; active content is removed together with its text.
import sanitizeHtml from 'sanitize-html';

/** Block wrappers the schema has no node for: kept as an attribute-less <div> boundary. */
const BLOCK_WRAPPERS = [
  'address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'html', 'legend', 'main', 'nav',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
] as const;
export const BOUNDARY_TAG = 'div';

/** Presentational synonyms of the schema's marks. */
const MARK_SYNONYMS: Record<string, string> = { b: 'strong', i: 'em', kbd: 'code', samp: 'code', tt: 'code' };

/** Tags whose content is removed with them: scripts, styles, embedded documents, forms, metadata. */
const DROPPED_WITH_CONTENT = [
  'applet', 'base', 'button', 'embed', 'form', 'frame', 'frameset', 'head', 'iframe', 'link', 'math', 'meta',
  'noembed', 'noframes', 'noscript', 'object', 'option', 'script', 'select', 'style', 'svg', 'template',
  'textarea', 'title', 'xmp',
];

const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'hr', 'pre', 'ol', 'ul', 'li', 'br',
  'a', 'em', 'strong', 'code', BOUNDARY_TAG,
];

const transformTags: Record<string, string> = { ...MARK_SYNONYMS };
for (const tag of BLOCK_WRAPPERS) transformTags[tag] = BOUNDARY_TAG;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // `start` is re-read as plain digits later; href is checked again against isSafeHref.
  allowedAttributes: { a: ['href', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags,
};

/** Returns HTML holding only allowed tags and attributes; comments and doctypes are gone too. */
export function sanitizeImportHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
