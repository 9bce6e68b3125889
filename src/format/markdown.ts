import { escapeHtml } from './html.js';

// Inline pieces kept whole: a code span, or a link to an http(s) address.
// Each scan stops at the next character that could start another try (a
// backquote, a '['), so no input makes the matching quadratic.
const TOKEN = /(`[^`\n]+`)|\[([^[\]\n]+)\]\((https?:\/\/[^\s()<>]+)\)/g;
const BOLD = /\*\*([^*\n]+)\*\*/g;
const ITALIC = /(^|[\s(>])[*_]([^*_\n]+)[*_](?=$|[\s).,;:!?<])/g;

/** Bold and italic in text already escaped. */
function emphasis(escaped: string): string {
  return escaped.replace(BOLD, '<strong>$1</strong>').replace(ITALIC, '$1<em>$2</em>');
}

/** One line of escaped text with its code spans, links and emphasis. */
function inline(line: string): string {
  let out = '';
  let at = 0;
  for (const match of line.matchAll(TOKEN)) {
    out += emphasis(line.slice(at, match.index));
    out += match[1] ? `<code>${match[1].slice(1, -1)}</code>` : `<a href="${match[3]}">${match[2]}</a>`;
    at = match.index + match[0].length;
  }
  return out + emphasis(line.slice(at));
}

const ITEM = /^[ \t]{0,3}[-*+][ \t]+/;

/**
 * A summary's Markdown as HTML, for pages and timelines that show HTML:
 * paragraphs (a blank line between), line breaks, lists of `-`, `*` or `+`
 * items, `**bold**`, `*italic*` or `_italic_`, `` `code` `` and
 * `[links](https://...)` to http(s) addresses only. Everything else is
 * shown as the text it is: the text is escaped before any of it becomes
 * markup, so no input can make a tag, an attribute or a script. Linear in
 * the length of the text.
 *
 * @param markdown - the Markdown text
 * @returns HTML
 *
 * @example
 * ```ts
 * markdownToHtml('A **big** day.\n\nSee [the ruling](https://example.org/r) <now>.');
 * // => '<p>A <strong>big</strong> day.</p><p>See <a href="https://example.org/r">the ruling</a> &lt;now&gt;.</p>'
 * ```
 */
export function markdownToHtml(markdown: string): string {
  const blocks: string[][] = [[]];
  for (const line of markdown.split('\n')) {
    if (line.trim() === '') {
      if (blocks[blocks.length - 1]!.length) blocks.push([]);
    } else blocks[blocks.length - 1]!.push(escapeHtml(line.replace(/\r$/, '')));
  }
  let html = '';
  for (const lines of blocks) {
    if (!lines.length) continue;
    if (lines.every((line) => ITEM.test(line))) html += `<ul>${lines.map((line) => `<li>${inline(line.replace(ITEM, ''))}</li>`).join('')}</ul>`;
    else html += `<p>${lines.map((line) => inline(line.trim())).join('<br>')}</p>`;
  }
  return html;
}
