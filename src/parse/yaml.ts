import yaml from 'js-yaml';
import { createIssue, type Issue } from '../model/issue.js';
import { severityOf } from '../model/issueCodes.js';
import type { Mode } from '../model/mode.js';
import { repeatedYamlKey } from './scanYaml.js';

// js-yaml 3: measured fastest on the corpus's front matter (see the
// CHANGELOG), and small enough for a browser bundle. The schema is the core
// one with exact numbers: no timestamps (a written `2025-02-30` stays that
// string), no merge keys, no custom or `!!js/*` tags.
type YamlType = InstanceType<typeof yaml.Type> & { tag: string; resolve(data: string): boolean; construct(data: string): unknown };
const builtin = (tag: string) => (yaml.JSON_SCHEMA as unknown as { implicit: YamlType[] }).implicit.find((t) => t.tag === `tag:yaml.org,2002:${tag}`)!;
const INT = builtin('int');
const FLOAT = builtin('float');

// Numbers a reader cannot hold exactly, or that are written in a base other
// than ten, stay the text they were written as, so writing the file back
// never changes them and nothing is read as a number it does not look like:
// a decimal with a leading zero (a zip code; octal to YAML 1.1, decimal to
// 1.2), an integer a double cannot hold, a float that overflows to infinity
// without being written `.inf`; and hexadecimal, octal, binary, a leading
// `+` or `_` separators (`importance: 0x5` is not 5). Floats keep their
// exponent form, which the writer uses; a date written as one is caught
// by the event reader, which looks at how it was written.
const exactInt = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => INT.resolve(data) && /^-?(?:0|[1-9][0-9]*)$/.test(data) && String(Number(data)) === data,
  construct: (data: string) => INT.construct(data),
});
const exactFloat = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) => {
    if (!FLOAT.resolve(data)) return false;
    // An integer too large for the int type is not a float either, nor one written with + or _.
    if (/^[-+]?[0-9_]+$/.test(data) || /^\+|_/.test(data)) return false;
    return Number.isFinite(FLOAT.construct(data) as number) || /^[-+]?\.(?:inf|nan)$/i.test(data);
  },
  construct: (data: string) => FLOAT.construct(data),
});
const EXACT_SCHEMA = new yaml.Schema({
  include: [yaml.FAILSAFE_SCHEMA],
  implicit: [builtin('null'), builtin('bool'), exactInt, exactFloat],
} as never);

const LOAD_OPTIONS = { schema: EXACT_SCHEMA } as const;

/** Parsed values larger than this (counting every alias expansion) are refused. */
const MAX_YAML_NODES = 100_000;

/**
 * Parsed values whose text, with every alias expanded, is longer than this
 * many characters are refused: a small file whose aliases repeat one long
 * string would otherwise grow to gigabytes when it is written out.
 */
export const MAX_YAML_EXPANDED_CHARS = 16 * 1024 * 1024;

/** The outcome of {@link loadYaml}. */
export interface YamlResult {
  /** The parsed value, when there was one. */
  value?: unknown;
  /** What was wrong, positioned in the parsed text; a duplicate key still yields a value (the last one wins). */
  issues: Issue[];
}

interface YamlException {
  name: string;
  reason?: string;
  message: string;
  mark?: { line: number; column: number };
}

function issueOf(error: unknown, code: 'yaml/syntax' | 'yaml/duplicate-key', mode: Mode, message?: string): Issue {
  const e = error as YamlException;
  const text = message ?? (e && e.name === 'YAMLException' ? (e.reason ?? e.message) : error instanceof Error ? error.message : String(error));
  const mark = e && e.name === 'YAMLException' ? e.mark : undefined;
  return createIssue(severityOf(code, mode), code, text, mark ? { line: mark.line + 1, column: Math.max(1, mark.column + 1) } : {});
}

/** The size of a value as a writer would see it, every alias expanded. */
interface Size {
  nodes: number;
  chars: number;
}

const OVER: Size = { nodes: Infinity, chars: Infinity };

// Measures nodes and characters (keys and scalars) as a serialiser would
// see them, expanding every alias, with a memo per object so the walk itself
// stays linear in the parsed graph. It stops as soon as a budget is passed.
function expandedSize(value: unknown, memo: Map<object, Size>, budget: Size): Size {
  if (value === null || typeof value !== 'object') return { nodes: 1, chars: typeof value === 'string' ? value.length : 8 };
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, OVER); // a cycle counts as over budget
  const size: Size = { nodes: 1, chars: 2 };
  const isList = Array.isArray(value);
  for (const key of Object.keys(value)) {
    const child = expandedSize((value as Record<string, unknown>)[key], memo, budget);
    size.nodes += child.nodes;
    size.chars += child.chars + (isList ? 0 : key.length);
    if (size.nodes > budget.nodes || size.chars > budget.chars) {
      memo.set(value, OVER);
      return OVER;
    }
  }
  memo.set(value, size);
  return size;
}

/**
 * Parses YAML safely: no code, no custom tags, duplicate keys reported, alias
 * expansion bounded in values and in characters.
 *
 * @param text - YAML text
 * @param mode - how a duplicate key counts: an error when strict, a warning when lenient
 * @returns the value and the issues found, positioned in `text`
 */
export function loadYaml(text: string, mode: Mode = 'strict'): YamlResult {
  let value: unknown;
  const issues: Issue[] = [];
  try {
    value = yaml.safeLoad(text, LOAD_OPTIONS);
  } catch (error) {
    const reason = (error as YamlException)?.reason ?? '';
    if (!/duplicated mapping key/.test(reason || String((error as Error)?.message))) return { issues: [issueOf(error, 'yaml/syntax', mode)] };
    // js-yaml says a key repeats, not which, nor where: the scan finds it.
    const repeated = repeatedYamlKey(text);
    issues.push(
      repeated
        ? createIssue(severityOf('yaml/duplicate-key', mode), 'yaml/duplicate-key', `${repeated.key}: given twice in one mapping; the last value is used`, { line: repeated.line + 1, column: repeated.column + 1, path: repeated.key })
        : issueOf(error, 'yaml/duplicate-key', mode, 'a key given twice; the last value is used'),
    );
    try {
      value = yaml.safeLoad(text, { ...LOAD_OPTIONS, json: true });
    } catch (second) {
      return { issues: [issueOf(second, 'yaml/syntax', mode)] };
    }
  }
  // Only a text with both an anchor and an alias can expand; a long text
  // with neither (a large registry that names AT&T and M*A*S*H) may hold as
  // many values as its length allows.
  if (text.includes('*') && text.includes('&')) {
    const budget = { nodes: Math.max(MAX_YAML_NODES, text.length), chars: Math.max(MAX_YAML_EXPANDED_CHARS, 2 * text.length) };
    if (expandedSize(value, new Map(), budget) === OVER) {
      return { issues: [createIssue('error', 'yaml/alias-limit', `aliases expand to more than ${budget.nodes} values or ${budget.chars} characters; refused`)] };
    }
  }
  return { value, issues };
}

/** Options for YAML output. */
const DUMP_OPTIONS = {
  // DEFAULT_SAFE_SCHEMA knows timestamps, so date-like strings are quoted and
  // stay strings for every other YAML reader (PyYAML, gray-matter's default).
  schema: yaml.DEFAULT_SAFE_SCHEMA,
  noArrayIndent: true,
  lineWidth: -1,
  noRefs: true,
} as const;

/**
 * Writes a plain value as YAML in the house spelling: block style, lists not
 * indented under their key, no line folding, date-like strings quoted.
 *
 * @param value - plain data (objects, arrays, strings, numbers, booleans, null)
 * @returns YAML text ending in a newline
 */
export function dumpYaml(value: unknown): string {
  // js-yaml writes a list directly inside a list wrongly when lists are not
  // indented, so such (rare, `extra`-only) values get indented lists.
  return yaml.safeDump(value, hasNestedList(value) ? { ...DUMP_OPTIONS, noArrayIndent: false } : DUMP_OPTIONS);
}

function hasNestedList(value: unknown, inList = false): boolean {
  if (Array.isArray(value)) return inList || value.some((v) => hasNestedList(v, true));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => hasNestedList(v, false));
  return false;
}

/**
 * Writes one field, `key: value`, as YAML lines in the house spelling, or
 * with its value in flow style (`[a, b]`) when the file wrote it that way.
 *
 * @param key - the key as the file spells it
 * @param value - plain data
 * @param flow - write the value in flow style
 * @returns the lines, unindented, with no final newline
 */
export function dumpYamlField(key: string, value: unknown, flow = false): string[] {
  const text = flow ? yaml.safeDump({ [key]: value }, { ...DUMP_OPTIONS, flowLevel: 1 }) : dumpYaml({ [key]: value });
  return text.replace(/\n$/, '').split('\n');
}
