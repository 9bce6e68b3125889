import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitTimelineJS, parseEvent, stringifyEvent } from '../../src/index.js';
import { fixEvent } from '../../src/lint.js';
import { DATASET_FILES } from '../../src/node.js';
import { SEEDS } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';
import { needs } from '../helpers/tools.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const BUILT = existsSync(CLI);

function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}) {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  delete (env as Record<string, string | undefined>).FORCE_COLOR;
  if (options.env?.FORCE_COLOR) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env, encoding: 'utf8', timeout: options.timeout ?? 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

let root: string;
let clean: string;
let messy: string;
const LEGACY = `---
id: 2024-05-01--legacy-event
date: 2024-05-01
title: A legacy event
importance: 6
tags: [Courts, courts]
actors: [Trump]
sources:
- title: A report
  url: https://www.reuters.com/world/x
  outlet: Reuters
  date: June 2024
  date_accessed: '2025-09-17'
status: Validated
capture_lane: Judicial Capture
---

Since 1992\u00e2\u20ac\u201dover three decades.
`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-cli-'));
  clean = join(root, 'clean');
  cpSync(SEEDS, clean, { recursive: true });
  messy = join(root, 'messy');
  mkdirSync(messy);
  writeFileSync(join(messy, '2024-05-01--legacy-event.md'), LEGACY);
  writeFileSync(join(messy, 'broken.md'), '---\ntitle: [unclosed\n---\n');
  const e = makeEvent({ id: '2024-06-01--json-one', date: '2024-06-01', tags: ['media'] });
  writeFileSync(join(messy, `${e.id}.json`), stringifyEvent(e, { format: 'json' }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!BUILT)('the democracy-timeline binary', () => {
  it('prints help and its version, and exits 2 with a one-line hint on misuse', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, stderr: '' });
    expect(cli(['--help']).stdout).toContain('validate');
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const args of [[], ['bogus'], ['validate', '--nope'], ['query', '--limit', 'ten'], ['export'], ['new', '--date', '2025-02-30', '--title', 'x'], ['new', 'seeds', '--date', '2025-02-03', '--title', 'x'], ['build', 'a', 'b'], ['build', 'a', '--seeds', 'b']]) {
      const r = cli(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    const hint = cli(['bogus']).stderr.trim();
    expect(hint.split('\n')).toHaveLength(1);
    expect(hint).toContain("run 'democracy-timeline --help'");
    for (const command of ['validate', 'lint', 'fix', 'build', 'export', 'query', 'stats', 'new']) {
      expect(cli([command, '--help']), command).toMatchObject({ code: 0 });
    }
  });

  it('validate: exit 0 on clean seeds, 1 with errors named file:line:col', () => {
    expect(cli(['validate', clean, '--strict']).code).toBe(0);
    const r = cli(['validate', messy]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.md:\d+:\d+ {2}error {2}.+ {2}\[yaml\/syntax\]/);
    expect(r.stdout).toMatch(/2 events loaded: 1 error, \d+ warnings/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('validate --json prints one JSON document and nothing else on stdout', () => {
    const r = cli(['validate', messy, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.events).toBe(2);
    expect(doc.errors).toBe(1);
    expect(doc.issues.some((i: { code: string }) => i.code === 'legacy/outlet')).toBe(true);
  });

  it('colours only when asked or on a terminal', () => {
    expect(cli(['validate', messy], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(cli(['validate', messy], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('lint --json keeps variant groups as lists of names', () => {
    const dir = join(root, 'variants');
    mkdirSync(dir);
    for (const [i, tag] of ['conflict-of-interest', 'conflicts-of-interest'].entries()) {
      const e = makeEvent({ id: `2024-01-0${i + 1}--e${i}`, date: `2024-01-0${i + 1}`, tags: [tag] });
      writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
    }
    const r = cli(['lint', dir, '--rule', 'tag-variant', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.counts).toEqual({ 'lint/tag-variant': 1 });
    expect(doc.findings[0].group.names).toEqual(['conflict-of-interest', 'conflicts-of-interest']);
    expect(cli(['lint', dir, '--rule', 'nope']).code).toBe(2);
  });

  it.skipIf(!needs('patch and git', spawnSync('patch', ['--version']).status === 0 && spawnSync('git', ['--version']).status === 0))('fix prints a diff that git apply and patch -p1 both apply, whatever the file names', () => {
    const names = ['plain.md', 'with space.md', 'quote"d.md', 'back\\slash.yaml', 'tab\tname.md', 'json one.json'];
    const make = (dir: string) => {
      mkdirSync(dir, { recursive: true });
      names.forEach((name, i) => {
        const e = makeEvent({ id: `2024-07-0${i + 1}--n${i}`, date: `2024-07-0${i + 1}` });
        const format = name.endsWith('.json') ? 'json' : name.endsWith('.yaml') ? 'yaml' : 'md';
        writeFileSync(join(dir, name), stringifyEvent(e, { format }).replace(/publisher/g, 'outlet'));
      });
    };
    const work = join(root, 'patches');
    make(join(work, 'seeds'));
    const diff = cli(['fix', 'seeds'], { cwd: work });
    expect(diff.code).toBe(0);
    writeFileSync(join(work, 'fix.patch'), diff.stdout);
    // What fix --write makes, beside it.
    cpSync(join(work, 'seeds'), join(work, 'written'), { recursive: true });
    expect(cli(['fix', 'written', '--write'], { cwd: work }).code).toBe(0);
    const want = Object.fromEntries(names.map((n) => [n, readFileSync(join(work, 'written', n), 'utf8')]));
    for (const tool of [['git', 'apply', 'fix.patch'], ['patch', '-p1', '--batch', '--input', 'fix.patch']]) {
      rmSync(join(work, 'seeds'), { recursive: true });
      make(join(work, 'seeds'));
      const r = spawnSync(tool[0]!, tool.slice(1), { cwd: work, encoding: 'utf8' });
      expect(r.error, `${tool[0]} must be installed`).toBeUndefined();
      expect(r.status, `${tool.join(' ')}: ${r.stderr}${r.stdout}`).toBe(0);
      expect(Object.fromEntries(names.map((n) => [n, readFileSync(join(work, 'seeds', n), 'utf8')])), tool[0]).toEqual(want);
    }
  });

  it('fix shows changes without writing; --write applies them losslessly and a second run changes nothing', () => {
    const dir = join(root, 'fix');
    cpSync(messy, dir, { recursive: true });
    cpSync(join(SEEDS, 'actors.yaml'), join(dir, 'actors.yaml'));
    const file = join(dir, '2024-05-01--legacy-event.md');
    const before = parseEvent(LEGACY, { file, mode: 'lenient' }).event!;

    const dry = cli(['fix', dir]);
    // A diff of the fixed lines only.
    expect(dry.stdout).toContain('\n-  outlet: Reuters\n');
    expect(dry.stdout).toContain('\n+  publisher: Reuters\n');
    expect(dry.stdout).not.toContain('+title:');
    expect(readFileSync(file, 'utf8')).toBe(LEGACY);
    expect(dry.code).toBe(1); // broken.md cannot be fixed and is left alone

    const first = cli(['fix', dir, '--write', '--actors']);
    expect(first.stdout).toMatch(/1 file fixed/);
    const after = parseEvent(readFileSync(file, 'utf8'), { file, mode: 'strict' });
    // What fix writes is canonical: unknown keys sit under extra, which strict reading accepts.
    expect(after.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([]);
    const lenient = parseEvent(readFileSync(file, 'utf8'), { file, mode: 'lenient' }).event!;
    const registry = { identify: (n: string) => n, canonical: (n: string) => (n === 'Trump' ? 'Donald Trump' : n) };
    expect(lenient).toEqual(fixEvent(before, { registry: registry as never }).event);
    expect(lenient.sources[0]!.extra).toEqual({ date_accessed: '2025-09-17' });
    expect(readFileSync(join(dir, 'broken.md'), 'utf8')).toBe('---\ntitle: [unclosed\n---\n');

    const snapshot = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const second = cli(['fix', dir, '--write', '--actors']);
    expect(second.stdout).toMatch(/0 files fixed/);
    expect(Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))).toEqual(snapshot);
  });

  it('build --check names stale files; build writes them', () => {
    const project = join(root, 'project');
    mkdirSync(project);
    cpSync(SEEDS, join(project, 'seeds'), { recursive: true });
    const stale = cli(['build', '--check'], { cwd: project });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('stale: events.json');
    expect(cli(['build'], { cwd: project })).toMatchObject({ code: 0 });
    expect(cli(['build', '--check'], { cwd: project }).stdout).toMatch(/data is up to date \(\d+ files\)/);
    // The seeds folder named as an argument, as other commands take paths.
    cpSync(join(project, 'seeds'), join(project, 'other'), { recursive: true });
    expect(cli(['build', 'other', '--out', 'other-data'], { cwd: project })).toMatchObject({ code: 0 });
    expect(readFileSync(join(project, 'other-data', 'events.json'), 'utf8')).toBe(readFileSync(join(project, 'data', 'events.json'), 'utf8'));
    expect(cli(['build', 'missing'], { cwd: project }).code).toBe(1);
  });

  it('export writes CSV, TimelineJS and vis-timeline, filtered by the query flags', () => {
    // broken.md cannot be loaded: export writes nothing unless told to write what loaded.
    const refused = cli(['export', messy, '--format', 'csv', '--tag', 'media']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe("1 file of 3 not loaded: 1 with errors; run 'democracy-timeline validate' for details\nnothing written: the input is not whole; give --partial to export the 2 events that loaded\n");
    const csv = cli(['export', messy, '--format', 'csv', '--tag', 'media', '--partial']);
    // It still says so on stderr and in its exit status.
    expect(csv.code).toBe(1);
    expect(csv.stderr).toBe("1 file of 3 not loaded: 1 with errors; run 'democracy-timeline validate' for details\n");
    expect((parseCsv(csv.stdout, { columns: true }) as { id: string }[]).map((r) => r.id)).toEqual(['2024-06-01--json-one']);
    const out = join(root, 'tl.json');
    const tl = cli(['export', messy, '--format', 'timelinejs', '--out', out, '--partial']);
    expect(tl.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).events).toHaveLength(2);
    expect((JSON.parse(cli(['export', messy, '--format', 'vis', '--from', '2024-06', '--partial']).stdout) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['2024-06-01--json-one']);
  });

  it('export leaves its output as it was when a run fails or loads nothing, and reads a built dataset', () => {
    const out = join(root, 'keep.json');
    writeFileSync(out, 'kept\n');
    for (const args of [[join(root, 'missing-folder')], [messy], [join(root, 'missing-folder'), clean]]) {
      const r = cli(['export', ...args, '--format', 'timelinejs', '--out', out]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(`nothing written (${out} is left as it was)`);
      expect(readFileSync(out, 'utf8')).toBe('kept\n');
    }
    // What build writes, export reads: the data folder, events.json, events.ndjson.
    const data = join(root, 'export-data');
    expect(cli(['build', clean, '--out', data, '--no-cache']).code).toBe(0);
    for (const input of [data, join(data, 'events.json'), join(data, 'events.ndjson')]) {
      const r = cli(['export', input, '--format', 'timelinejs', '--out', out]);
      expect(r, input).toMatchObject({ code: 0, stderr: `wrote 1 event to ${out}\n` });
      expect(JSON.parse(readFileSync(out, 'utf8')).events).toHaveLength(1);
      expect(cli(['validate', input, '--strict'])).toMatchObject({ code: 0 });
    }
  });

  it('export writes Parquet to a file, never to the terminal', async () => {
    const out = join(root, 'sources.parquet');
    const written = cli(['export', clean, '--format', 'parquet', '--table', 'event_sources', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/^wrote \d+ events? to /);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await db.runAndReadAll(`SELECT event_id, position FROM '${out}'`)).getRowObjectsJson();
    db.closeSync();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ position: 1 });
    const refused = cli(['export', clean, '--format', 'parquet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('give --out FILE');
  });

  it('query prints a table or JSON', () => {
    const table = cli(['query', messy, '--text', 'legacy']);
    expect(table.stdout).toContain('2024-05-01    6  A legacy event');
    expect(table.stdout).toContain('1 match among 2 events');
    expect(cli(['query', messy, '--limit', '1']).stdout).toContain('showing 1 of 2 matches among 2 events');
    expect(JSON.parse(cli(['query', messy, '--json', '--sort=-date', '--limit', '1']).stdout).map((e: { id: string }) => e.id)).toEqual(['2024-06-01--json-one']);
  });

  it('stats counts and draws a per-year histogram', () => {
    const r = cli(['stats', messy]);
    expect(r.stdout).toMatch(/2 events, 2024-05-01 to 2024-06-01/);
    expect(r.stdout).toMatch(/2024 {2}\u2588+ 2/);
    expect(JSON.parse(cli(['stats', messy, '--json']).stdout)).toMatchObject({ events: 2, perYear: [{ key: '2024', count: 2 }] });
  });

  it('new writes a template with the right id and file name, once', () => {
    const dir = join(root, 'new');
    const r = cli(['new', '--date', '2025-11-06', '--title', 'Kazakhstan Joins the Abraham Accords', '--dir', dir]);
    expect(r.code).toBe(0);
    const file = join(dir, '2025-11-06--kazakhstan-joins-the-abraham-accords.md');
    expect(r.stdout.trim()).toBe(file);
    const { issues } = parseEvent(readFileSync(file, 'utf8'), { file });
    expect(issues.map((i) => i.code)).toContain('schema/summary');
    expect(issues.find((i) => i.code.startsWith('schema/id') || i.code === 'identity/file-name')).toBeUndefined();
    expect(cli(['new', '--date', '2025-11-06', '--title', 'Kazakhstan Joins the Abraham Accords', '--dir', dir]).code).toBe(1);
    // Every date the model takes: the id starts with its first day, the date stays as written.
    for (const [date, id] of [['2025-11', '2025-11-01'], ['1142~', '1142-01-01'], ['2025-03?', '2025-03-01'], ['2025-03/2025-06', '2025-03-01']]) {
      const made = cli(['new', '--date', date!, '--title', `Known as ${date}`, '--dir', dir]);
      expect(made.code, date).toBe(0);
      const text = readFileSync(made.stdout.trim(), 'utf8');
      expect(made.stdout.trim().slice(dir.length + 1).startsWith(`${id}--`), date).toBe(true);
      expect(parseEvent(text, { file: made.stdout.trim() }).issues.find((i) => i.path === 'date' || i.path === 'id'), date).toBeUndefined();
    }
  });
});

const HAS_MKFIFO = spawnSync('mkfifo', ['--version']).status === 0;

describe.skipIf(!BUILT || !HAS_MKFIFO)('the CLI and files that are not regular files', () => {
  it('reports a FIFO named on the command line instead of waiting on it', () => {
    const dir = join(root, 'fifo-arg');
    mkdirSync(dir);
    spawnSync('mkfifo', [join(dir, 'pipe.md')]);
    for (const command of ['validate', 'fix']) {
      const r = cli([command, join(dir, 'pipe.md')], { timeout: 20_000 });
      expect(r.signal, `${command} hung`).toBeNull();
      expect(r.code).toBe(1);
      expect(`${r.stdout}${r.stderr}`).toContain('file/not-a-file');
    }
  });

  it('reports a FIFO inside a folder and a FIFO named actors.yaml', () => {
    const dir = join(root, 'fifo-folder');
    cpSync(SEEDS, dir, { recursive: true });
    rmSync(join(dir, 'actors.yaml'));
    spawnSync('mkfifo', [join(dir, 'actors.yaml')]);
    spawnSync('mkfifo', [join(dir, 'pipe.md')]);
    const validate = cli(['validate', dir], { timeout: 20_000 });
    expect(validate.signal).toBeNull();
    expect(validate.stdout).toContain('pipe.md');
    expect(validate.stdout).toContain('file/not-a-file');
    for (const args of [['query', dir], ['export', dir, '--format', 'json'], ['build', '--seeds', dir, '--out', join(root, 'fifo-out'), '--no-cache']]) {
      const r = cli(args, { timeout: 20_000 });
      expect(r.signal, `${args[0]} hung`).toBeNull();
    }
    const build = cli(['build', '--seeds', dir, '--out', join(root, 'fifo-out'), '--no-cache'], { timeout: 20_000 });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('file/not-a-file');
  });
});

describe.skipIf(!BUILT)('build --out', () => {
  it('refuses the project folder and deletes nothing', () => {
    const project = join(root, 'out-dot');
    cpSync(join(SEEDS, '..', 'seeds'), join(project, 'seeds'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}\n');
    const r = cli(['build', '--out', '.', '--no-cache'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('build/foreign-files');
    expect(readdirSync(project).sort()).toEqual(['package.json', 'seeds']);
    expect(readdirSync(join(project, 'seeds')).length).toBeGreaterThan(1);
  });
});

describe.skipIf(!BUILT)('every command says what it did not load', () => {
  it('names a path that does not exist or holds no event file, and exits 1', () => {
    const empty = join(root, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    for (const command of ['validate', 'lint', 'stats', 'query', 'export']) {
      const args = command === 'export' ? [command, join(root, 'nope'), empty, '--format', 'json'] : [command, join(root, 'nope'), empty];
      const r = cli(args);
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toContain(`${join(root, 'nope')}: does not exist`);
      expect(r.stderr, command).toContain(`${empty}: holds no event file`);
    }
  });

  it('lint reports a file it cannot read as an error, with exit 1', () => {
    const r = cli(['lint', messy, '--json']);
    expect(r.code).toBe(1);
    const { files, findings } = JSON.parse(r.stdout) as { files: { files: number; refused: number }; findings: { code: string; file: string; severity: string }[] };
    expect(files).toMatchObject({ files: 3, refused: 1 });
    expect(findings.find((f) => f.file.endsWith('broken.md'))).toMatchObject({ code: 'yaml/syntax', severity: 'error' });
  });

  it('import writes canonical seeds that build accepts, and reports every file', () => {
    const out = join(root, 'imported');
    const r = cli(['import', messy, '--out', out]);
    expect(r.code).toBe(1); // broken.md is refused
    expect(r.stdout).toContain('3 files read: 2 imported, 0 merged into a twin, 1 refused, 0 not read');
    expect(cli(['validate', out, '--strict']).code).toBe(0);
    const built = cli(['build', '--seeds', out, '--out', join(root, 'imported-data'), '--no-cache']);
    expect(built).toMatchObject({ code: 0, stdout: `built ${DATASET_FILES.length} files from 2 events\n` });
    const again = cli(['import', messy, '--out', out, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).written).toEqual([]);
    // Never into a folder it reads.
    const itself = cli(['import', out, '--out', out]);
    expect(itself.code).toBe(1);
    expect(itself.stderr).toContain('is inside the folder it imports');
  });
});

describe.skipIf(!BUILT)('the CLI and the file system', () => {
  it('says in one line, never with a stack, that a path cannot be written', () => {
    for (const args of [['export', clean, '--format', 'json', '--out', join(root, 'missing', 'x.json')], ['export', clean, '--format', 'json', '--out', root], ['new', '--date', '2025-01-01', '--title', 'T', '--dir', '/proc/nope']]) {
      const r = cli(args, { timeout: 20_000 });
      expect(r.signal, args.join(' ')).toBeNull();
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toContain('    at ');
    }
  });

  it('new refuses an id that a .yaml or .json file already has', () => {
    const dir = join(root, 'new-yaml');
    mkdirSync(dir);
    writeFileSync(join(dir, '2025-01-01--taken.yaml'), 'id: 2025-01-01--taken\n');
    const r = cli(['new', '--date', '2025-01-01', '--title', 'Taken', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2025-01-01--taken.yaml already exists');
    expect(readdirSync(dir)).toEqual(['2025-01-01--taken.yaml']);
  });
});

describe.skipIf(!BUILT)('the CLI under a low limit of open files', () => {
  it('starts and validates with ulimit -n 256 (it imports one date-fns function, not the barrel)', () => {
    const r = spawnSync('bash', ['-c', `ulimit -n 256 && "${process.execPath}" "${CLI}" validate "${SEEDS}" --strict`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe.skipIf(!BUILT)('the CLI never prints control characters raw', () => {
  it('shows a bidi override or an escape sequence from a file as \\u{...}', () => {
    const dir = join(root, 'controls');
    mkdirSync(dir);
    const e = makeEvent();
    writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e).replace(/^title: .*$/m, 'title: "Before\\u202e\\e[2Kafter"'));
    const r = cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(r.stdout).toContain('\\u{202e}');
  });
});

describe.skipIf(!BUILT)('a CLI that guesses right', () => {
  it('takes --sort -importance, suggests the nearest flag and command, and refuses a date that is not real', () => {
    const sorted = cli(['query', clean, '--sort', '-importance', '--json']);
    expect(sorted.code).toBe(0);
    expect(cli(['query', clean, '--sorr', 'date']).stderr).toContain('did you mean --sort?');
    expect(cli(['valdate']).stderr).toContain('did you mean validate?');
    const bad = cli(['query', clean, '--from', '2025-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from takes a real date');
  });

  it('matches --actor in any case and accents, and suggests a spelling when none matches', () => {
    const r = cli(['query', clean, '--actor', 'marco RUBIO', '--json']);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    const typo = cli(['query', clean, '--actor', 'Marco Rubbio']);
    expect(typo.stderr).toContain("no event names 'Marco Rubbio'; did you mean 'Marco Rubio' (1)?");
  });

  it('builds with its cache beside the seeds\u2019 project, never in the current folder', () => {
    const elsewhere = join(root, 'cwd-elsewhere');
    mkdirSync(elsewhere);
    const seeds = join(root, 'cache-seeds');
    cpSync(SEEDS, seeds, { recursive: true });
    const r = cli(['build', '--seeds', seeds, '--out', join(root, 'cache-out')], { cwd: elsewhere, env: { XDG_CACHE_HOME: join(root, 'xdg') } });
    expect(r).toMatchObject({ code: 0, stdout: `built ${DATASET_FILES.length} files from 1 event\n` });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(join(root, 'xdg'))).toEqual(['democracy-timeline']);
  });

  it('new does not make a seeds folder where there is none', () => {
    const empty = join(root, 'no-seeds');
    mkdirSync(empty);
    const r = cli(['new', '--date', '2025-01-01', '--title', 'T'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe.skipIf(!BUILT)('import and a broken registry', () => {
  it('says in one line that actors.yaml has errors, and writes nothing', () => {
    const out = join(root, 'broken-registry');
    mkdirSync(out);
    writeFileSync(join(out, 'actors.yaml'), '- id: Not A Slug\n  name: X\n  aliases: []\n');
    const r = cli(['import', messy, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('actors.yaml cannot be used; fix it first');
    expect(readdirSync(out)).toEqual(['actors.yaml']);
  });
});

describe.skipIf(!BUILT)('import says what it could not keep as written', () => {
  it('shows each value it dropped at its line, and counts every other note', () => {
    const folder = join(root, 'hugo-like');
    mkdirSync(join(folder, 'content', 'events'), { recursive: true });
    writeFileSync(join(folder, 'content', 'events', '_index.md'), '---\ntitle: Events\n---\nThe events.\n');
    const event = (tags: string) => `---\nid: 2025-01-02--metoo\ndate: 2025-01-02\ntitle: A tag YAML reads as a comment\nimportance: 4\n${tags}actors: []\nsources:\n- title: S\n  url: https://example.org/s\n---\nSummary.\n`;
    writeFileSync(join(folder, 'content', 'events', '2025-01-02--metoo.md'), event('tags:\n- #MeToo\n- media\n'));
    writeFileSync(join(folder, 'content', 'events', '2025-01-03--none.md'), event('').replace('2025-01-02--metoo', '2025-01-03--none').replace('2025-01-02', '2025-01-03'));
    const r = cli(['import', folder, '--out', join(root, 'hugo-like-seeds')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 files read: 2 imported, 0 merged into a twin, 0 refused, 0 not read, 1 not an event (skipped)');
    expect(r.stderr).toContain("2025-01-02--metoo.md:7:3  warning  tags[0]: empty; dropped; in YAML a # starts a comment, so the value was never read: quote it ('#MeToo') to keep it  [legacy/null-item]");
    expect(r.stderr).toContain('read with 2 notes on what was mapped (1 legacy/missing-tags, 1 lint/no-tags)');
  });
});

describe.skipIf(!BUILT)('a registry where one spelling names two actors', () => {
  it('is an error at its actors.yaml line for validate and build alike, never a stack trace', () => {
    const seeds = join(root, 'shared-alias');
    cpSync(SEEDS, seeds, { recursive: true });
    const registry = readFileSync(join(seeds, 'actors.yaml'), 'utf8');
    writeFileSync(join(seeds, 'actors.yaml'), `${registry}- id: trump-organization\n  name: Trump Organization\n  aliases:\n  - Trump\n  kind: organization\n`);
    const line = registry.split('\n').length + 3;
    const at = `actors.yaml:${line}:5`;
    const validate = cli(['validate', seeds]);
    const build = cli(['build', seeds, '--out', join(root, 'shared-alias-data')]);
    for (const r of [validate, build]) {
      const said = `${r.stdout}${r.stderr}`;
      expect(r.code, said).toBe(1);
      expect(said).toContain(at);
      expect(said).toContain('"Trump" also names donald-trump');
      expect(said).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(root, 'shared-alias-data'))).toBe(false);
  });
});

describe('export to a timeline library, past what it renders usably', () => {
  it('keeps what the library shows legibly, says how many of how many, and exits 1; --limit chooses otherwise', () => {
    // 320 made-up events (fixtures) over one month, importance cycling 1-10.
    const many = Array.from({ length: 320 }, (_, i) => makeEvent({ id: `2020-01-${String((i % 28) + 1).padStart(2, '0')}--fixture-${i}`, date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, importance: (i % 10) + 1, actors: [] }));
    const file = join(root, 'many-events.json');
    writeFileSync(file, JSON.stringify(many));
    const out = join(root, 'many-timeline.json');
    // TimelineJS: what its navigator shows with no label over another.
    const cut = cli(['export', file, '--format', 'timelinejs', '--out', out]);
    expect(cut.code).toBe(1);
    const slides = (JSON.parse(readFileSync(out, 'utf8')) as { events: { unique_id: string }[] }).events.map((s) => s.unique_id);
    // The events as the loader orders them, by date and id.
    const loaded = [...many].sort((a, b) => a.date.localeCompare(b.date) || (a.id < b.id ? -1 : 1));
    expect(slides).toEqual(fitTimelineJS(loaded).map((e) => e.id));
    expect(slides.length).toBeLessThan(100);
    expect(cut.stderr).toContain(`kept ${slides.length} events of 320: the most important that TimelineJS's time navigator shows with no label over another on a page 1,000 px wide (and at most 300, what it answers within 2 s)`);
    expect(cut.stderr).toContain(`wrote ${slides.length} events to ${out}`);
    // With --group, the bands share the rows.
    cli(['export', file, '--format', 'timelinejs', '--group', 'importance', '--max-groups', '2', '--out', out]);
    const banded = (JSON.parse(readFileSync(out, 'utf8')) as { events: { group: string }[] }).events;
    expect(new Set(banded.map((s) => s.group)).size).toBe(2);
    expect(banded.length).toBeLessThan(slides.length);
    const chosen = cli(['export', file, '--format', 'timelinejs', '--limit', '320', '--out', out]);
    expect(chosen.code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { events: unknown[] }).events).toHaveLength(320);
    expect(cli(['export', file, '--format', 'vis', '--out', out]).code).toBe(0);
  });

  it('vis-timeline: the 2,000 most important, the newest first among equals', () => {
    const many = Array.from({ length: 2_100 }, (_, i) => {
      const date = `20${String(10 + (i % 10))}-01-${String((i % 28) + 1).padStart(2, '0')}`;
      return makeEvent({ id: `${date}--fixture-${i}`, date, importance: (i % 7) + 1, actors: [] });
    });
    const file = join(root, 'many-vis.json');
    writeFileSync(file, JSON.stringify(many));
    const out = join(root, 'many-vis-out.json');
    const cut = cli(['export', file, '--format', 'vis', '--out', out]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('kept the 2,000 most important events of 2,100 events (vis-timeline answers within 2 s up to about 2,000)');
    const ids = new Set((JSON.parse(readFileSync(out, 'utf8')) as { items: { id: string }[] }).items.map((i) => i.id));
    const left = many.filter((e) => !ids.has(e.id));
    expect(left).toHaveLength(100);
    expect(left.every((e) => e.importance === 1)).toBe(true);
    expect(many.filter((e) => e.importance === 1 && ids.has(e.id)).every((e) => left.every((l) => l.date <= e.date))).toBe(true);
  });
});
