import type { Issue } from '../model/issue.js';
import { formatOf, parseEvent, type EventFormat } from '../parse/parseEvent.js';
import { stringifyEvent } from '../parse/stringifyEvent.js';
import { editEventFile, type FileEdit } from './editFile.js';
import { editJsonFile, repeatedJsonKey } from './editJson.js';
import { createIssue } from '../model/issue.js';
import { jsonLocator } from '../parse/jsonLocator.js';
import { fixEvent, type FixEventOptions } from './fixEvent.js';

/** One change a fix makes to a file: where, what it fixes, and the text before and after. */
export interface FixChange extends FileEdit {
  /**
   * The code of what it fixes: a reader's `legacy/...` code, `lint/mojibake`,
   * `lint/actor-variant`; `normalize` for a value written as the reader reads
   * it (white space, a line break); `layout` for the canonical layout.
   */
  rule: string;
  /** What it does, in words. */
  message: string;
}

/** The outcome of {@link fixText}. */
export interface FixTextResult {
  /** The fixed file text; the input itself when the file cannot be read as an event. */
  text: string;
  /** True when `text` differs from the input. */
  changed: boolean;
  /** What was changed: legacy spellings mapped (the reader's warnings) and the fixes applied. */
  changes: string[];
  /** Each edit of the text, with its line, column, rule and the text before and after. */
  edits: FixChange[];
  /** True when the file was written in the canonical layout as a whole (asked for with `layout: 'canonical'`). */
  rewritten: boolean;
  /** Errors that stop the file being fixed. */
  errors: Issue[];
}

/** Options for {@link fixText}. */
export interface FixTextOptions extends FixEventOptions {
  /** The file name: its extension gives the format. */
  file?: string;
  /** The format; by default taken from the file name, else `md`. */
  format?: EventFormat;
  /**
   * `keep` (the default): change only the lines of what is fixed and keep
   * the rest as written, comments, key order and quoting included.
   * `canonical`: write the whole file in the layout of `stringifyEvent`.
   */
  layout?: 'keep' | 'canonical';
}

/**
 * Applies every safe fix to one event file's text: legacy spellings to the
 * canonical model (read leniently, nothing dropped: unknown keys move under
 * `extra`), mis-decoded UTF-8 repaired, and actor names to the registry's
 * (when given). By default only the lines of what is fixed change: a legacy
 * key is renamed in place, a changed field's lines are rewritten, and every
 * other byte stays as written; the result is read back and must hold
 * exactly the fixed event. With `layout: 'canonical'` (and for JSON files,
 * or YAML too unusual to edit in place) the whole file is written in the
 * layout of `stringifyEvent`. A file with an error is returned unchanged.
 * Fixing fixed text changes nothing.
 *
 * @param text - the file's text
 * @param options - the file name (for its format), a registry for actor names, the layout
 * @returns the new text, what changed, and each edit
 *
 * @example
 * ```ts
 * const text = "---\n# a comment\nid: 2025-11-06--x\ndate: '2025-11-06'\ntitle: A\nimportance: 5\ntags: [courts]\nactors: [Donald Trump]\nsources:\n- title: A\n  outlet: Axios\n---\n\nBody.\n";
 * const fixed = fixText(text, { file: '2025-11-06--x.md' });
 * fixed.edits.map((e) => [e.line, e.rule, e.old, e.new]);
 * // => [[11, 'legacy/outlet', '  outlet: Axios', '  publisher: Axios']]
 * ```
 */
export function fixText(text: string, options: FixTextOptions = {}): FixTextResult {
  const format = options.format ?? (options.file !== undefined ? formatOf(options.file) : undefined) ?? 'md';
  const parsed = parseEvent(text, { file: options.file, format, mode: 'lenient' });
  const leftAlone = (errors: Issue[]): FixTextResult => ({ text, changed: false, changes: [], edits: [], rewritten: false, errors });
  if (!parsed.event) return leftAlone(parsed.issues.filter((i) => i.severity === 'error'));
  // A key given twice: the reader kept the last value, so any rewrite would drop the others.
  const repeated = parsed.issues.find((i) => i.code === 'yaml/duplicate-key') ?? (format === 'json' ? jsonRepeat(text, options.file) : undefined);
  if (repeated) {
    return leftAlone([createIssue('error', 'fix/repeated-key', `${repeated.path ?? 'a key'} is given twice, and the reader keeps only the last value; left alone so neither is lost: merge them by hand`, { file: options.file, line: repeated.line, column: repeated.column, path: repeated.path })]);
  }
  const fixed = fixEvent(parsed.event, options);
  const fromReader = parsed.issues.filter((i) => i.code.startsWith('legacy/') || i.code === 'security/forbidden-key');
  const changes = [...fromReader.map((i) => i.message), ...fixed.changes];
  const canonical = () => stringifyEvent(fixed.event, { format });
  // What each edit fixes: the codes of the changes at or under its field.
  const reasons = [
    ...fromReader.map((i) => ({ path: i.path ?? '', rule: i.code as string, message: i.message })),
    ...fixed.changes.map((message) => ({ path: message.slice(0, message.indexOf(':')), rule: message.includes('mis-decoded') ? 'lint/mojibake' : 'lint/actor-variant', message })),
  ];
  const describe = (edit: FileEdit): FixChange => {
    const under = (p: string) => edit.path === '' || p === edit.path || p.startsWith(`${edit.path}.`) || p.startsWith(`${edit.path}[`) || edit.path.startsWith(`${p}.`);
    // The extra mapping an edit writes holds what its mapping kept in extra.
    const parent = (p: string) => p.replace(/\.?[^.[\]]+$|\[\d+\]$/, '');
    const moved = /(?:^|\.)extra$/.test(edit.path);
    const found = reasons.filter((r) => under(r.path) || (moved && parent(r.path) === parent(edit.path) && r.message.includes('extra')));
    if (found.length) return { ...edit, rule: found[0]!.rule, message: found.map((r) => r.message).join('; ') };
    return { ...edit, rule: edit.path === '' ? 'layout' : 'normalize', message: edit.path === '' ? 'canonical layout' : 'written as the reader reads it' };
  };
  const whole = (out: string): FixTextResult => ({
    text: out,
    changed: out !== text,
    changes: out !== text && !changes.length ? ['canonical layout'] : changes,
    edits: out !== text ? [describe({ line: 1, column: 1, path: '', old: text, new: out })] : [],
    rewritten: out !== text,
    errors: [],
  });
  if (options.layout === 'canonical') return whole(canonical());
  const edited = format === 'json' ? editJsonFile(text, fixed.event) : editEventFile(text, fixed.event, format);
  if (edited) return { text: edited.text, changed: edited.text !== text, changes: edited.edits.length ? changes : [], edits: edited.edits.map(describe), rewritten: false, errors: [] };
  // Not editable in place: left alone, and said, when something is to be fixed.
  if (!changes.length) return leftAlone([]);
  return leftAlone([
    createIssue('error', 'fix/not-in-place', `${changes.length === 1 ? 'a fix' : `${changes.length} fixes`} cannot be made by editing only the lines they concern (the file's layout is unusual: flow-style front matter, mixed line endings...); left alone: run fix --format to write it in the canonical layout`, { file: options.file }),
  ]);
}

/** A JSON file's repeated key, as an issue with its place. */
function jsonRepeat(text: string, file: string | undefined): Issue | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const key = repeatedJsonKey(body);
  return key === undefined ? undefined : createIssue('error', 'fix/repeated-key', '', { file, ...(jsonLocator(body)([key]) ?? {}), path: key });
}
