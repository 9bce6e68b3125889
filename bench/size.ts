// Browser bundle size of the root entry: esbuild (minified, browser
// platform) and gzip, for the query entry points alone and for everything.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { table } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function measure(code: string): Promise<{ min: number; gzip: number; node: string[] }> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  // A Node built-in would show as a require() or import of its name.
  const node = [...new Set(text.match(/(?:require\(|from\s*|import\()\s*["'](?:node:)?(?:fs|path|url|os|buffer|util|module|child_process|crypto|stream|events)["']/g) ?? [])];
  return { min: text.length, gzip: gzipSync(text, { level: 9 }).length, node };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** Each import measured: its name, the code that imports it, and its goal in gzip bytes. */
export const SIZE_CASES: [string, string, number][] = [
  ['{ createTimeline, filterEvents }', "import { createTimeline, filterEvents } from './dist/index.js'; console.log(createTimeline, filterEvents);", 6 * 1024],
  ['{ parseEvent }', "import { parseEvent } from './dist/index.js'; console.log(parseEvent);", 60 * 1024],
  ['the whole root', "import * as all from './dist/index.js'; console.log(all);", 60 * 1024],
  ['democracy-timeline/json-schema', "import * as all from './dist/json-schema.js'; console.log(all);", 60 * 1024],
  ['democracy-timeline/lint', "import * as all from './dist/lint.js'; console.log(all);", 60 * 1024],
];

export async function benchSize(): Promise<void> {
  console.log('\n## Browser bundle size (esbuild --minify, gzip -9)\n');
  const cases = SIZE_CASES;
  const rows: (string | number)[][] = [['import', 'minified', 'gzip', 'goal', 'Node built-ins']];
  let ok = true;
  for (const [name, code, goal] of cases) {
    const { min, gzip, node } = await measure(code);
    ok &&= gzip <= goal && node.length === 0;
    rows.push([name, kb(min), kb(gzip), `<= ${kb(goal)}`, node.length ? node.join(' ') : 'none']);
  }
  table(rows);
  if (!ok) {
    console.log('\nover a goal');
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchSize();
