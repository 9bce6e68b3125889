import { parse as parseCsv } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCSV, type CsvTable, type Event } from '../../src/index.js';
import { toDataPackage } from '../../src/format/dataPackage.js';
import { toParquet } from '../../src/format/parquet.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';

const TABLE_NAMES: CsvTable[] = ['events', 'event_tags', 'event_actors', 'event_sources'];
const events: Event[] = [
  makeEvent({ id: '2025-03-01--a-month', date: '2025-03', tags: ['courts'], actors: ['A'] }),
  makeEvent({ id: '1142-01-01--about-a-year', date: '1142~' }),
  makeEvent({ id: '2025-01-01--a-range', date: '2025-01-01/..', importance: null }),
  trickyEvent,
];

describe('the table specification', () => {
  it('gives CSV, Parquet (as DuckDB reads it) and the Table Schema the same columns with the same values', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dt-tables-'));
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      for (const table of TABLE_NAMES) {
        const csv = parseCsv(toCSV(events, { table }), { columns: true }) as Record<string, string>[];
        const file = join(root, `${table}.parquet`);
        writeFileSync(file, await toParquet(events, { table }));
        const rows = (await db.runAndReadAll(`SELECT * FROM '${file}'`)).getRowObjectsJson() as Record<string, unknown>[];
        const descriptor = toDataPackage({ files: [{ path: `${table}.csv`, bytes: 0, sha256: '' }, { path: `${table}.parquet`, bytes: 0, sha256: '' }] });
        const [csvFields, parquetFields] = descriptor.resources.map((r) => r.schema!.fields.map((f) => f.name));
        expect(csvFields, table).toEqual(Object.keys(csv[0]!));
        expect(parquetFields, table).toEqual(Object.keys(rows[0]!));
        expect(rows.length, table).toBe(csv.length);
        // Every column both formats hold says the same thing (Parquet's date column is the first day, as a DATE).
        csv.forEach((row, i) => {
          for (const [name, text] of Object.entries(row)) {
            const typed = rows[i]![table === 'events' && name === 'date' ? 'date_written' : name];
            expect(text, `${table} ${name}`).toBe(typed === null || typed === undefined ? '' : String(typed).replace(/^'/, ''));
          }
        });
      }
    } finally {
      db.closeSync();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses an event whose date the model would refuse, in CSV and Parquet alike', async () => {
    const bad = { ...makeEvent({ id: '2025-01-01--bad' }), date: 'sometime in 2025' };
    const message = /2025-01-01--bad: date "sometime in 2025" is not a date of the model/;
    expect(() => toCSV([bad])).toThrow(message);
    await expect(toParquet([bad])).rejects.toThrow(message);
    // The long tables hold no date of the event: they are written.
    expect(toCSV([bad], { table: 'event_tags' })).toMatch(/^event_id,tag\n/);
  });
});
