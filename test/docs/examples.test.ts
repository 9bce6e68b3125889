import * as fs from 'node:fs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ILLUSTRATION, checkedCode, docExamples } from './examples.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRIES = ['index', 'node', 'lint', 'data', 'json-schema'].map((e) => path.join(ROOT, 'src', `${e}.ts`));
const examples = docExamples(ROOT);
const claiming = examples.filter((e) => /^\/\/ => /m.test(e.code));
const run = claiming.filter((e) => !ILLUSTRATION.test(e.title));

// What an example may name without importing it: the public entries, the
// module it documents, Node's fs and path, and the prebuilt dataset.
const library: Record<string, unknown> = { ...fs, ...path };
for (const entry of ENTRIES) Object.assign(library, await import(entry));
// `event` in an example is the prebuilt dataset's first event.
library.event = (library.events as unknown[])[0];

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
const plain = (value: unknown) => (value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value);

/** Checks one claim; a mismatch throws with both values and the example's line. */
async function claim(actual: () => Promise<unknown>, expected: () => unknown, line: number): Promise<void> {
  const got = plain(await actual());
  const want = plain(expected());
  if (!isDeepStrictEqual(got, want)) throw new Error(`line ${line}: got ${JSON.stringify(got)}, the example says ${JSON.stringify(want)}`);
}

function namesIn(code: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    node.forEachChild(visit);
  };
  visit(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  return names;
}

const work = mkdtempSync(path.join(tmpdir(), 'dt-examples-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the API docs’ examples', () => {
  it('claim results (`// =>`) in most examples, and say why when one is an illustration', () => {
    expect(claiming.length).toBeGreaterThan(150);
    const untitled = examples.filter((e) => e.title && !ILLUSTRATION.test(e.title));
    expect(untitled.map((e) => `${e.where}: ${e.title}`)).toEqual([]);
  });

  it.each(run.map((e) => [e.where, e] as const))('%s holds', async (where, example) => {
    const { body, problem } = checkedCode(example);
    expect(problem).toBeUndefined();
    const scope = { ...library, ...(await import(example.file)) };
    const names = [...namesIn(body)].filter((n) => n in scope && !(n in globalThis));
    const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    const fn = new AsyncFunction('__claim', ...names, `{\n${js}\n}`);
    // Each example runs in a project folder of its own: a package.json and copies of seeds/ and data/.
    const cwd = path.join(work, where.replace(/\W+/g, '-'));
    fs.mkdirSync(cwd, { recursive: true });
    fs.writeFileSync(path.join(cwd, 'package.json'), '{ "type": "module" }\n');
    cpSync(path.join(ROOT, 'seeds'), path.join(cwd, 'seeds'), { recursive: true });
    cpSync(path.join(ROOT, 'data'), path.join(cwd, 'data'), { recursive: true });
    const home = process.cwd();
    process.chdir(cwd);
    try {
      await fn(claim, ...names.map((n) => scope[n]));
    } finally {
      process.chdir(home);
    }
  });
});
