/**
 * An object without its undefined values, so that JSON written from it has
 * no key for what is not there, and deep equality does not see one.
 *
 * @param object - the object
 * @returns a new object with the same defined values
 *
 * @example
 * ```ts
 * clean({ name: 'x', title: undefined });
 * // => { name: 'x' }
 * ```
 */
export const clean = <T extends object>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
