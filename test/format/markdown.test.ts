import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/index.js';
import { growth, LINEAR } from '../helpers/growth.js';

// The only markup the renderer may make.
const ALLOWED = /^<(?:\/?(?:p|ul|li|strong|em|code)|br|a href="https?:\/\/[^"<>\s]*"|\/a)>/;

function tagsAreAllowed(html: string): boolean {
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) if (!ALLOWED.test(html.slice(i))) return false;
  return true;
}

describe('markdownToHtml', () => {
  it('renders paragraphs, line breaks, lists, emphasis, code and http(s) links', () => {
    expect(markdownToHtml('One\ntwo\n\n\nThree')).toBe('<p>One<br>two</p><p>Three</p>');
    expect(markdownToHtml('- a\n* b\n+ c')).toBe('<ul><li>a</li><li>b</li><li>c</li></ul>');
    expect(markdownToHtml('**b** *i* _j_ `x**y**`')).toBe('<p><strong>b</strong> <em>i</em> <em>j</em> <code>x**y**</code></p>');
    expect(markdownToHtml('[a](https://x.org/?q=1&r=2)')).toBe('<p><a href="https://x.org/?q=1&amp;r=2">a</a></p>');
  });

  it('makes no markup of anything else: scripts, other schemes, attributes, raw HTML', () => {
    expect(markdownToHtml('[x](javascript:alert(1)) <img src=x onerror=alert(1)>')).toBe('<p>[x](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(markdownToHtml('[x](https://a.org/"onmouseover="alert(1))')).not.toContain('" onmouseover');
    const unit = fc.constantFrom('*', '_', '`', '[', ']', '(', ')', 'https://a.b/', 'javascript:', '"', "'", '<', '>', '&', '\n', '\n\n', '- ', ' ', 'a', 'é');
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), (text) => tagsAreAllowed(markdownToHtml(text))), { numRuns: 2000 });
  });

  it('stays linear on large adversarial text', () => {
    for (const piece of ['[', '*a', '**a', '`', ' _a', '[a](', '[a](https://x', '- ']) {
      // Eight times the text takes about eight times as long; a quadratic path sixty-four.
      expect(growth((n) => markdownToHtml(piece.repeat(Math.ceil(n / piece.length))), 60_000), piece).toBeLessThan(LINEAR);
    }
  });
});
