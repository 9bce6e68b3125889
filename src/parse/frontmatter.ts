/** A Markdown file split into its front matter and body. */
export interface FrontMatterParts {
  /** The raw YAML between the fences (without them). */
  yaml: string;
  /** The 1-based line in the file where the YAML starts. */
  yamlLine: number;
  /** The Markdown body after the closing fence. */
  body: string;
  /** The 1-based line in the file where the body starts. */
  bodyLine: number;
  /** A line inside the front matter that starts with `---` but is no fence (1-based), if any. */
  falseFence?: number;
}

/**
 * The fence that opens and closes front matter: a line that is exactly
 * `---`, spaces or tabs allowed after it. The opening fence may name its
 * language (`---yaml`). This is the one definition every reader and writer of
 * the package uses; a line such as `----` or `--- # note` is not a fence.
 */
const FENCE = /^---[ \t]*$/;
const OPENING = /^---[ \t]*(?:ya?ml)?[ \t]*$/;

/**
 * Splits Markdown text (already `\n`-only, no byte-order mark) into front
 * matter and body, in one pass over the text.
 *
 * @param text - the file's text
 * @returns the parts, or a reason when the file has no YAML front matter
 */
export function splitFrontMatter(text: string): FrontMatterParts | { problem: string; line: number } {
  let end = text.indexOf('\n');
  if (end === -1) end = text.length;
  const firstLine = text.slice(0, end);
  if (!OPENING.test(firstLine)) {
    return /^---\s*\S/.test(firstLine)
      ? { problem: `front matter in "${firstLine.slice(3).trim().slice(0, 40)}" is refused; only YAML is read`, line: 1 }
      : { problem: 'expected YAML front matter opened by a line "---"', line: 1 };
  }
  const yamlStart = Math.min(end + 1, text.length);
  let line = 2;
  let falseFence: number | undefined;
  for (let start = yamlStart; start <= text.length && end < text.length; line++) {
    end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // Only lines that start with '---' need the pattern: each line is looked at once.
    if (text.startsWith('---', start)) {
      const candidate = text.slice(start, end);
      if (FENCE.test(candidate)) {
        const yaml = text.slice(yamlStart, start === yamlStart ? start : start - 1);
        let bodyStart = Math.min(end + 1, text.length);
        let bodyLine = line + 1;
        // The blank lines that separate the body from the fence.
        while (text.charCodeAt(bodyStart) === 10) {
          bodyStart++;
          bodyLine++;
        }
        const parts: FrontMatterParts = { yaml, yamlLine: 2, body: text.slice(bodyStart), bodyLine };
        if (falseFence !== undefined) parts.falseFence = falseFence;
        return parts;
      }
      falseFence ??= line;
    }
    start = end + 1;
  }
  return { problem: 'the front matter is never closed by a line "---"', line: 1 };
}
