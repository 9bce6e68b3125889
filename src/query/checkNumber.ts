/** A number, not NaN; else a TypeError naming what was expected: the one check of every numeric query value. */
export function checkNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${name}: expected a number`);
  return value;
}
