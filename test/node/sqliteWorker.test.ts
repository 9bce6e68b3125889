import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSQLite } from '../../src/node/sqlite/sqliteWorker.js';

describe('runSQLite', () => {
  it('runs the statements in order, with their bound JSON, and gives the database file', async () => {
    const bytes = await runSQLite([['CREATE TABLE t (a TEXT, b INTEGER)'], ['INSERT INTO t SELECT value ->> 0, value ->> 1 FROM json_each(?) ORDER BY key', JSON.stringify([['x', 1], ['é', null]])]]);
    expect(new TextDecoder().decode(bytes.subarray(0, 15))).toBe('SQLite format 3');
    // Python's sqlite3 reads the rows back, in order, typed.
    const file = join(mkdtempSync(join(tmpdir(), 'dt-worker-')), 't.sqlite');
    writeFileSync(file, bytes);
    const rows = execFileSync('python3', ['-c', 'import json, sqlite3, sys; print(json.dumps(sqlite3.connect(sys.argv[1]).execute("SELECT a, b FROM t ORDER BY rowid").fetchall()))', file], { encoding: 'utf8' });
    expect(JSON.parse(rows)).toEqual([['x', 1], ['é', null]]);
    rmSync(dirname(file), { recursive: true });
  });

  it('rejects with SQLite’s message on a bad statement, skips the rest of that database, and serves the next', async () => {
    const bad = runSQLite([['CREATE TABLE t (a)'], ['INSERT INTO nowhere VALUES (1)'], ['CREATE TABLE never (b)']]);
    const good = runSQLite([['CREATE TABLE fine (a)']]);
    await expect(bad).rejects.toThrow(/SQLite: .*no such table: nowhere/);
    expect(new TextDecoder().decode((await good).subarray(0, 15))).toBe('SQLite format 3');
  });

  it('rejects when making the statements fails, and the worker stays usable', async () => {
    function* broken(): Generator<readonly [string]> {
      yield ['CREATE TABLE t (a)'];
      throw new TypeError('a row could not be made');
    }
    await expect(runSQLite(broken())).rejects.toThrow('a row could not be made');
    expect((await runSQLite([['CREATE TABLE t (a)']])).length).toBeGreaterThan(0);
  });
});
