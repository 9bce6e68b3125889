import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActorRegistry, type Event } from '../../src/index.js';
import { toParquet } from '../../src/format/parquet.js';
import { parseDate } from '../../src/model/edtf.js';
import { buildDataset, importEvents } from '../../src/node.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';
import { needs } from '../helpers/tools.js';

// The real engine reads what we write: DuckDB, through its Node API.
let root: string;
let db: DuckDBConnection;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dt-parquet-'));
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  db.closeSync();
  rmSync(root, { recursive: true, force: true });
});

let count = 0;
/** Writes the bytes to a file and reads every row back with DuckDB, dates as text. */
async function readBack(bytes: Uint8Array, dateColumn = true): Promise<Record<string, unknown>[]> {
  const file = join(root, `t${count++}.parquet`);
  writeFileSync(file, bytes);
  const select = dateColumn ? `* REPLACE (strftime(date, '%Y-%m-%d') AS date, strftime(date_start, '%Y-%m-%d') AS date_start, strftime(date_end, '%Y-%m-%d') AS date_end)` : '*';
  return (await db.runAndReadAll(`SELECT ${select} FROM '${file}'`)).getRowObjectsJson() as Record<string, unknown>[];
}

async function typesOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const file = join(root, `t${count++}.parquet`);
  writeFileSync(file, bytes);
  const rows = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
  return Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
}

/** What a row of events.parquet must hold for an event. */
const expectedRow = (e: Event) => ({
  id: e.id,
  date: parseDate(e.date)!.start,
  date_start: parseDate(e.date)!.start,
  date_end: parseDate(e.date)!.end,
  date_precision: parseDate(e.date)!.precision,
  date_approximate: parseDate(e.date)!.approximate,
  year: Number(e.date.slice(0, 4)),
  title: e.title,
  importance: e.importance,
  status: e.status ?? null,
  location: e.location ?? null,
  tag_count: e.tags.length,
  actor_count: e.actors.length,
  source_count: e.sources.length,
  summary: e.summary,
  notes: e.notes ?? null,
  tags: e.tags,
  actors: e.actors,
  capture_lanes: e.captureLanes ?? [],
  date_written: e.date,
});

const EVENTS: Event[] = [
  makeEvent(),
  trickyEvent,
  // Before pandas' nanosecond range, not rated, with lanes and notes.
  makeEvent({ id: '1142-01-01--league', date: '1142-01-01', importance: null, captureLanes: ['Judicial Capture'], notes: 'Only the year is known.' }),
  makeEvent({ id: '0999-12-31--first-millennium', date: '0999-12-31', actors: [], tags: ['a', 'b'] }),
  // Known to the year, approximately; and a range of months.
  makeEvent({ id: '1142-01-01--about-1142', date: '1142~' }),
  makeEvent({ id: '2025-03-01--spring', date: '2025-03/2025-06' }),
];

describe('toParquet, read by DuckDB', () => {
  it('types every column: DATE, integers, nullable text and lists of strings', async () => {
    expect(await typesOf(await toParquet(EVENTS))).toEqual({
      id: 'VARCHAR',
      date: 'DATE',
      date_start: 'DATE',
      date_end: 'DATE',
      date_precision: 'VARCHAR',
      date_approximate: 'BOOLEAN',
      year: 'INTEGER',
      title: 'VARCHAR',
      importance: 'INTEGER',
      status: 'VARCHAR',
      location: 'VARCHAR',
      tag_count: 'INTEGER',
      actor_count: 'INTEGER',
      source_count: 'INTEGER',
      summary: 'VARCHAR',
      notes: 'VARCHAR',
      tags: 'VARCHAR[]',
      actors: 'VARCHAR[]',
      capture_lanes: 'VARCHAR[]',
      date_written: 'VARCHAR',
    });
  });

  it('gives back every event, dates before 1677 and empty lists included', async () => {
    expect(await readBack(await toParquet(EVENTS))).toEqual(EVENTS.map(expectedRow));
  });

  it('writes the long tables keyed by event_id, with actor ids from a registry', async () => {
    const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: [], ids: { wikidata: 'Q22686' } }]);
    expect(await readBack(await toParquet(EVENTS, { table: 'event_tags' }), false)).toEqual(EVENTS.flatMap((e) => e.tags.map((tag) => ({ event_id: e.id, tag }))));
    expect(await readBack(await toParquet(EVENTS, { table: 'event_actors', registry }), false)).toEqual(
      EVENTS.flatMap((e) => e.actors.map((actor) => ({ event_id: e.id, actor, actor_id: actor === 'Donald Trump' ? 'donald-trump' : null, actor_wikidata: actor === 'Donald Trump' ? 'Q22686' : null }))),
    );
    const sources = await readBack(await toParquet(EVENTS, { table: 'event_sources' }), false);
    expect(sources).toEqual(
      EVENTS.flatMap((e) =>
        e.sources.map((s, i) => ({ event_id: e.id, position: i + 1, title: s.title ?? null, url: s.url ?? null, publisher: s.publisher ?? null, date: s.date ?? null, tier: s.tier ?? null, archive_url: s.archiveUrl ?? null })),
      ),
    );
    // A book with no link is a row with no URL.
    expect(sources.some((s) => s.url === null && s.title === 'A book')).toBe(true);
  });

  it('makes a valid, typed file of zero rows, and the same bytes every time', async () => {
    expect(await readBack(await toParquet([]))).toEqual([]);
    expect((await typesOf(await toParquet([]))).date).toBe('DATE');
    expect(Buffer.from(await toParquet(EVENTS)).equals(Buffer.from(await toParquet(EVENTS)))).toBe(true);
    await expect(toParquet(EVENTS, { table: 'nope' as never })).rejects.toThrow(TypeError);
  });
});

// pandas (with pyarrow) and polars, where Python has them (.ci/run installs them).
const HAS_PYTHON = needs('python3 with pandas, pyarrow and polars', spawnSync('python3', ['-c', 'import pandas, pyarrow, polars'], { encoding: 'utf8' }).status === 0);

/** A recipe of docs/data-journalists.md: the first Python block under its heading, reading from a local folder. */
function recipe(heading: string, data: string): string {
  const guide = readFileSync(new URL('../../docs/data-journalists.md', import.meta.url), 'utf8');
  const section = guide.slice(guide.indexOf(`## ${heading}\n`));
  const code = /```python\n([\s\S]*?)```/.exec(section)![1]!;
  return code.replaceAll('https://cdn.jsdelivr.net/npm/democracy-timeline@0/data/', `${data}/`);
}

describe.skipIf(!HAS_CORPUS)('Parquet files of a dataset built from the real corpus', () => {
  const seeds = () => join(root, 'seeds');
  const data = () => join(root, 'data');
  beforeAll(async () => {
    await importEvents(CORPUS, { out: seeds() });
    expect((await buildDataset({ seeds: seeds(), out: data() })).ok).toBe(true);
  }, 120_000);

  it('hold every row of events.json, and DuckDB joins the tables on event_id', async () => {
    const events = JSON.parse(readFileSync(join(data(), 'events.json'), 'utf8')) as Event[];
    expect(events.length).toBeGreaterThan(1900);
    const rows = (await db.runAndReadAll(`SELECT * REPLACE (strftime(date, '%Y-%m-%d') AS date) FROM '${join(data(), 'events.parquet')}'`)).getRowObjectsJson();
    expect(rows).toEqual(events.map(expectedRow));
    const joined = (
      await db.runAndReadAll(
        `SELECT count(*)::INTEGER AS n, count(DISTINCT e.id)::INTEGER AS events FROM '${join(data(), 'events.parquet')}' e JOIN '${join(data(), 'event_sources.parquet')}' s ON s.event_id = e.id`,
      )
    ).getRowObjectsJson()[0];
    expect(joined).toEqual({ n: events.reduce((sum, e) => sum + e.sources.length, 0), events: events.length });
    // The years before pandas' range are there, as dates.
    const early = (await db.runAndReadAll(`SELECT min(date)::VARCHAR AS first FROM '${join(data(), 'events.parquet')}'`)).getRowObjectsJson()[0] as { first: string };
    expect(early.first < '1677').toBe(true);
  }, 120_000);

  it.skipIf(!HAS_PYTHON)("pandas and polars run the guide's recipes with the types it promises, 1142 included", () => {
    const events = JSON.parse(readFileSync(join(data(), 'events.json'), 'utf8')) as Event[];
    const probe = `
import json, datetime
${recipe('pandas', data())}
${recipe('polars', data())}
csv = pd.read_csv("${data()}/events.csv", dtype={"date": "string"})
print(json.dumps({
  "pandas": {
    "rows": len(events), "date": type(events.date.iloc[0]).__name__, "first": str(events.date.min()),
    "importance": str(events.importance.dtype), "year": str(events.year.dtype), "tags": [str(t) for t in events.tags.iloc[0]],
    "top_tag": [per_tag.index[0], int(per_tag.iloc[0])], "csv_date": str(csv.date.dtype),
  },
  "polars": {
    "schema": {k: str(v) for k, v in events_pl.schema.items() if k in ("date", "date_start", "date_end", "importance", "tags", "actors")},
    "years": by_year.height, "first_year": int(by_year["year"][0]),
  },
}))
`
      .replace(/^events = pl\.read_parquet/m, 'events_pl = pl.read_parquet')
      .replace(/^events\.group_by/m, 'by_year = events_pl.group_by');
    const run = spawnSync('python3', ['-c', probe], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { pandas: Record<string, unknown>; polars: { schema: Record<string, string>; years: number; first_year: number } };
    const tagCounts = new Map<string, number>();
    for (const e of events) for (const t of e.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    const top = Math.max(...tagCounts.values());
    expect(out.pandas).toMatchObject({ rows: events.length, date: 'date', first: events[0]!.date, importance: 'Int32', year: 'Int32', tags: events[0]!.tags, csv_date: 'string' });
    expect(tagCounts.get((out.pandas.top_tag as [string, number])[0])).toBe(top);
    expect(out.polars.schema).toEqual({ date: 'Date', date_start: 'Date', date_end: 'Date', importance: 'Int32', tags: 'List(String)', actors: 'List(String)' });
    expect(out.polars.years).toBe(new Set(events.map((e) => e.date.slice(0, 4))).size);
    expect(out.polars.first_year).toBe(Number(events[0]!.date.slice(0, 4)));
  }, 120_000);
});
