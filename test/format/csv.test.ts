import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, EventSchema, toCSV, toNDJSON, toTimelineJS, toVisTimeline, type Event } from '../../src/index.js';
import { csvField, neutralizeFormula } from '../../src/format/csv.js';
import { toJSONSchema } from '../../src/json-schema.js';
import { buildDataset, importEvents } from '../../src/node/index.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';
import { needs } from '../helpers/tools.js';

const tricky = trickyEvent;

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks, and only those', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });
});

describe('toCSV', () => {
  it('writes four tidy tables that a real CSV parser reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 8 }), (events) => {
        const all = [...events, tricky];
        const rows = parse(toCSV(all), { columns: true, relax_column_count: false }) as Record<string, string>[];
        expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS.events]);
        // An empty importance cell is an event not rated; an empty title cell, a bare link.
        expect(rows.map((r) => [r.id, r.date, r.title, r.summary, r.importance === '' ? null : Number(r.importance)])).toEqual(all.map((e) => [e.id, e.date, neutralizeFormula(e.title), neutralizeFormula(e.summary), e.importance]));
        const tags = parse(toCSV(all, { table: 'event_tags' }), { columns: true }) as Record<string, string>[];
        expect(tags).toEqual(all.flatMap((e) => e.tags.map((tag) => ({ event_id: e.id, tag }))));
        const actors = parse(toCSV(all, { table: 'event_actors' }), { columns: true }) as Record<string, string>[];
        expect(actors.map((r) => [r.event_id, r.actor])).toEqual(all.flatMap((e) => e.actors.map((a) => [e.id, neutralizeFormula(a)])));
        const sources = parse(toCSV(all, { table: 'event_sources' }), { columns: true }) as Record<string, string>[];
        expect(sources.map((r) => [r.event_id, Number(r.position), r.title || undefined, r.url || undefined])).toEqual(
          all.flatMap((e) => e.sources.map((s, i) => [e.id, i + 1, s.title && neutralizeFormula(s.title), s.url])),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('starts the events table with id,date', () => {
    expect(toCSV([tricky]).startsWith('id,date,')).toBe(true);
  });
});

describe('neutralizeFormula', () => {
  it('makes text a spreadsheet would run as a formula plain text, and leaves numbers alone', () => {
    for (const formula of ['=1+1', '+cmd|/C calc!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")']) {
      expect(neutralizeFormula(formula)).toBe(`'${formula}`);
    }
    for (const plain of ['-12', '-12.5', '+3', '1e5', 'plain', 'a=b', '']) expect(neutralizeFormula(plain)).toBe(plain);
    expect(csvField(-5)).toBe('-5');
    expect(toCSV([{ ...tricky, title: '=IMPORTXML("http://x")' }]).split('\n')[1]).toContain(`"'=IMPORTXML(""http://x"")"`);
  });
});

// R reads the CSV tables (readr) and events.json (jsonlite) as the guide's
// recipe says, with the types it promises, on a dataset built from the
// whole corpus (.ci/run installs r-base-core, r-cran-readr, r-cran-jsonlite).
const HAS_R = needs('Rscript with readr and jsonlite', spawnSync('Rscript', ['-e', 'library(readr); library(jsonlite)'], { stdio: 'ignore' }).status === 0);

describe.skipIf(!HAS_CORPUS)('the guide’s R recipe, on a dataset built from the corpus', () => {
  const root = mkdtempSync(join(tmpdir(), 'dt-csv-r-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    await importEvents(CORPUS, { out: join(root, 'seeds') });
    expect((await buildDataset({ seeds: join(root, 'seeds'), out: join(root, 'data') })).ok).toBe(true);
  }, 120_000);

  it.runIf(HAS_R)('gives Dates back to 1142, importance an integer with NA, tags as lists', () => {
    const guide = readFileSync(new URL('../../docs/data-journalists.md', import.meta.url), 'utf8');
    const section = guide.slice(guide.indexOf('## R\n'));
    const recipe = /```r\n([\s\S]*?)```/.exec(section)![1]!.replaceAll('https://cdn.jsdelivr.net/npm/democracy-timeline@0/data/', `${join(root, 'data')}/`);
    const probe = `${recipe}
top <- head(sort(table(tags$tag), decreasing = TRUE), 1)
cat(toJSON(list(
  rows = nrow(events), problems = nrow(problems(events)), date_start = class(events$date_start), first = format(min(events$date_start)),
  last_end = format(max(events$date_end)), importance = class(events$importance), unrated = sum(is.na(events$importance)),
  approximate = class(events$date_approximate), date = class(events$date), top = names(top), top_n = as.integer(top),
  json_rows = nrow(json), json_importance = class(json$importance), json_unrated = sum(is.na(json$importance)),
  json_tags = json$tags[[1]], json_date = class(json$dateStart), ids = identical(json$id, events$id)
), auto_unbox = TRUE))`;
    const run = spawnSync('Rscript', ['-e', probe], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    // The recipe prints its table first; the probe's JSON is the last line.
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    const events = JSON.parse(readFileSync(join(root, 'data', 'events.json'), 'utf8')) as (Event & { dateStart: string; dateEnd: string })[];
    const counts = new Map<string, number>();
    for (const e of events) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const unrated = events.filter((e) => e.importance === undefined || e.importance === null).length;
    expect(unrated).toBeGreaterThan(0);
    expect(out).toEqual({
      rows: events.length,
      problems: 0,
      date_start: 'Date',
      first: events[0]!.dateStart,
      last_end: events.map((e) => e.dateEnd).sort().at(-1),
      importance: 'integer',
      unrated,
      approximate: 'logical',
      date: 'character',
      top: out.top,
      top_n: Math.max(...counts.values()),
      json_rows: events.length,
      json_importance: 'integer',
      json_unrated: unrated,
      json_tags: events[0]!.tags,
      json_date: 'Date',
      ids: true,
    });
    expect(counts.get(out.top as string)).toBe(Math.max(...counts.values()));
    expect(events[0]!.dateStart < '1677').toBe(true);
  }, 120_000);
});
