import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toDatasetteMetadata } from '../../src/node/sqlite/datasetteMetadata.js';
import { needs } from '../helpers/tools.js';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const PYTHON = needs('python3', spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0);

// What Datasette does with a database and its metadata, asked of the
// package's own data/events.sqlite through Python's sqlite3, the module
// Datasette itself reads SQLite with: Datasette's own queries, as its
// source gives them (datasette/utils/__init__.py, detect_fts_sql; the
// table view's search clause).
const PROBE = String.raw`
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
meta = json.load(open(sys.argv[2]))
table = "events"
fts = db.execute(r'''
    select name from sqlite_master
        where rootpage = 0
        and (
            sql like '%VIRTUAL TABLE%USING FTS%content="{table}"%'
            or sql like '%VIRTUAL TABLE%USING FTS%content=[{table}]%'
            or (
                tbl_name = "{table}"
                and sql like '%VIRTUAL TABLE%USING FTS%'
            )
        )
'''.format(table=table)).fetchall()
word = sys.argv[3]
found = [r[0] for r in db.execute(f'select id from events where rowid in (select rowid from [{fts[0][0]}] where [{fts[0][0]}] match :search)', {"search": word})]
tables = {}
for name in meta["databases"]["events"]["tables"]:
    tables[name] = [r[1] for r in db.execute(f'PRAGMA table_info([{name}])')]
arrays = {}
for facet in meta["databases"]["events"]["tables"]["events"]["facets"]:
    if isinstance(facet, dict):
        column = facet["array"]
        arrays[column] = db.execute(f"select count(*) from events where json_type([{column}]) is not 'array'").fetchone()[0]
print(json.dumps({"fts": [r[0] for r in fts], "found": found, "tables": tables, "arrays": arrays}))
`;

describe('toDatasetteMetadata', () => {
  it('names the dataset, its licence and source, or says it has not named itself', () => {
    const meta = toDatasetteMetadata({ name: 'city-hall-watch', title: 'City hall watch', licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }], sources: [{ title: 'Minutes', path: 'https://example.org/minutes' }] });
    expect(meta).toMatchObject({ title: 'City hall watch', license: 'CC-BY-4.0', license_url: 'https://creativecommons.org/licenses/by/4.0/', source: 'Minutes', source_url: 'https://example.org/minutes' });
    const unnamed = toDatasetteMetadata();
    expect(unnamed.title).toBe('A dataset that has not said what it is');
    expect(unnamed).not.toHaveProperty('license');
    expect(Object.values(unnamed.databases.events.tables).every((t) => t.description && Object.values(t.columns).every((d) => d.length > 10))).toBe(true);
  });

  it.runIf(PYTHON)('describes data/events.sqlite as Datasette reads it: every table and column, the facets, the search', () => {
    const meta = JSON.parse(readFileSync(`${DATA}metadata.json`, 'utf8')) as ReturnType<typeof toDatasetteMetadata>;
    const pkg = JSON.parse(readFileSync(`${DATA}datapackage.json`, 'utf8')) as { title: string; licenses: { name: string }[] };
    expect(meta).toMatchObject({ title: pkg.title, license: pkg.licenses[0]!.name });
    const events = JSON.parse(readFileSync(`${DATA}events.json`, 'utf8')) as { id: string; title: string }[];
    const word = events[0]!.title.split(/\W+/).find((w) => w.length > 5)!;
    const out = JSON.parse(execFileSync('python3', ['-c', PROBE, `${DATA}events.sqlite`, `${DATA}metadata.json`, word.toLowerCase()], { encoding: 'utf8' })) as { fts: string[]; found: string[]; tables: Record<string, string[]>; arrays: Record<string, number> };
    const tables = meta.databases.events.tables;
    expect(out.fts).toEqual([tables.events!.fts_table]);
    expect(out.found).toContain(events[0]!.id);
    // Every table it describes is in the database, each column described, none made up.
    for (const [name, table] of Object.entries(tables)) expect(Object.keys(table.columns)).toEqual(out.tables[name]);
    expect(Object.keys(out.tables)).toEqual(['events', 'event_tags', 'event_actors', 'event_sources', 'actors']);
    expect(out.tables.events).toEqual(expect.arrayContaining([tables.events!.label_column, tables.events!.sort, 'year']));
    expect(out.arrays).toEqual({ tags: 0, actors: 0 });
  });
});
