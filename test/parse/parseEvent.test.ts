import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseEvent, stringifyEvent, type Issue } from '../../src/index.js';
import { lintEvents } from '../../src/lint.js';
import { FIXTURES, SEED_FILE } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';

const SEED = readFileSync(SEED_FILE, 'utf8');

const md = (front: string, body = 'What happened.') => `---\n${front}\n---\n\n${body}\n`;
const BASE = [
  'id: 2025-11-06--kazakhstan-abraham-accords-announcement',
  "date: '2025-11-06'",
  'title: Kazakhstan joins the Abraham Accords',
  'importance: 5',
  'tags:',
  '- foreign-policy',
  'actors:',
  '- Donald Trump',
  'sources:',
  '- title: Kazakhstan to join Abraham Accords',
  '  url: https://www.axios.com/2025/11/06/x',
];
const withLines = (replace: Record<number, string | null>, extra: string[] = []) =>
  md([...BASE.map((line, i) => (i in replace ? replace[i] : line)).filter((l): l is string => l !== null), ...extra].join('\n'));

const codes = (issues: Issue[]) => issues.map((i) => i.code);
const one = (issues: Issue[], code: string) => {
  const found = issues.find((i) => i.code === code);
  expect(found, `${code} in ${JSON.stringify(issues, null, 1)}`).toBeDefined();
  return found!;
};

describe('parseEvent', () => {
  it('reads the seed strictly with no issue', () => {
    const { event, issues } = parseEvent(SEED, { file: 'seeds/2025-11-06--kazakhstan-abraham-accords-announcement.md' });
    expect(issues).toEqual([]);
    expect(event?.title).toBe('Trump Announces Kazakhstan Joining Abraham Accords Despite Existing Diplomatic Relations with Israel Since 1992');
    expect(event?.summary.startsWith('President Trump announced at the C5+1 summit')).toBe(true);
    expect(event?.summary.endsWith('breakthroughs in 2025.')).toBe(true);
  });

  it('names the file, line, column, field and code of a schema error', () => {
    const { event, issues } = parseEvent(withLines({ 3: 'importance: high' }), { file: 'seeds/x.md' });
    expect(event).toBeUndefined();
    const issue = one(issues, 'schema/importance');
    expect(`${issue.file}:${issue.line}:${issue.column} ${issue.message} [${issue.code}]`).toBe(
      'seeds/x.md:5:13 importance: expected an integer 1-10, or null when not rated, got "high" [schema/importance]',
    );
    expect(issue.path).toBe('importance');
  });

  it('locates nested fields: the line of sources[0].url in the file', () => {
    const { issues } = parseEvent(withLines({ 10: '  url: ftp://example.org/x' }), { file: 'x.md' });
    const issue = one(issues, 'schema/sources.url');
    expect([issue.line, issue.column, issue.path]).toEqual([12, 8, 'sources[0].url']);
  });

  it('reports a missing required field and never invents it', () => {
    const { event, issues } = parseEvent(withLines({ 3: null }));
    expect(event).toBeUndefined();
    expect(one(issues, 'schema/importance').message).toBe('importance: expected an integer 1-10, or null when not rated, but it is missing');
    // Leniently, a missing importance reads as null (not rated), with a warning: no value is made up.
    const lenient = parseEvent(withLines({ 3: null }), { mode: 'lenient' });
    expect(lenient.event?.importance).toBeNull();
    expect(one(lenient.issues, 'legacy/missing-importance').severity).toBe('warning');
  });

  it('gives YAML syntax errors their line in the file, not in the front matter', () => {
    const { issues } = parseEvent(withLines({ 2: 'title: [unclosed' }), { file: 'x.md' });
    const issue = one(issues, 'yaml/syntax');
    expect(issue.severity).toBe('error');
    expect(issue.line).toBeGreaterThanOrEqual(4);
  });

  it('refuses files without front matter', () => {
    expect(codes(parseEvent('just text').issues)).toEqual(['frontmatter/missing']);
    expect(codes(parseEvent('---\nid: x\n').issues)).toEqual(['frontmatter/missing']);
  });

  it('reads BOM and CRLF files', () => {
    const { event, issues } = parseEvent(`\ufeff${SEED.replace(/\n/g, '\r\n')}`);
    expect(issues).toEqual([]);
    expect(event?.summary).not.toContain('\r');
  });

  it('reads YAML and JSON files with the summary as a field', () => {
    const event = makeEvent();
    for (const format of ['yaml', 'json'] as const) {
      const text = stringifyEvent(event, { format });
      expect(parseEvent(text, { format })).toEqual({ event, issues: [] });
      expect(parseEvent(text, { file: `events/${event.id}.${format === 'yaml' ? 'yml' : 'json'}` }).event).toEqual(event);
    }
  });

  it('reports the line and column of a JSON syntax error', () => {
    const { issues } = parseEvent('{\n  "id": "x",\n  "date": oops\n}', { format: 'json', file: 'x.json' });
    const issue = one(issues, 'json/syntax');
    expect([issue.line, issue.column]).toEqual([3, 11]);
    const trailing = one(parseEvent('{"id": 1,\n}', { format: 'json' }).issues, 'json/syntax');
    expect([trailing.line, trailing.column]).toEqual([2, 1]);
  });

  it('locates schema errors in JSON files', () => {
    const text = JSON.stringify({ ...makeEvent(), importance: 'high' }, null, 2);
    const issue = one(parseEvent(text, { format: 'json' }).issues, 'schema/importance');
    expect(text.split('\n')[issue.line! - 1]).toContain('"importance": "high"');
  });

  it('leaves the file name to the loader: one file parses whatever it is called', () => {
    const { event } = parseEvent(SEED);
    expect(event).toBeDefined();
    expect(parseEvent(SEED, { file: 'other-name.md' })).toEqual({ event, issues: [] });
  });

  it('throws only for programmer errors', () => {
    expect(() => parseEvent(42 as unknown as string)).toThrow(TypeError);
    expect(() => parseEvent('', { mode: 'loose' as 'strict' })).toThrow(TypeError);
  });
});

describe('parseEvent hardening', () => {
  it('never executes JavaScript front matter', () => {
    const g = globalThis as { pwned?: number };
    for (const fence of ['---js', '---javascript', '--- js']) {
      const { event, issues } = parseEvent(`${fence}\n{ id: (globalThis.pwned = 1) }\n---\nbody`);
      expect(event).toBeUndefined();
      expect(codes(issues)).toEqual(['frontmatter/missing']);
    }
    expect(g.pwned).toBeUndefined();
  });

  it('refuses custom YAML tags', () => {
    for (const tag of ['!!js/function "function () { globalThis.pwned = 1 }"', '!!js/undefined ""', '!!python/object:os.system "ls"', '!custom x']) {
      const { event, issues } = parseEvent(withLines({ 2: `title: ${tag}` }));
      expect(event).toBeUndefined();
      expect(codes(issues)).toContain('yaml/syntax');
    }
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const n of 'bcdefghi') bomb.push(`${n}: &${n} [${Array(9).fill(`*${String.fromCharCode(n.charCodeAt(0) - 1)}`).join(',')}]`);
    const text = md(`${bomb.join('\n')}\ntags: *i`);
    expect(text.length).toBeLessThan(1000);
    const { event, issues } = parseEvent(text);
    expect(event).toBeUndefined();
    expect(codes(issues)).toEqual(['yaml/alias-limit']);
  });

  it('reports duplicate keys: an error in strict mode, a warning in lenient mode', () => {
    const text = withLines({}, ['importance: 6']);
    const strict = parseEvent(text);
    expect(strict.event).toBeUndefined();
    expect(one(strict.issues, 'yaml/duplicate-key').line).toBe(13);
    const lenient = parseEvent(text, { mode: 'lenient' });
    expect(one(lenient.issues, 'yaml/duplicate-key').severity).toBe('warning');
    expect(lenient.event?.importance).toBe(6);
  });

  it('keeps unquoted dates as written, so an impossible day is refused, not moved', () => {
    const { event, issues } = parseEvent(withLines({ 0: 'id: 2025-02-30--x', 1: 'date: 2025-02-30' }));
    expect(event).toBeUndefined();
    expect(one(issues, 'schema/date').message).toBe('date: expected a real calendar day, got "2025-02-30"');
    expect(parseEvent(withLines({ 1: 'date: 2025-11-06' })).event?.date).toBe('2025-11-06');
  });

  it('reads a number not written as a plain decimal as the text it is, so 0x7E9 or 1e3 is never taken for a year', () => {
    for (const written of ['0x7E9', '0o3751', '1e3', '2.025e3', '2025.0', '+2025', '2_025']) {
      for (const mode of ['strict', 'lenient'] as const) {
        const { event, issues } = parseEvent(withLines({ 0: 'id: 2025-01-01--x', 1: `date: ${written}` }), { mode });
        expect(event, `${written} ${mode}`).toBeUndefined();
        expect(one(issues, 'schema/date').message, written).toContain(`got "${written}"`);
      }
    }
    const json = (date: string) => `{"id": "2025-01-01--x", "date": ${date}, "title": "T", "summary": "S", "importance": 5, "tags": ["a"], "actors": [], "sources": [{"title": "A"}]}`;
    expect(one(parseEvent(json('1e3'), { format: 'json' }).issues, 'schema/date').message).toContain('got "1e3"');
    expect(parseEvent(json('2025'), { format: 'json' }).event?.date).toBe('2025');
    // A year written as a plain number is a year; importance 0x5 is not 5.
    expect(parseEvent(withLines({ 0: 'id: 2025-01-01--x', 1: 'date: 2025' })).event?.date).toBe('2025');
    expect(one(parseEvent(withLines({ 3: 'importance: 0x5' })).issues, 'schema/importance').message).toContain('"0x5"');
    expect(parseEvent(withLines({}, ['notes: 2.5'])).event).toBeUndefined();
    expect(parseEvent(withLines({}, ['extra: { ratio: 2.5, count: -3 }'])).event?.extra).toEqual({ ratio: 2.5, count: -3 });
  });

  it('refuses control and bidirectional characters in a link when strict; percent-encodes them when lenient', () => {
    const escape = withLines({ 10: '  url: "https://www.axios.com/x\\e[31mRED\\e[0m\\u202e"' });
    const strict = parseEvent(escape);
    expect(strict.event).toBeUndefined();
    expect(one(strict.issues, 'schema/sources.url').message).toMatch(/^sources\[0\]\.url: expected a link with no control or bidirectional characters/);
    const lenient = parseEvent(escape, { mode: 'lenient' });
    expect(lenient.event?.sources[0]?.url).toBe('https://www.axios.com/x%1B[31mRED%1B[0m%E2%80%AE');
    expect(one(lenient.issues, 'security/url-control')).toMatchObject({ severity: 'warning', line: 12, path: 'sources[0].url' });
  });

  it('refuses, strictly, text no file can carry (a NUL, half a surrogate pair); reads it leniently as U+FFFD, and says so', () => {
    for (const [summary, title] of [['Before\u0000after.', 'A title'], ['A summary.', 'Half \ud800 a pair']]) {
      const text = JSON.stringify({ ...makeEvent(), summary, title });
      const strict = parseEvent(text, { format: 'json' });
      expect(strict.event, summary).toBeUndefined();
      const lenient = parseEvent(text, { format: 'json', mode: 'lenient' });
      expect(lenient.issues.map((i) => i.code)).toEqual(['legacy/unwritable']);
      expect(`${lenient.event!.summary} ${lenient.event!.title}`).toContain('\ufffd');
      // What it reads, every format writes and reads back the same.
      for (const format of ['md', 'yaml', 'json'] as const) expect(parseEvent(stringifyEvent(lenient.event!, { format }), { format }).event).toEqual(lenient.event);
    }
  });

  it('never lets __proto__ or constructor keys reach a prototype', () => {
    for (const mode of ['strict', 'lenient'] as const) {
      const text = withLines({}, ['__proto__:', '  polluted: yes', '  importance: 9', 'constructor:', '  prototype:', '    polluted: yes']);
      const { event, issues } = parseEvent(text, { mode });
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect(codes(issues)).toContain('security/forbidden-key');
      if (event) {
        expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
        expect(event.importance).toBe(5);
        expect((event as { polluted?: unknown }).polluted).toBeUndefined();
      }
    }
    const json = parseEvent(JSON.stringify({ ...makeEvent(), __proto__: { importance: 1 } }).replace('"id"', '"__proto__":{"polluted":1},"id"'), { format: 'json', mode: 'lenient' });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(json.event?.importance).toBe(5);
  });

  it('refuses files over the size limit with a clear issue', () => {
    const { issues } = parseEvent(SEED, { maxLength: 100, file: 'big.md' });
    expect(issues).toEqual([{ severity: 'error', code: 'file/too-large', message: `${SEED.length} characters is over the limit of 100`, file: 'big.md' }]);
  });

  it('refuses NUL bytes and reports invalid UTF-8 with its position, leaving mojibake to lint', () => {
    expect(codes(parseEvent(SEED.replace('Kazakh President', 'Kazakh\u0000President')).issues)).toEqual(['text/nul']);
    const bad = parseEvent(SEED.replace('Kazakh President', 'Kazakh \ufffd President'));
    expect(one(bad.issues, 'text/invalid-utf8').line).toBe(32);
    const original = readFileSync(`${FIXTURES}/seed-original-mojibake.md`, 'utf8');
    const { event, issues } = parseEvent(original);
    expect(event).toBeDefined();
    expect(issues).toEqual([]);
    const [moji] = lintEvents([{ event: event! }], { rules: ['lint/mojibake'] });
    expect(moji).toMatchObject({ severity: 'warning', path: 'summary', fixable: true });
    expect(moji!.message).toContain('should read "\u2014"');
  });

  it('refuses deeply nested values with an issue, not a crash', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const { event, issues } = parseEvent(md(`tags: ${deep}`));
    expect(event).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.severity === 'error' || i.severity === 'warning')).toBe(true);
  });

  it('turns an unexpected failure inside the reader into an issue, not a crash', async () => {
    vi.resetModules();
    vi.doMock('../../src/normalize/normalizeEvent.js', () => ({
      normalizeEvent: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }));
    try {
      const { parseEvent: withFailure } = await import('../../src/parse/parseEvent.js');
      expect(withFailure(SEED, { file: 'x.md' })).toEqual({
        issues: [{ severity: 'error', code: 'parse/internal', message: 'could not be read: Maximum call stack size exceeded', file: 'x.md' }],
      });
    } finally {
      vi.doUnmock('../../src/normalize/normalizeEvent.js');
      vi.resetModules();
    }
  });
});

describe('parseEvent keeps extra values safe to copy', () => {
  it('drops __proto__, constructor and prototype keys nested inside extra values', () => {
    const text = md(
      [
        ...BASE,
        'validation_metadata:',
        '  score: 3',
        '  __proto__:',
        '    polluted: yes',
        '  deeper:',
        '  - constructor:',
        '      prototype:',
        '        polluted: yes',
      ].join('\n'),
    );
    const { event, issues } = parseEvent(text, { mode: 'lenient' });
    expect(event?.extra).toEqual({ validation_metadata: { score: 3, deeper: [{}] } });
    expect(issues.filter((i) => i.code === 'security/forbidden-key').map((i) => i.path)).toEqual([
      'validation_metadata.__proto__',
      'validation_metadata.deeper[0].constructor',
    ]);
    const copy = Object.assign({}, event?.extra?.validation_metadata);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('parseEvent and a summary in the front matter', () => {
  it('keeps a front matter summary beside the body in extra, located in the front matter', () => {
    const { event, issues } = parseEvent(withLines({}, ['summary: An older summary']), { mode: 'lenient' });
    expect(event?.summary).toBe('What happened.');
    expect(event?.extra).toEqual({ summary: 'An older summary' });
    expect(issues.find((i) => i.path === 'summary')?.line).toBe(13);
  });

  it('reads the front matter summary when the body is empty', () => {
    const { event, issues } = parseEvent(md([...BASE, 'summary: The only summary'].join('\n'), ''), { mode: 'lenient' });
    expect(event?.summary).toBe('The only summary');
    expect(issues.map((i) => i.code)).toEqual(['legacy/summary-in-frontmatter']);
  });
});

describe('parseEvent and YAML block scalars', () => {
  it('reads a summary written as a block scalar without the line break YAML adds, in both modes', () => {
    const text = stringifyEvent(makeEvent(), { format: 'yaml' }).replace(/^summary: .*$/m, 'summary: |\n  Two lines,\n  of summary.');
    for (const mode of ['strict', 'lenient'] as const) expect(parseEvent(text, { format: 'yaml', mode }).event?.summary).toBe('Two lines,\nof summary.');
    const spaced = parseEvent(stringifyEvent(makeEvent(), { format: 'yaml' }).replace(/^summary: .*$/m, 'summary: "text   "'), { format: 'yaml' });
    expect(spaced.issues.map((i) => i.message)).toEqual(['summary: expected a summary with no blank line before it and no white space after it, got "text   "']);
  });
});
