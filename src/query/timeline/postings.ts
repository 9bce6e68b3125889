import { bisect } from '../bisect.js';

/** Each key (a tag, an actor...) with the sorted positions of the events that have it. */
export type Postings = Map<string, Int32Array>;

/** An empty list of positions. */
export const EMPTY = new Int32Array(0);

/** The postings of `count` positions, each key's positions in order, each once. */
export function buildPostings(count: number, keysOf: (i: number) => readonly string[]): Postings {
  const lists = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    for (const key of keysOf(i)) {
      const list = lists.get(key);
      if (!list) lists.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  const out: Postings = new Map();
  for (const [key, list] of lists) out.set(key, Int32Array.from(list));
  return out;
}

/** Two sorted lists of positions merged, each position once. */
function merge(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) i++;
    if (y <= x) j++;
    out[k++] = x < y ? x : y;
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out.subarray(0, k);
}

/** Sorted lists of positions united, each position once. */
export function union(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return EMPTY;
  if (lists.length <= 4) return lists.reduce(merge);
  let size = 0;
  for (const l of lists) size += l.length;
  const all = new Int32Array(size);
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

/** The indexes [from, to) into a sorted list of positions of those that lie in [start, end). */
export const spanIn = (list: Int32Array, start: number, end: number): [number, number] => [
  bisect(list.length, (k) => list[k]! < start),
  bisect(list.length, (k) => list[k]! < end),
];

/** The part of a sorted list of positions that lies in [start, end). */
export function inRange(list: Int32Array, start: number, end: number): Int32Array {
  const [from, to] = spanIn(list, start, end);
  return from === 0 && to === list.length ? list : list.subarray(from, to);
}
