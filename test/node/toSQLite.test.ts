import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActorRegistry } from '../../src/index.js';
import { importEvents, loadDataset, toSQLite } from '../../src/node/index.js';
import { buildDataset } from '../../src/node/index.js';
import type { LoadedDataset } from '../../src/node/load/loadDataset.js';
import { TABLES } from '../../src/format/tables.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { needs } from '../helpers/tools.js';

const has = (tool: string, args: string[]) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
const SQLITE3 = needs('sqlite3', has('sqlite3', ['--version']));
const SQLITE_UTILS = needs('sqlite-utils', has('sqlite-utils', ['--version']));
const PYTHON = needs('python3', has('python3', ['--version']));

const work = mkdtempSync(join(tmpdir(), 'dt-sqlite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sql = (db: string, query: string) => execFileSync('sqlite3', ['-json', db, query], { encoding: 'utf8', maxBuffer: 1 << 28 });
const rows = (db: string, query: string) => {
  const text = sql(db, query).trim();
  return text ? (JSON.parse(text) as Record<string, unknown>[]) : [];
};

describe.skipIf(!HAS_CORPUS)('toSQLite, the whole corpus, read by the real tools', () => {
  let data: LoadedDataset;
  let db: string;
  beforeAll(async () => {
    const seeds = join(work, 'seeds');
    await importEvents([CORPUS], { out: seeds });
    await buildDataset({ seeds, out: join(work, 'data') });
    data = await loadDataset(join(work, 'data'));
    // build writes the database; toSQLite gives the same bytes from the built events, every time.
    db = join(work, 'data', 'events.sqlite');
    const bytes = await toSQLite(data.events, { registry: createActorRegistry(data.actors), actors: data.actors });
    expect(Buffer.compare(readFileSync(db), Buffer.from(bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(await toSQLite(data.events, { registry: createActorRegistry(data.actors), actors: data.actors })), Buffer.from(bytes))).toBe(0);
  }, 180_000);

  it.runIf(SQLITE3)('holds every event, row for row as events.json, in Debian’s sqlite3', () => {
    expect(rows(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(rows(db, 'PRAGMA foreign_key_check')).toEqual([]);
    // The full-text index agrees with its content table, row for row.
    sql(db, `INSERT INTO events_fts(events_fts) VALUES ('integrity-check')`);
    const got = rows(db, 'SELECT id, date, date_start, date_end, title, importance, summary, tags, actors FROM events ORDER BY rowid');
    expect(got).toHaveLength(data.events.length);
    got.forEach((row, i) => {
      const e = data.events[i]!;
      expect(row).toEqual({ id: e.id, date: e.date, date_start: e.dateStart, date_end: e.dateEnd, title: e.title, importance: e.importance ?? null, summary: e.summary, tags: JSON.stringify(e.tags), actors: JSON.stringify(e.actors) });
    });
    for (const table of ['event_tags', 'event_actors', 'event_sources'] as const) {
      const expected = data.events.reduce((n, e) => n + TABLES[table].rows(e).length, 0);
      expect(rows(db, `SELECT count(*) AS n FROM ${table}`)).toEqual([{ n: expected }]);
    }
    expect(rows(db, 'SELECT count(*) AS n FROM actors')).toEqual([{ n: data.actors.length }]);
    expect(rows(db, 'SELECT typeof(importance) AS t FROM events WHERE importance IS NOT NULL GROUP BY 1')).toEqual([{ t: 'integer' }]);
    // A join on event_id: the events of a tag, as event_tags says.
    const tag = data.tags[0]!;
    expect(rows(db, `SELECT count(*) AS n FROM events JOIN event_tags ON event_tags.event_id = events.id WHERE event_tags.tag = '${tag.tag.replace(/'/g, "''")}'`)).toEqual([{ n: tag.count }]);
  });

  it.runIf(SQLITE3)('finds events by a word with and without its accents (FTS5, unicode61 remove_diacritics 2)', () => {
    const withAccent = data.events.filter((e) => /Mbappé/.test(`${e.title} ${e.summary}`)).map((e) => e.id).sort();
    expect(withAccent.length).toBeGreaterThan(0);
    const match = (word: string) => rows(db, `SELECT events.id FROM events_fts JOIN events ON events.rowid = events_fts.rowid WHERE events_fts MATCH '${word}' ORDER BY 1`).map((r) => r.id);
    expect(match('mbappe')).toEqual(expect.arrayContaining(withAccent));
    expect(match('mbappé')).toEqual(match('mbappe'));
  });

  it.runIf(SQLITE_UTILS)('is searched by sqlite-utils, which finds the full-text table on its own', () => {
    const out = execFileSync('sqlite-utils', ['search', db, 'events', 'mbappe', '-c', 'id', '--limit', '50'], { encoding: 'utf8' });
    const found = (JSON.parse(out) as { id: string }[]).map((r) => r.id);
    expect(found.length).toBeGreaterThan(0);
    for (const id of found) expect(data.events.some((e) => e.id === id)).toBe(true);
    const tables = JSON.parse(execFileSync('sqlite-utils', ['tables', db, '--fts5'], { encoding: 'utf8' })) as { table: string }[];
    expect(tables.map((t) => t.table)).toEqual(['events_fts']);
  });

  it.runIf(SQLITE_UTILS)('runs the guide’s sqlite-utils recipe as written', () => {
    const guide = readFileSync(new URL('../../docs/data-journalists.md', import.meta.url), 'utf8');
    const section = guide.slice(guide.indexOf('## Query it with sqlite-utils\n'));
    const lines = /```sh\n([\s\S]*?)```/.exec(section)![1]!.trim().split('\n');
    expect(lines).toHaveLength(3);
    const run = (line: string) => {
      // The line's words, quoted ones whole; the guide's klepto/data is the folder built here.
      const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]!).replace('klepto/data', join(work, 'data')));
      expect(words[0]).toBe('sqlite-utils');
      return execFileSync(words[0]!, words.slice(1), { encoding: 'utf8' });
    };
    const orban = data.events.filter((e) => /\borb[aá]n\b/i.test(`${e.title} ${e.summary} ${e.tags.join(' ')} ${e.actors.join(' ')}`)).map((e) => e.id);
    const found = (JSON.parse(run(lines[0]!)) as { id: string }[]).map((r) => r.id);
    expect(found.length).toBe(Math.min(5, orban.length));
    expect(orban).toEqual(expect.arrayContaining(found));
    const top = run(lines[1]!).split('\n').slice(2, 7).map((l) => l.trim().split(/\s+/));
    const counts = new Map<string, number>();
    for (const e of data.events) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(top).toHaveLength(5);
    for (const [tag, n] of top) expect(counts.get(tag!)).toBe(Number(n));
    expect(Number(top[0]![1])).toBe(Math.max(...counts.values()));
    const csv = run(lines[2]!).trim().split(/\r?\n/);
    const registry = createActorRegistry(data.actors);
    expect(csv[0]).toBe('date,title');
    expect(csv.length - 1).toBe(data.events.reduce((n, e) => n + e.actors.filter((a) => registry.resolve(a)?.id === 'donald-trump').length, 0));
  });

  it.runIf(PYTHON)('gives Python’s sqlite3 module the tags and actors as JSON arrays it reads back as lists', () => {
    const script = `import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
out = [[row[0], json.loads(row[1]), json.loads(row[2])] for row in db.execute("SELECT id, tags, actors FROM events ORDER BY rowid")]
print(json.dumps(out))`;
    const file = join(work, 'read.py');
    writeFileSync(file, script);
    const got = JSON.parse(execFileSync('python3', [file, db], { encoding: 'utf8', maxBuffer: 1 << 28 })) as [string, string[], string[]][];
    expect(got).toEqual(data.events.map((e) => [e.id, e.tags, e.actors]));
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
