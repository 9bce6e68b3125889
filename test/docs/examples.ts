// The API docs' examples, run. An `@example` whose code says `// => VALUE`
// claims that the expression statement just above that line gives VALUE;
// this module turns each such example into a function that checks its
// claims, so the docs cannot drift from the code. An example whose result
// depends on the network, on a corpus that is not here or on the clock is
// titled `@example Illustration: why`, and is not run.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One `@example` block of a doc comment. */
export interface DocExample {
  /** `src/…/file.ts:line` of the block's first code line. */
  where: string;
  /** The module the comment is in. */
  file: string;
  /** The title after `@example`, if any. */
  title: string;
  /** The code, without the comment's `*` margin. */
  code: string;
}

/** The title that marks an example as an illustration, not a claim. */
export const ILLUSTRATION = /^Illustration: \S/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/**
 * Every `@example` with a fenced `ts` block in the sources under `root/src`.
 *
 * @param root - the package folder
 * @returns the examples, in file order
 */
export function docExamples(root: string): DocExample[] {
  const found: DocExample[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const lines = comment[0].split('\n').map((l) => l.replace(/^\s*\*( |$)/, ''));
      const first = text.slice(0, comment.index).split('\n').length;
      for (let i = 0; i < lines.length; i++) {
        const tag = /@example(.*)$/.exec(lines[i]!);
        if (!tag || lines[i + 1]?.trim() !== '```ts') continue;
        const end = lines.indexOf('```', i + 2);
        if (end < 0) continue;
        found.push({ where: `${relative(root, file)}:${first + i + 2}`, file, title: tag[1]!.trim(), code: lines.slice(i + 2, end).join('\n') });
      }
    }
  }
  return found;
}

/** An example's claims as code: each claimed statement becomes a check. */
export interface Checked {
  /** The example's code with `import` lines dropped and claims turned into `__claim(...)` calls. */
  body: string;
  /** How many claims it makes. */
  claims: number;
  /** Why it cannot be checked, when it cannot. */
  problem?: string;
}

/**
 * Turns `expr;` followed by `// => VALUE` into `await __claim(() => expr, () => (VALUE), line)`.
 *
 * @param example - the example
 * @returns the code to run, or the problem
 */
export function checkedCode(example: DocExample): Checked {
  const code = example.code.replace(/^import .*$/gm, '');
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Array<[number, number, string]> = [];
  let claims = 0;
  for (const m of code.matchAll(/^\/\/ => (.*)$/gm)) {
    claims++;
    const line = code.slice(0, m.index).split('\n').length;
    const before = source.statements.filter((s) => s.end <= m.index!).at(-1);
    if (!before || !ts.isExpressionStatement(before)) return { body: '', claims, problem: `line ${line}: the claim follows no expression statement` };
    const expr = before.expression.getText(source);
    edits.push([before.getStart(source), before.end, `await __claim(async () => (${expr}), () => (${m[1]}), ${line});`]);
  }
  let body = code;
  for (const [start, end, text] of edits.reverse()) body = body.slice(0, start) + text + body.slice(end);
  const parsed = ts.transpileModule(body, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  const syntax = parsed.diagnostics?.[0];
  if (syntax) return { body, claims, problem: `does not parse once claims are checks: ${ts.flattenDiagnosticMessageText(syntax.messageText, ' ')}` };
  return { body, claims };
}
