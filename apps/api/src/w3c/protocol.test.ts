// Content negotiation, Prefer parsing and the container-slash rewrite, case by case.
import { describe, expect, it } from 'vitest';
import { negotiateMediaType, readPrefer, withoutContainerSlash } from './protocol';

const LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

describe('negotiateMediaType', () => {
  it.each([
    [undefined, LD],
    ['', LD],
    ['*/*', LD],
    ['application/ld+json', LD],
    [`application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`, LD],
    ['application/json', 'application/json'],
    ['application/json, */*;q=0.1', 'application/json'],
    ['application/ld+json;q=0.5, application/json', 'application/json'],
    ['application/ld+json, application/json;q=0.9', LD],
    ['application/ld+json; profile="http://example.org/other", application/json;q=0.2', 'application/json'],
    ['text/html', LD],
  ])('%s → %s', (accept, expected) => {
    expect(negotiateMediaType(accept)).toBe(expected);
  });
});

describe('readPrefer', () => {
  it.each([
    [undefined, { iris: false, minimal: false, applied: null }],
    ['respond-async', { iris: false, minimal: false, applied: null }],
    ['return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"', { iris: true, minimal: false, applied: 'return=representation' }],
    ['return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"', { iris: false, minimal: true, applied: 'return=representation' }],
    ['return=representation; include="http://www.w3.org/ns/oa#PreferContainedDescriptions"', { iris: false, minimal: false, applied: 'return=representation' }],
  ])('%s', (header, expected) => {
    expect(readPrefer(header)).toEqual(expected);
  });
});

describe('withoutContainerSlash', () => {
  const id = '5cb04a46-fb78-4aa1-baaa-84d18a07b843';
  it.each([
    [`/api/documents/${id}/w3c/`, `/api/documents/${id}/w3c`],
    [`/api/documents/${id}/w3c/?page=1`, `/api/documents/${id}/w3c?page=1`],
    [`/api/documents/${id}/w3c`, `/api/documents/${id}/w3c`],
    [`/api/documents/${id}/w3c/abc`, `/api/documents/${id}/w3c/abc`],
    [`/api/documents/${id}/annotations/`, `/api/documents/${id}/annotations/`],
    [`/documents/${id}/w3c/`, `/documents/${id}/w3c/`],
    [`/api/documents/${id}/w3c//`, `/api/documents/${id}/w3c//`],
  ])('%s → %s', (url, expected) => {
    expect(withoutContainerSlash(url)).toBe(expected);
  });
});
