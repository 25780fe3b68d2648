// Documented input limits, shared by the API (enforcement) and the web app (early feedback).

/** Largest document content accepted, in UTF-8 bytes (pasted or uploaded). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Largest single line accepted; longer lines are refused rather than laid out. */
export const MAX_LINE_CODE_POINTS = 1_000_000;
export const MAX_TITLE_LENGTH = 300;
/** Deepest block nesting accepted from an import (blockquotes, lists). */
export const MAX_BLOCK_DEPTH = 32;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Password policy (ASVS 5.0 V6.2): at least this many characters (code points)… */
export const MIN_PASSWORD_CHARACTERS = 8;
/** …and at most this many UTF-8 bytes, checked before hashing; longer is refused, never truncated. */
export const MAX_PASSWORD_BYTES = 256;
/** RFC 5321 path limit. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_PERSON_NAME_LENGTH = 100;
export const MAX_WORKSPACE_NAME_LENGTH = 100;
export const MAX_TOKEN_NAME_LENGTH = 100;
/** Invite links expire after this many hours unless told otherwise, and never later than the max (30 days). */
export const DEFAULT_INVITE_HOURS = 168;
export const MAX_INVITE_HOURS = 720;

/** An annotation's note, in characters (Unicode code points). */
export const MAX_NOTE_CHARACTERS = 10_000;
/** The quoted passage of one annotation (and each of its prefix/suffix as sent), in code points. */
export const MAX_QUOTE_CODE_POINTS = 10_000;
/** `Idempotency-Key` header of a create: 1 to this many characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Annotations one bulk delete or restore may name. */
export const MAX_BULK_ANNOTATIONS = 1_000;

/** A link joins at least two and at most this many annotations. */
export const MAX_LINKED_ANNOTATIONS = 20;
/** A link's rationale and a transition's note, in characters (code points). */
export const MAX_RATIONALE_CHARACTERS = 5_000;
/** A comment's Markdown body, in characters (code points); stored verbatim, rendered sanitized. */
export const MAX_COMMENT_CHARACTERS = 10_000;
/** Annotation search text, in characters. */
export const MAX_SEARCH_CHARACTERS = 200;
