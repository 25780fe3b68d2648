// Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/) details that are not Glossa's
// own: content negotiation, the Prefer header, and the LDP headers of containers and annotations.
import { API_PREFIX, PREFER_CONTAINED_IRIS, PREFER_MINIMAL_CONTAINER, W3C_MEDIA_TYPE } from '@glossa/contracts';

export const LDP_BASIC_CONTAINER = 'http://www.w3.org/ns/ldp#BasicContainer';
export const LDP_RESOURCE = 'http://www.w3.org/ns/ldp#Resource';
export const LDP_CONSTRAINED_BY = 'http://www.w3.org/ns/ldp#constrainedBy';
export const ANNOTATION_PROTOCOL = 'http://www.w3.org/TR/annotation-protocol/';

export const CONTAINER_ALLOW = 'GET, HEAD, POST';
export const ANNOTATION_ALLOW = 'GET, HEAD, PUT, DELETE';

export const CONTAINER_LINK = `<${LDP_BASIC_CONTAINER}>; rel="type", <${ANNOTATION_PROTOCOL}>; rel="${LDP_CONSTRAINED_BY}"`;
export const ANNOTATION_LINK = `<${LDP_RESOURCE}>; rel="type"`;

interface MediaRange {
  type: string;
  subtype: string;
  params: Record<string, string>;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [range = '', ...rawParams] = part.split(';').map((piece) => piece.trim());
      const [type = '', subtype = ''] = range.toLowerCase().split('/');
      const params: Record<string, string> = {};
      for (const raw of rawParams) {
        const eq = raw.indexOf('=');
        if (eq > 0) params[raw.slice(0, eq).trim().toLowerCase()] = raw.slice(eq + 1).trim().replace(/^"|"$/g, '');
      }
      const q = params['q'] === undefined ? 1 : Number(params['q']);
      return { type, subtype, params, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((range) => range.type !== '' && range.subtype !== '');
}

/** The quality the most specific matching range gives a media type (RFC 9110 §12.5.1); 0 when none matches. */
function quality(ranges: MediaRange[], type: string, subtype: string, profile?: string): number {
  let best: { specificity: number; q: number } | null = null;
  for (const range of ranges) {
    let specificity: number;
    if (range.type === type && range.subtype === subtype) {
      // A profile asked for must be ours.
      if (range.params['profile'] !== undefined && range.params['profile'] !== profile) continue;
      specificity = 3;
    } else if (range.type === type && range.subtype === '*') specificity = 2;
    else if (range.type === '*' && range.subtype === '*') specificity = 1;
    else continue;
    if (!best || specificity > best.specificity) best = { specificity, q: range.q };
  }
  return best?.q ?? 0;
}

/**
 * The media type to answer with: JSON-LD with the annotation profile unless the client prefers plain
 * application/json. A client that accepts neither still gets JSON-LD (RFC 9110 lets a server send its
 * default rather than 406).
 */
export function negotiateMediaType(accept: string | undefined): string {
  if (!accept || accept.trim() === '') return W3C_MEDIA_TYPE;
  const ranges = parseAccept(accept);
  const ld = quality(ranges, 'application', 'ld+json', 'http://www.w3.org/ns/anno.jsonld');
  const json = quality(ranges, 'application', 'json');
  return json > ld ? 'application/json' : W3C_MEDIA_TYPE;
}

export interface ContainerPreference {
  /** Embedded page items are IRIs only. */
  iris: boolean;
  /** No embedded page at all: first/last are IRIs. */
  minimal: boolean;
  /** Whether the client sent a `return=representation` preference (echoed in Preference-Applied). */
  applied: string | null;
}

/** Reads `Prefer: return=representation; include="…"` (RFC 7240, LDP §7.2). */
export function readPrefer(header: string | string[] | undefined): ContainerPreference {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /return\s*=\s*"?representation"?([^,]*)/i.exec(value);
  if (!match) return { iris: false, minimal: false, applied: null };
  const include = /include\s*=\s*"([^"]*)"/i.exec(match[1] ?? '')?.[1]?.split(/\s+/) ?? [];
  return { iris: include.includes(PREFER_CONTAINED_IRIS), minimal: include.includes(PREFER_MINIMAL_CONTAINER), applied: 'return=representation' };
}

const CONTAINER_WITH_SLASH = new RegExp(`^(${API_PREFIX}/documents/[^/?#]+/w3c)/(?=\\?|$)`);

/** `/api/documents/:id/w3c/` (optionally with a query) without its final slash; any other URL unchanged. */
export function withoutContainerSlash(url: string): string {
  return url.replace(CONTAINER_WITH_SLASH, '$1');
}
