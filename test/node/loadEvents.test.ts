import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringifyEvent } from '../../src/index.js';
import { loadEvents } from '../../src/node/index.js';
import { SEED_FILE, SEEDS } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-load-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const folder = (name: string, files: Record<string, string>) => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
};

const ev = (date: string, slug: string, extra: Partial<ReturnType<typeof makeEvent>> = {}) => makeEvent({ id: `${date}--${slug}`, date, ...extra });

describe('loadEvents', () => {
  it('loads the seeds strictly with no issue', async () => {
    const { events, issues } = await loadEvents(SEEDS);
    expect(issues).toEqual([]);
    expect(events.map((e) => e.id)).toEqual(['2025-11-06--kazakhstan-abraham-accords-announcement']);
  });

  it('reads md, yaml, yml and json in one folder, sorted by date then id', async () => {
    const a = ev('2024-01-02', 'b');
    const b = ev('2024-01-02', 'a');
    const c = ev('2023-05-01', 'c');
    const d = ev('2025-01-01', 'd');
    const dir = folder('mixed', {
      [`${a.id}.md`]: stringifyEvent(a),
      [`nested/${b.id}.yaml`]: stringifyEvent(b, { format: 'yaml' }),
      [`${c.id}.yml`]: stringifyEvent(c, { format: 'yaml' }),
      [`${d.id}.json`]: stringifyEvent(d, { format: 'json' }),
      'notes.txt': 'not an event',
    });
    const { events, issues } = await loadEvents(dir);
    expect(issues).toEqual([]);
    expect(events).toEqual([c, b, a, d]);
  });

  it('honours include and exclude patterns', async () => {
    const a = ev('2024-01-01', 'a');
    const b = ev('2024-01-02', 'b');
    const dir = folder('patterns', { [`${a.id}.md`]: stringifyEvent(a), [`drafts/${b.id}.md`]: stringifyEvent(b) });
    expect((await loadEvents(dir, { exclude: 'drafts/**' })).events.map((e) => e.id)).toEqual([a.id]);
    expect((await loadEvents(dir, { include: 'drafts/*.md' })).events.map((e) => e.id)).toEqual([b.id]);
  });

  it('loads files whose names hold quotes, $, :, spaces, non-ASCII and a literal backslash', async () => {
    const names = ['q"uote', 'dollar$sign', 'co:lon', 'with space', 'caf\u00e9-\u65e5\u672c', 'back\\slash'];
    const files: Record<string, string> = {};
    names.forEach((name, i) => {
      const e = ev(`2024-02-${String(i + 10)}`, `n${i}`);
      files[`${name}.md`] = stringifyEvent(e);
    });
    const dir = folder('names', files);
    const { events, issues } = await loadEvents(dir, { mode: 'lenient' });
    expect(events).toHaveLength(names.length);
    expect(issues).toEqual([]);
    // Reading strictly, the loader asks lint's identity rule: each file is refused, named as it is.
    const strict = await loadEvents(dir, { mode: 'strict' });
    expect(strict.events).toEqual([]);
    expect(strict.issues.map((i) => [i.code, i.severity, i.line])).toEqual(names.map(() => ['identity/file-name', 'error', 2]));
    expect(strict.issues.map((i) => i.file).sort()).toEqual(names.map((n) => join(dir, `${n}.md`)).sort());
    expect(strict.counts).toEqual({ files: names.length, records: names.length, events: 0, notRead: 0, refused: names.length, duplicates: 0, skipped: 0, hiddenFolders: 0, cached: 0 });
  });

  it('never follows a symlink out of the folder', async () => {
    const outside = folder('outside', { [`${ev('2020-01-01', 'secret').id}.md`]: stringifyEvent(ev('2020-01-01', 'secret')) });
    const dir = folder('links', { [`${ev('2021-01-01', 'inside').id}.md`]: stringifyEvent(ev('2021-01-01', 'inside')) });
    symlinkSync(join(outside, '2020-01-01--secret.md'), join(dir, 'link.md'));
    symlinkSync(outside, join(dir, 'linked-dir'));
    const { events } = await loadEvents(dir);
    expect(events.map((e) => e.id)).toEqual(['2021-01-01--inside']);
  });

  it('keeps the first of two files with the same id and names it: a warning when lenient, an error when strict', async () => {
    const e = ev('2024-03-01', 'twin');
    const dir = folder('twins', { [`${e.id}.json`]: stringifyEvent(e, { format: 'json' }), [`${e.id}.md`]: stringifyEvent({ ...e, title: 'Other' }) });
    for (const [mode, severity] of [['lenient', 'warning'], ['strict', 'error']] as const) {
      const { events, issues, counts } = await loadEvents(dir, { mode });
      expect(events).toEqual([e]);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ severity, code: 'identity/duplicate-id', file: join(dir, `${e.id}.md`), line: 2 });
      expect(issues[0]!.message).toContain(join(dir, `${e.id}.json`));
      expect(counts).toMatchObject({ files: 2, events: 1, duplicates: 1 });
    }
  });

  it('keeps the twin whose file is named after the id over a misnamed one that comes first', async () => {
    const e = ev('2024-03-02', 'named');
    const dir = folder('named-twin', { 'aaa-copy.md': stringifyEvent({ ...e, title: 'Copy' }), [`${e.id}.md`]: stringifyEvent(e) });
    const { events, issues } = await loadEvents(dir, { mode: 'lenient' });
    expect(events).toEqual([e]);
    expect(issues.map((i) => [i.code, i.file])).toEqual([['identity/duplicate-id', join(dir, 'aaa-copy.md')]]);
  });

  it('loads the good files beside bad ones and reports each bad one', async () => {
    const good = ev('2024-04-01', 'good');
    const dir = folder('bad', {
      [`${good.id}.md`]: stringifyEvent(good),
      'broken.md': '---\ntitle: [unclosed\n---\nbody',
      'binary.md': '---\nid: x\u0000\n---\n',
      'empty.json': '',
      'list.yaml': '- a\n- b\n',
      'huge.md': `---\nid: x\n---\n${'x'.repeat(2000)}`,
    });
    const { events, issues } = await loadEvents(dir, { maxBytes: 1500 });
    expect(events).toEqual([good]);
    const byFile = Object.fromEntries(issues.map((i) => [i.file!.slice(dir.length + 1), i.code]));
    expect(byFile).toEqual({
      'binary.md': 'text/nul',
      'broken.md': 'yaml/syntax',
      'empty.json': 'json/syntax',
      'huge.md': 'file/too-large',
      'list.yaml': 'parse/not-an-object',
    });
  });

  it('reports invalid UTF-8 with its line', async () => {
    const [head, tail] = stringifyEvent(ev('2024-05-01', 'bytes')).split('would join');
    const dir = folder('utf8', {});
    // 0xC3 starts a two-byte sequence that the space after it does not finish.
    writeFileSync(join(dir, '2024-05-01--bytes.md'), Buffer.concat([Buffer.from(head!), Buffer.from([0xc3]), Buffer.from(` would join${tail}`)]));
    const { events, issues } = await loadEvents(dir);
    expect(events).toHaveLength(1);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['text/invalid-utf8', head!.split('\n').length]]);
  });

  it('reports a path that does not exist and still loads the others', async () => {
    const { events, issues } = await loadEvents([join(root, 'missing'), SEED_FILE]);
    expect(events).toHaveLength(1);
    expect(issues).toEqual([{ severity: 'error', code: 'file/read', message: 'does not exist', file: join(root, 'missing') }]);
  });

  it('reads thousands of files without running out of file handles', async () => {
    const files: Record<string, string> = {};
    const template = readFileSync(SEED_FILE, 'utf8');
    for (let i = 0; i < 3000; i++) {
      const id = `2025-11-06--copy-${i}`;
      files[`${id}.md`] = template.replace('2025-11-06--kazakhstan-abraham-accords-announcement', id);
    }
    const { events, issues } = await loadEvents(folder('many', files));
    expect(issues).toEqual([]);
    expect(events).toHaveLength(3000);
  });
});

describe('loadEvents with a cache', () => {
  it('gives the same result warm as cold, and sees a changed file', async () => {
    const dir = join(root, 'cached-seeds');
    cpSync(SEEDS, dir, { recursive: true });
    const cache = join(root, 'cache');
    const options = { cache };
    const cold = await loadEvents(dir, options);
    expect(existsSync(join(cache, 'parse-cache.ndjson'))).toBe(true);
    const warm = await loadEvents(dir, options);
    // The cache is used: every file of the warm load comes from it, none of the cold one.
    expect([cold.counts.cached, warm.counts.cached]).toEqual([0, warm.counts.files]);
    expect({ ...warm, counts: { ...warm.counts, cached: 0 } }).toEqual(cold);
    const file = join(dir, '2025-11-06--kazakhstan-abraham-accords-announcement.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('importance: 5', 'importance: 6'));
    expect((await loadEvents(dir, options)).events[0]!.importance).toBe(6);
    writeFileSync(join(cache, 'parse-cache.ndjson'), '{ not json');
    expect((await loadEvents(dir, options)).events[0]!.importance).toBe(6);
    // A cache cut short keeps the entries before the cut, and a damaged line ends the reading there.
    const text = readFileSync(join(cache, 'parse-cache.ndjson'), 'utf8');
    writeFileSync(join(cache, 'parse-cache.ndjson'), text.slice(0, -10));
    expect((await loadEvents(dir, options)).events[0]!.importance).toBe(6);
  });

  it('writes the cache an entry a line, holding only the files just read', async () => {
    const dir = join(root, 'cache-bounded');
    const cache = join(root, 'cache-bounded-cache');
    mkdirSync(dir);
    const events = Array.from({ length: 5 }, (_, i) => ev(`2024-03-0${i + 1}`, `e${i}`));
    for (const e of events) writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
    await loadEvents(dir, { cache });
    const lines = () => readFileSync(join(cache, 'parse-cache.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines()).toHaveLength(1 + 5);
    rmSync(join(dir, `${events[0]!.id}.md`));
    await loadEvents(dir, { cache });
    expect(lines()).toHaveLength(1 + 4);
  });
});

describe('loadEvents and file names', () => {
  it('reads .MD files, reports hidden files, walks a folder whose path holds a backslash, and names a file whose name is not UTF-8', async () => {
    const e = ev('2024-07-01', 'upper');
    const dir = folder('names-case', { [`${e.id}.MD`]: stringifyEvent(e), '.draft.md': stringifyEvent(ev('2024-07-02', 'draft')), '.git/x.md': 'not an event' });
    const { events, issues, counts } = await loadEvents(dir, { mode: 'lenient' });
    expect(events.map((x) => x.id)).toEqual([e.id]);
    expect(issues.map((i) => [i.code, i.file])).toEqual([['file/hidden', join(dir, '.draft.md')]]);
    expect(counts).toMatchObject({ files: 2, events: 1, notRead: 1 });

    const slash = folder('with\\backslash', { [`${e.id}.md`]: stringifyEvent(e) });
    expect((await loadEvents(slash)).events.map((x) => x.id)).toEqual([e.id]);

    const latin1 = Buffer.concat([Buffer.from(join(root, 'names-case', 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]);
    writeFileSync(latin1, stringifyEvent(ev('2024-07-03', 'latin')));
    const bad = await loadEvents(dir, { mode: 'lenient' });
    const named = bad.issues.find((i) => i.code === 'file/read');
    expect(named?.message).toContain('not valid UTF-8');
  });
});

describe('which files are event files', () => {
  it('is what EVENT_FORMATS says, for the folder walk, the default patterns and each format alike', async () => {
    const { EVENT_FORMATS, formatOf } = await import('../../src/parse/parseEvent.js');
    const { DEFAULT_INCLUDE, listEventFiles } = await import('../../src/node/load/loadEvents.js');
    const dir = mkdtempSync(join(tmpdir(), 'dt-formats-'));
    try {
      const expected: string[] = [];
      for (const [format, { extensions }] of Object.entries(EVENT_FORMATS)) {
        for (const ext of extensions) {
          for (const name of [`e-${ext}.${ext}`, `u-${ext}.${ext.toUpperCase()}`]) {
            writeFileSync(join(dir, name), '');
            expected.push(join(dir, name));
            expect(formatOf(name), name).toBe(format);
          }
        }
      }
      for (const name of ['notes.txt', 'README.md', 'actors.yaml', 'dataset.yml', 'e.md.bak']) writeFileSync(join(dir, name), '');
      expect(listEventFiles(dir).sort()).toEqual(expected.sort());
      expect(DEFAULT_INCLUDE).toEqual(Object.values(EVENT_FORMATS).flatMap((f) => f.extensions.map((ext) => `**/*.${ext}`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
