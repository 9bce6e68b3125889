import { sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { UNSAFE_IN_TEXT } from '../model/fields.js';
import type { Issue } from '../model/issue.js';

/** Where a command writes, and whether it may use colour. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  /** True when stderr is a terminal (progress goes there, and only then). */
  progress: boolean;
  columns: number;
}

/** A count as every command prints it: `2,833`. */
export const count = (n: number) => n.toLocaleString('en-US');

/** `1 file`, `2 files`, `2,833 events`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** Colour on a TTY only; NO_COLOR turns it off, FORCE_COLOR (not 0) on. */
function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: useColor(process.stdout),
    progress: process.stderr.isTTY === true,
    columns: process.stdout.columns || process.stderr.columns || 100,
  };
}

// C0 and C1 controls (an escape sequence would drive the terminal) and the
// bidirectional overrides and isolates (they reorder what is shown).
const UNPRINTABLE = new RegExp(UNSAFE_IN_TEXT.source, 'g');

/** Text as a terminal may show it: every control character and bidi override written as `\u{1b}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

const paint = (code: string) => (io: Io, text: string) => (io.color ? `\u001b[${code}m${text}\u001b[0m` : text);
export const red = paint('31');
export const yellow = paint('33');
export const green = paint('32');
export const cyan = paint('36');
export const dim = paint('2');
export const bold = paint('1');
const underline = paint('4');

/** Issues as eslint prints them: grouped by file, `line:col  severity  message  [code]`. */
export function printIssues(io: Io, issues: readonly Issue[]): void {
  const byFile = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = issue.file ?? '(no file)';
    const list = byFile.get(key);
    if (list) list.push(issue);
    else byFile.set(key, [issue]);
  }
  // Written in blocks: a hundred thousand findings are a few writes, not a hundred thousand.
  let block: string[] = [];
  let size = 0;
  const out = (text: string) => {
    block.push(text);
    size += text.length;
    if (size >= 1 << 16) {
      io.out(block.join(''));
      block = [];
      size = 0;
    }
  };
  for (const [raw, list] of byFile) {
    const file = printable(raw);
    out(`\n${underline(io, file)}\n`);
    for (const i of list) {
      const where = i.line !== undefined ? `${file}:${i.line}:${i.column ?? 1}` : file;
      const severity = i.severity === 'error' ? red(io, 'error  ') : yellow(io, 'warning');
      out(`  ${where}  ${severity}  ${printable(i.message)}  ${dim(io, `[${i.code}]`)}\n`);
      // A finding across files names the others too.
      const places = i.group?.places;
      if (places) {
        // Each spelling, and where it is written (file:line).
        for (const [name, files] of Object.entries(places)) {
          const at = files.slice(0, 5).map((f, k) => printable(i.group!.lines?.[name]?.[k] ? `${f}:${i.group!.lines[name]![k]}` : f));
          out(`  ${dim(io, `  "${printable(name)}": ${at.join(', ')}${files.length > 5 ? `, and ${count(files.length - 5)} more` : ''}`)}\n`);
        }
        continue;
      }
      const others = (i.related ?? []).filter((f) => f !== raw);
      if (others.length) out(`  ${dim(io, `  also: ${others.slice(0, 5).map(printable).join(', ')}${others.length > 5 ? `, and ${count(others.length - 5)} more` : ''}`)}\n`);
    }
  }
  if (block.length) io.out(block.join(''));
}

/** The closing line: counts of errors and warnings. */
export function summary(io: Io, issues: readonly Issue[], what: string): void {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const line = `${what}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  io.out(`\n${errors ? red(io, bold(io, line)) : warnings ? yellow(io, line) : line}\n`);
}

/**
 * A path in a diff header as git writes it: `a/` or `b/` before it, a tab
 * after it (so a name with a space is read whole), and C-style quotes
 * around a name holding a tab, a line break, a quote, a backslash or
 * another control character.
 */
function diffHeaderPath(side: 'a' | 'b', file: string): string {
  const path = `${side}/${sep === '\\' ? file.replace(/\\/g, '/') : file}`;
  if (!/["\\\u0000-\u001f\u007f]/.test(path)) return `${path}\t`;
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  return `"${path.replace(/["\\\u0000-\u001f\u007f]/g, (c) => escapes[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}"`;
}

/** A unified diff of one file, its hunks coloured on a terminal, with one pair of headers that `git apply` and `patch -p1` read for any file name. */
export function printDiff(io: Io, file: string, before: string, after: string): void {
  const patch = createTwoFilesPatch(file, file, before, after, '', '', { context: 2 })
    .split('\n')
    .filter((line) => !/^(?:={3,}|Index: |--- |\+\+\+ )/.test(line));
  io.out(`${bold(io, `--- ${diffHeaderPath('a', file)}`)}\n${bold(io, `+++ ${diffHeaderPath('b', file)}`)}\n`);
  for (const line of patch) {
    if (line === '') continue;
    const paint = line.startsWith('@@') ? cyan : line.startsWith('+') ? green : line.startsWith('-') ? red : (_: unknown, t: string) => t;
    io.out(`${paint(io, line)}\n`);
  }
}

/** One JSON document on stdout. */
export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
