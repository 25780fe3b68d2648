import { describe, expect, it } from 'vitest';
import { isNoteHref, renderNoteMarkdown } from './markdownNote';

describe('renderNoteMarkdown', () => {
  it('renders emphasis, lists and code', () => {
    expect(renderNoteMarkdown('**bold** and *it* `x<y`')).toBe('<p><strong>bold</strong> and <em>it</em> <code>x&lt;y</code></p>\n');
    expect(renderNoteMarkdown('- a\n- b')).toContain('<li>a</li>');
  });

  it('escapes raw HTML', () => {
    for (const raw of ['<img src=x onerror=alert(1)>', '<svg><script>alert(1)</script>', '<details open ontoggle=alert(1)>']) {
      const html = renderNoteMarkdown(raw);
      expect(html).not.toMatch(/<(img|svg|script|details)/i);
      expect(html).toContain('&lt;');
    }
  });

  it('keeps http(s) and mailto links, opening in a new tab without referrer', () => {
    expect(renderNoteMarkdown('[site](https://example.org/a?b=1)')).toBe(
      '<p><a href="https://example.org/a?b=1" target="_blank" rel="noopener noreferrer nofollow">site</a></p>\n',
    );
    expect(renderNoteMarkdown('[me](mailto:me@example.org)')).toContain('href="mailto:me@example.org"');
    expect(renderNoteMarkdown('[p](http://example.org)')).toContain('href="http://example.org"');
  });

  it('leaves unsafe or relative links as text', () => {
    for (const link of ['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](java\tscript:alert(1))', '[x](data:text/html,hi)', '[x](vbscript:x)', '[x](/relative)', '[x](//evil.example)', '[x](#frag)']) {
      const html = renderNoteMarkdown(link);
      expect(html, link).not.toContain('<a');
      expect(html, link).not.toMatch(/href/i);
    }
  });

  it('does not render images or autolink bare addresses', () => {
    expect(renderNoteMarkdown('![a](https://example.org/p.png)')).not.toContain('<img');
    expect(renderNoteMarkdown('see https://example.org')).not.toContain('<a');
  });

  it('isNoteHref accepts only absolute http, https and mailto', () => {
    expect(isNoteHref('https://example.org')).toBe(true);
    expect(isNoteHref('MAILTO:a@b.c')).toBe(true);
    expect(isNoteHref('/x')).toBe(false);
    expect(isNoteHref('javascript:alert(1)')).toBe(false);
    expect(isNoteHref('ftp://example.org')).toBe(false);
  });
});
