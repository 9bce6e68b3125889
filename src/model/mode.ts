/**
 * How a file is read: `strict`, the canonical model only, or `lenient`,
 * legacy spellings mapped to it with a warning each.
 */
export type Mode = 'strict' | 'lenient';

/**
 * Checks a mode given at run time; throws a TypeError for anything else.
 *
 * @param mode - the value to check; undefined means `strict`
 * @param caller - the function's name, for the message
 * @returns the mode
 *
 * @example
 * ```ts
 * checkMode(undefined, 'parseEvent');
 * // => 'strict'
 * ```
 */
export function checkMode(mode: unknown, caller: string): Mode {
  if (mode === undefined) return 'strict';
  if (mode !== 'strict' && mode !== 'lenient') throw new TypeError(`${caller}: mode must be 'strict' or 'lenient'`);
  return mode;
}
