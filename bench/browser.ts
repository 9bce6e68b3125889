// In the browser, as readers meet it: headless Chromium on this machine,
// time from asking for the page until it answers (the explorer has drawn
// and the main thread is free; a timeline library has shown its view), at
// 3,000 and 30,000 events (the corpus copied, each copy's ids suffixed),
// and the explorer's time per filter for a tag, a word and a year drawn
// fresh each run. The exports are what `export` gives by default (for
// TimelineJS what its navigator shows legibly, at most 300; for
// vis-timeline at most 2,000), rendered by the guide's pages; a filter on
// an export is the whole of it: `export --tag T` (or `--from Y`) from a
// cold start, then the page until it answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCSV, withDerivedDates } from '../dist/index.js';
import { loadEvents } from '../dist/node.js';
import { CORPUS, HAS_CORPUS, median, ms, table } from './util.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
/** Answers: a task posted now runs at once, twice in a row. */
const ANSWERS = `new Promise((resolve) => { const ping = () => { const t = performance.now(); setTimeout(() => { if (performance.now() - t < 50) { const u = performance.now(); setTimeout(() => (performance.now() - u < 50 ? resolve() : ping()), 0); } else ping(); }, 0); }; ping(); })`;

/** What `export` writes by default for a timeline library: the real CLI on the events (written to events.json in dir). */
function exported(format: 'timelinejs' | 'vis', dir: string, ...flags: string[]): string {
  const out = join(dir, `${format}.json`);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'export', join(dir, 'events.json'), '--format', format, '--out', out, ...flags], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`export ${format}: exit ${r.status}: ${r.stderr}`);
  return readFileSync(out, 'utf8');
}

export async function benchBrowser(): Promise<void> {
  console.log('\n## In Chromium: time until the page answers, and per filter (3,000 and 30,000 events)\n');
  if (!HAS_CORPUS || !existsSync(CHROMIUM)) {
    console.log(`skipped: needs the corpus and Chromium at ${CHROMIUM}`);
    return;
  }
  const corpus = (await loadEvents(CORPUS, { mode: 'lenient' })).events;
  const sized = (n: number) => Array.from({ length: Math.ceil(n / corpus.length) }, (_, k) => corpus.map((e) => ({ ...e, id: k ? `${e.id}-copy${k}` : e.id }))).flat().slice(-n);
  const files = new Map<string, string>();
  const visPage = /### A vis-timeline page[\s\S]*?```html\n([\s\S]*?)```/
    .exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!.replaceAll('https://cdn.jsdelivr.net/npm/vis-timeline@8/', '/node_modules/vis-timeline/')
    .replaceAll('https://cdn.jsdelivr.net/npm/democracy-timeline@0/', '/')
    .replace("fetch('vis.json')", "fetch('/vis.json')");
  files.set('/vis.html', `<!doctype html><meta charset="utf-8">\n${visPage}`);
  const tlPage = /### A TimelineJS page[\s\S]*?```html\n([\s\S]*?)```/
    .exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!.replaceAll('https://cdn.jsdelivr.net/npm/@knight-lab/timelinejs@3/', '/node_modules/@knight-lab/timelinejs/')
    .replace("fetch('timeline.json')", "fetch('/tl.json')");
  files.set('/tl.html', `<!doctype html><meta charset="utf-8">\n${tlPage}`);
  const d3Page = /### A D3 page over events\.json[\s\S]*?```html\n([\s\S]*?)```/
    .exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!.replaceAll('https://cdn.jsdelivr.net/npm/d3@7/', '/node_modules/d3/')
    .replace("d3.json('events.json')", "d3.json('/events.json')");
  files.set('/d3.html', `<!doctype html><meta charset="utf-8">\n${d3Page}`);
  // The Vega-Lite spec of the guide, over /events.csv, rendered as vega-embed would: compiled, then a View.
  const vegaSpec = JSON.parse(/## Vega-Lite over events\.csv[\s\S]*?```json\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!) as { data: Record<string, unknown> };
  vegaSpec.data = { ...vegaSpec.data, url: '/events.csv' };
  files.set(
    '/vega.html',
    `<!doctype html><meta charset="utf-8"><div id="chart"></div><script src="/node_modules/vega/build/vega.min.js"></script><script src="/node_modules/vega-lite/build/vega-lite.min.js"></script><script>new vega.View(vega.parse(vegaLite.compile(${JSON.stringify(vegaSpec)}).spec), { renderer: 'svg', container: '#chart' }).runAsync().then(() => (window.shown = true));</script>`,
  );
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const held = files.get(url.pathname);
    if (held !== undefined) return void res.writeHead(200, { 'content-type': TYPES[extname(url.pathname)] ?? 'text/plain' }).end(held);
    const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (!path.startsWith(ROOT) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const rows: (string | number)[][] = [['what', 'events', 'runs', 'until it answers (median)', 'goal']];
  const filterRows: (string | number)[][] = [['filter', 'events', 'runs', 'median', 'slowest']];
  const runs = 3;
  const work = mkdtempSync(join(tmpdir(), 'dt-browser-bench-'));
  try {
    const timeTo = async (path: string, ready: string) => {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const start = Date.now();
      await tab.goto(base + path);
      await tab.waitForFunction(ready, undefined, { timeout: 180_000, polling: 20 });
      await tab.evaluate(ANSWERS);
      return { tab, took: Date.now() - start };
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const pages = [
      ['TimelineJS', 'timelinejs', '/tl.html', '/tl.json', "document.querySelectorAll('.tl-timemarker').length > 0", (json: string) => (JSON.parse(json) as { events: unknown[] }).events.length],
      ['vis-timeline', 'vis', '/vis.html', '/vis.json', "(() => { const r = document.querySelector('.vis-timeline'); return r !== null && getComputedStyle(r).visibility === 'visible'; })()", (json: string) => (JSON.parse(json) as { items: unknown[] }).items.length],
    ] as const;
    for (const n of [3_000, 30_000]) {
      const events = sized(n);
      files.set('/data.json', JSON.stringify(events));
      files.set('/events.json', JSON.stringify(events.map(withDerivedDates)));
      files.set('/events.csv', toCSV(events));
      writeFileSync(join(work, 'events.json'), JSON.stringify(events));
      const explorer: number[] = [];
      const perFilter = new Map<string, number[]>();
      for (let r = 0; r < runs; r++) {
        const { tab, took } = await timeTo('/examples/browser/index.html?data=/data.json', 'Number(document.body.dataset.renders ?? 0) > 0');
        explorer.push(took);
        // Filters drawn fresh: a tag, a word of a title, a year, from the events themselves.
        const e = pick(events);
        const word = pick(e.title.split(/\W+/).filter((w) => w.length > 4)) ?? 'court';
        for (const [name, act] of [
          ['tag', () => tab.fill('#tag', pick(e.tags))],
          ['word', () => tab.fill('#text', word)],
          ['from year', () => tab.fill('#from', e.date.slice(0, 4))],
        ] as const) {
          const before = Number(await tab.evaluate('document.body.dataset.renders'));
          const t = Date.now();
          await act();
          await tab.waitForFunction(`Number(document.body.dataset.renders) > ${before}`, undefined, { polling: 5 });
          await tab.evaluate(ANSWERS);
          perFilter.set(`explorer: ${name}`, [...(perFilter.get(`explorer: ${name}`) ?? []), Date.now() - t]);
          await tab.click('#reset');
        }
        await tab.close();
      }
      rows.push(['explorer', n.toLocaleString('en-US'), runs, ms(median(explorer)), '<= 2 s']);
      for (const [name, path, ready] of [
        ["D3, the guide's page over events.json", '/d3.html', "document.querySelectorAll('#chart .tick').length > 0"],
        ["Vega-Lite, the guide's spec over events.csv", '/vega.html', 'window.shown === true'],
      ] as const) {
        const times: number[] = [];
        for (let r = 0; r < runs; r++) {
          const { tab, took } = await timeTo(path, ready);
          times.push(took);
          await tab.close();
        }
        rows.push([`${name}: every event`, n.toLocaleString('en-US'), runs, ms(median(times)), '<= 2 s']);
      }
      for (const [name, format, path, json, ready, count] of pages) {
        files.set(json, exported(format, work));
        const shown = count(files.get(json)!);
        const times: number[] = [];
        for (let r = 0; r < runs; r++) {
          const { tab, took } = await timeTo(path, ready);
          times.push(took);
          await tab.close();
          // A filter drawn fresh: the export of one tag, or from one year, and its page.
          const e = pick(events);
          for (const [filter, flags] of [
            ['tag', ['--tag', pick(e.tags)]],
            ['from year', ['--from', e.date.slice(0, 4)]],
          ] as const) {
            const t = Date.now();
            files.set(json, exported(format, work, ...flags));
            const { tab: filtered } = await timeTo(path, ready);
            await filtered.close();
            perFilter.set(`${name}: ${filter} (export + page)`, [...(perFilter.get(`${name}: ${filter} (export + page)`) ?? []), Date.now() - t]);
          }
          files.set(json, exported(format, work));
        }
        rows.push([`${name}, the guide's page on the default export: ${shown.toLocaleString('en-US')} shown`, n.toLocaleString('en-US'), runs, ms(median(times)), '<= 2 s']);
      }
      for (const [name, times] of perFilter) filterRows.push([name, n.toLocaleString('en-US'), runs, ms(median(times)), ms(Math.max(...times))]);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
  table(rows);
  console.log('');
  table(filterRows);
}
