import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitDataset } from '../../src/parse/datasetRecords.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const texts = (text: string, layout: 'json' | 'ndjson') => {
  const b = bytes(text);
  return splitDataset(b, layout).records.map((r) => new TextDecoder().decode(b.subarray(r.start, r.end)));
};

describe('splitDataset', () => {
  it('gives each item of a JSON list, with the line and column it starts at', () => {
    const text = '[\n  {"id": "a", "t": "x]}\\"{"},\n  {"id": "b"}, 3, "é", [1, [2]]\n]\n';
    const { records, problem } = splitDataset(bytes(text), 'json');
    expect(problem).toBeUndefined();
    expect(texts(text, 'json')).toEqual(['{"id": "a", "t": "x]}\\"{"}', '{"id": "b"}', '3', '"é"', '[1, [2]]']);
    expect(records.map((r) => [r.line, r.column])).toEqual([[2, 3], [3, 3], [3, 16], [3, 19], [3, 24]]);
  });

  it('splits what JSON.stringify writes into exactly its items, in any layout', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), fc.constantFrom(undefined, 2, '\t'), (items, indent) => {
        const text = JSON.stringify(items, null, indent);
        const got = texts(text, 'json').map((t) => JSON.parse(t) as unknown);
        expect(got).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps every item before the place where a file is cut short, and says where', () => {
    const text = '[\n  {"id": "a"},\n  {"id": "b", "title": "cut';
    const { records, problem } = splitDataset(bytes(text), 'json');
    expect(records).toHaveLength(1);
    expect(problem).toEqual({ line: 3, column: 3, message: 'the file ends inside item 2 (cut short?)' });
    expect(splitDataset(bytes('[{"id": "a"},'), 'json').problem?.message).toBe('the file ends before the list is closed (cut short?)');
    expect(splitDataset(bytes('[{"id": "a"} {"id": "b"}]'), 'json').problem?.message).toBe('expected , or ] after item 1');
    expect(splitDataset(bytes('[{"id": "a"},]'), 'json').problem?.message).toBe('a comma before ]: expected another item');
    expect(splitDataset(bytes('{"id": "a"}'), 'json').problem?.message).toBe('expected a JSON list of events, starting with [');
    expect(splitDataset(bytes('[] x'), 'json').problem?.message).toBe('text after the end of the list');
    expect(splitDataset(bytes('\ufeff[]'), 'json')).toEqual({ records: [] });
  });

  it('gives each non-blank line of NDJSON, CRLF and blank lines included', () => {
    const text = '{"id": "a"}\r\n\n  {"id": "b"}\n';
    const { records } = splitDataset(bytes(text), 'ndjson');
    expect(texts(text, 'ndjson')).toEqual(['{"id": "a"}', '{"id": "b"}']);
    expect(records.map((r) => [r.line, r.column])).toEqual([[1, 1], [3, 3]]);
  });

  it('reads a list on one long line in time linear in its size', () => {
    // Columns are measured from the last one, so a minified file is read once.
    const item = '{"id": "é-x", "n": [1, 2, {"a": "b"}]}';
    const count = (n: number) => {
      const b = bytes(`[${Array.from({ length: n }, () => item).join(',')}]`);
      let reads = 0;
      const counting = new Proxy(b, { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) ? (reads++, t[Number(k)]) : Reflect.get(t, k)) });
      expect(splitDataset(counting, 'json').records).toHaveLength(n);
      return reads;
    };
    const small = count(200);
    const large = count(1600);
    expect(large / small).toBeLessThan(8 * 1.2);
  });
});
