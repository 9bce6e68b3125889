/** A field path, as the file spells it: keys and list indexes, e.g. `['sources', 1, 'archive_url']`. */
export type FieldPath = readonly (string | number)[];

/** A 1-based position in a text. */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** Finds where a field is written in a file: its position, or undefined when it cannot tell. */
export type Locator = (path: FieldPath) => Position | undefined;

/**
 * Writes a field path the way people read it: `sources[1].url`.
 *
 * @param path - keys and list indexes
 * @returns the dotted path
 *
 * @example
 * ```ts
 * formatPath(['sources', 1, 'url']);
 * // => 'sources[1].url'
 * ```
 */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/**
 * Reads a field path written the way people read it back into its parts.
 *
 * @param path - e.g. `sources[1].url`
 * @returns the keys and list indexes
 *
 * @example
 * ```ts
 * parsePath('sources[1].url');
 * // => ['sources', 1, 'url']
 * ```
 */
export function parsePath(path: string): FieldPath {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return out;
}

/**
 * A plain key-value object (not an array, not null).
 *
 * @param value - anything
 * @returns true for an object that is not a list
 *
 * @example
 * ```ts
 * isRecord([]);
 * // => false
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths are followed this deep at most by a locator; deeper parts resolve to the enclosing field. */
export const MAX_LOCATE_DEPTH = 8;
