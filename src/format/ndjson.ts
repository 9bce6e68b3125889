/**
 * Values as newline-delimited JSON: one compact JSON document a line, a final
 * newline; easy to stream, grep and load in pandas (`lines=True`).
 *
 * @param values - events or any JSON values
 * @returns the NDJSON text
 *
 * @example
 * ```ts
 * toNDJSON([{ id: 'a' }, { id: 'b' }]);
 * // => '{"id":"a"}\n{"id":"b"}\n'
 * ```
 */
export function toNDJSON(values: readonly unknown[]): string {
  let out = '';
  for (const value of values) out += `${JSON.stringify(value)}\n`;
  return out;
}
