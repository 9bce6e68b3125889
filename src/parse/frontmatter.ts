import matter from 'gray-matter';

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
}

const refuse = () => {
  throw new Error('only YAML front matter is read');
};

// Every engine but YAML refuses: gray-matter would otherwise `eval` a `---js`
// block. The YAML engine only hands back the text; it is parsed by loadYaml.
const OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: { parse: () => ({}), stringify: refuse },
    javascript: { parse: refuse, stringify: refuse },
    js: { parse: refuse, stringify: refuse },
    json: { parse: refuse, stringify: refuse },
    coffee: { parse: refuse, stringify: refuse },
  },
};

/**
 * Splits Markdown text (already `\n`-only, no byte-order mark) into front
 * matter and body.
 *
 * @param text - the file's text
 * @returns the parts, or a reason when the file has no YAML front matter
 */
export function splitFrontMatter(text: string): FrontMatterParts | { problem: string; line: number } {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  if (!/^---[ \t]*(?:ya?ml)?[ \t]*$/.test(firstLine)) {
    return /^---\s*\S/.test(firstLine)
      ? { problem: `front matter in "${firstLine.slice(3).trim()}" is refused; only YAML is read`, line: 1 }
      : { problem: 'expected YAML front matter opened by a line "---"', line: 1 };
  }
  const closing = /\n---[ \t]*(?:\n|$)/g;
  closing.lastIndex = firstLine.length;
  if (!closing.test(text)) return { problem: 'the front matter is never closed by a line "---"', line: 1 };
  // gray-matter with a neutral first line: we checked the language ourselves.
  const file = matter(firstLine === '---' ? text : `---${text.slice(firstLine.length)}`, OPTIONS);
  const yaml = file.matter.startsWith('\n') ? file.matter.slice(1) : file.matter;
  const yamlLine = 2;
  let yamlLines = yaml === '' ? 0 : 1;
  for (let i = yaml.indexOf('\n'); i !== -1; i = yaml.indexOf('\n', i + 1)) yamlLines++;
  let bodyLine = yamlLine + yamlLines + 1;
  let body = file.content;
  // Count the blank lines that separate the body from the fence.
  const lead = /^\n*/.exec(body)![0].length;
  bodyLine += lead;
  body = body.slice(lead);
  return { yaml, yamlLine, body, bodyLine };
}
