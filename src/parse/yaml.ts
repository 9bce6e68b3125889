import yaml from 'js-yaml';

// js-yaml 3 is the parser gray-matter already ships, so a browser bundle
// carries one YAML parser, not two. CORE_SCHEMA: no timestamps (a written
// `2025-02-30` stays that string), no merge keys, no custom or `!!js/*` tags.
const LOAD_OPTIONS = { schema: yaml.CORE_SCHEMA } as const;

/** Parsed values larger than this (counting every alias expansion) are refused. */
export const MAX_YAML_NODES = 100_000;

/** A YAML problem with its 0-based position in the parsed text. */
export interface YamlProblem {
  /** `yaml/syntax`, `yaml/duplicate-key` or `yaml/alias-limit`. */
  code: 'yaml/syntax' | 'yaml/duplicate-key' | 'yaml/alias-limit';
  /** What went wrong. */
  message: string;
  /** 0-based line in the parsed text. */
  line?: number;
  /** 0-based column in the parsed text. */
  column?: number;
}

/** The outcome of {@link loadYaml}. */
export interface YamlResult {
  /** The parsed value, when there was one. */
  value?: unknown;
  /** What was wrong; a duplicate key still yields a value (the last one wins). */
  problems: YamlProblem[];
}

interface YamlException {
  name: string;
  reason?: string;
  message: string;
  mark?: { line: number; column: number };
}

function problemOf(error: unknown, code: YamlProblem['code']): YamlProblem {
  const e = error as YamlException;
  if (e && e.name === 'YAMLException') {
    return { code, message: e.reason ?? e.message, line: e.mark?.line, column: e.mark?.column };
  }
  return { code, message: error instanceof Error ? error.message : String(error) };
}

// Counts nodes as a serialiser would see them, expanding every alias, with a
// memo per object so the walk itself stays linear in the parsed graph.
function expandedSize(value: unknown, memo: Map<object, number>, budget: number): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, budget + 1); // a cycle counts as over budget
  let size = 1;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    size += expandedSize(child, memo, budget);
    if (size > budget) break;
  }
  memo.set(value, size);
  return size;
}

/**
 * Parses YAML safely: no code, no custom tags, duplicate keys reported, alias
 * expansion bounded.
 *
 * @param text - YAML text
 * @returns the value and the problems found
 */
export function loadYaml(text: string): YamlResult {
  let value: unknown;
  const problems: YamlProblem[] = [];
  try {
    value = yaml.safeLoad(text, LOAD_OPTIONS);
  } catch (error) {
    const problem = problemOf(error, 'yaml/syntax');
    if (!/duplicated mapping key/.test(problem.message)) return { problems: [problem] };
    problems.push({ ...problem, code: 'yaml/duplicate-key', message: 'duplicated key; the last value is used' });
    try {
      value = yaml.safeLoad(text, { ...LOAD_OPTIONS, json: true });
    } catch (second) {
      return { problems: [problemOf(second, 'yaml/syntax')] };
    }
  }
  // Only a text with both an anchor and an alias can expand.
  if (text.includes('*') && text.includes('&')) {
    if (expandedSize(value, new Map(), MAX_YAML_NODES) > MAX_YAML_NODES) {
      return {
        problems: [
          {
            code: 'yaml/alias-limit',
            message: `aliases expand to more than ${MAX_YAML_NODES} values; refused`,
          },
        ],
      };
    }
  }
  return { value, problems };
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
