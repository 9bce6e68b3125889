/**
 * A kebab-case slug: lower-case letters and digits joined by single hyphens.
 *
 * @example
 * ```ts
 * SLUG_PATTERN.test('foreign-policy');
 * // => true
 * ```
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An event id: `YYYY-MM-DD--kebab-slug`.
 *
 * @example
 * ```ts
 * EVENT_ID_PATTERN.test('2025-11-06--kazakhstan-abraham-accords-announcement');
 * // => true
 * ```
 */
export const EVENT_ID_PATTERN = /^(\d{4}-\d{2}-\d{2})--([a-z0-9]+(?:-[a-z0-9]+)*)$/;

// Characters that make a name unsafe as a single path segment on any platform.
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME = /[/\\\u0000-\u001f\u007f]/;

/**
 * Tells whether a string is a kebab-case slug.
 *
 * @param value - the text to check
 * @returns true for `abc`, `abc-123`; false for `Abc`, `a--b`, `a_b`
 *
 * @example
 * ```ts
 * isSlug('peter-thiel');
 * // => true
 * ```
 */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * Tells whether an id is safe to use as a file name: no path separators, no
 * `..`, no control characters, not empty.
 *
 * @param value - the id to check
 * @returns true when the id can name a file inside a folder and nothing else
 *
 * @example
 * ```ts
 * isFileSafeId('1976-01-30--buckley-v.-valeo,-ruling');
 * isFileSafeId('../etc/passwd');
 * // => false
 * ```
 */
export function isFileSafeId(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 240 &&
    value !== '.' &&
    !value.includes('..') &&
    !UNSAFE_FILE_NAME.test(value)
  );
}

/**
 * The date part (`YYYY-MM-DD`) of an event id, when it has one.
 *
 * @param id - an event id
 * @returns the leading date, or undefined when the id does not start with one
 *
 * @example
 * ```ts
 * idDate('2025-11-06--kazakhstan-abraham-accords-announcement');
 * // => '2025-11-06'
 * ```
 */
export function idDate(id: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})--/.exec(id);
  return match?.[1];
}

/**
 * Turns free text into a kebab-case slug (ASCII letters and digits only).
 *
 * @param text - a title or name
 * @returns the slug, possibly empty when the text has no letters or digits
 *
 * @example
 * ```ts
 * slugify('Élysée Accord: Phase 2!');
 * // => 'elysee-accord-phase-2'
 * ```
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
