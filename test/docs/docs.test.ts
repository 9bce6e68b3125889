import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/index.js';
import { RULES } from '../../src/lint.js';
import { withTables } from './codeTables.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const guides = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const RUN = join(ROOT, 'examples/.run');
const KLEPTO_DATA = join(ROOT, 'klepto', 'data');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the guides', () => {
  afterAll(() => {
    rmSync(RUN, { recursive: true, force: true });
    rmSync(join(ROOT, 'klepto'), { recursive: true, force: true });
  });

  it('are linked from the README and included in the API docs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const typedoc = JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8'));
    for (const guide of guides) expect(readme, guide).toContain(`docs/${guide}`);
    expect(typedoc.projectDocuments).toContain('docs/*.md');
  });

  // Every TypeScript sample runs against the built package (the package
  // imports itself by name), so the guides cannot rot.
  const samples = guides.flatMap((g) => blocks(readFileSync(join(DOCS, g), 'utf8'), 'ts').map((code, i) => ({ name: `${g.replace('.md', '')}-${i}`, code })));
  it.skipIf(!existsSync(join(ROOT, 'dist/index.js')))('run every TypeScript sample', () => {
    expect(samples.length).toBeGreaterThan(5);
    mkdirSync(RUN, { recursive: true });
    // The guides load what `get ... --out klepto` makes: a built folder, here the package's own data.
    cpSync(join(ROOT, 'data'), KLEPTO_DATA, { recursive: true });
    for (const { name, code } of samples) {
      const file = join(RUN, `${name}.mts`);
      writeFileSync(file, code);
      expect(() => execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'pipe' }), name).not.toThrow();
    }
    // And each passes strict type checking against the package's own types, as a reader's project would check it.
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', ...samples.map(({ name }) => join(RUN, `${name}.mts`))], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
  }, 120_000);

  it('list every command of the CLI in the README table, with what it does', () => {
    // The commands as the CLI's own help lists them.
    const help = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--help'], { encoding: 'utf8' });
    const commands = help.slice(help.indexOf('Commands:')).split('\n').slice(1).map((l) => /^ {2}([a-z]+) /.exec(l)?.[1]).filter(Boolean);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The command line'), readme.indexOf('```sh', readme.indexOf('## The command line')));
    const listed = [...section.matchAll(/^\| `([a-z]+)[ `]/gm)].map((m) => m[1]);
    expect(commands.length).toBe(13);
    expect(listed.sort()).toEqual(commands.sort());
  });

  it('list every file a build writes in the README table of the dataset', async () => {
    const { DATASET_FILE_TABLE } = await import('../../src/format/datasetFiles.js');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The dataset'), readme.indexOf('\n## ', readme.indexOf('## The dataset') + 3));
    const rows = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split(' | ')[0]!);
    const named = new Set(rows.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1])));
    expect(DATASET_FILE_TABLE.map((f) => f.path).filter((path) => !named.has(path))).toEqual([]);
  });

  it('hold JSON samples (Vega-Lite specs) that parse', () => {
    for (const g of guides) for (const json of blocks(readFileSync(join(DOCS, g), 'utf8'), 'json')) expect(() => JSON.parse(json), g).not.toThrow();
  });

  it('list every issue code and lint rule, generated from the catalogue (npm run docs:codes)', () => {
    const page = readFileSync(join(DOCS, 'maintaining.md'), 'utf8');
    expect(page).toBe(withTables(page));
  });

  it('catalogue every code the library emits', () => {
    const known = new Set<string>([...Object.keys(ISSUE_CODES), ...RULES.map((r) => r.code)]);
    const codes = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:file|text|frontmatter|yaml|json|parse|security|identity|legacy|actors|lint|build)\/[a-z0-9-]+)'/g)) codes.add(m[1]!);
    }
    codes.delete('text/csv'); // a media type, not an issue code
    expect(codes.size).toBeGreaterThan(50);
    for (const code of codes) expect(known.has(code), code).toBe(true);
  });
});

describe('the API', () => {
  it('documents every public function and constant with an example that shows its result', async () => {
    const publicNames = new Set<string>();
    for (const entry of ['../../src/index.js', '../../src/node.js', '../../src/data.js', '../../src/json-schema.js', '../../src/lint.js']) for (const name of Object.keys(await import(entry))) publicNames.add(name);
    const missing: string[] = [];
    const found = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src')).filter((f) => !f.includes('/cli/'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?(?:\/\* @__NO_SIDE_EFFECTS__ \*\/\s*)?export (?:async )?(?:function|const) (\w+)/g)) {
        if (!publicNames.has(m[2]!)) continue;
        found.add(m[2]!);
        const doc = m[1] ?? '';
        if (!/@example/.test(doc) || !/\/\/ =>/.test(doc)) missing.push(`${file.slice(ROOT.length)}: ${m[2]}`);
      }
    }
    expect(found.size).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});
