/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { filterEvents, parseEvent, type Event, type EventQuery } from '../../src/index.js';
import { loadEvents } from '../../src/node.js';
import { CORPUS, HAS_CORPUS, SEED_FILE } from '../helpers/corpus.js';
import { needs } from '../helpers/tools.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const BUILT = existsSync(join(ROOT, 'dist/browser.js'));
if (!BUILT) console.warn('browser test skipped: dist/browser.js is not built (npm test builds it)');
const READY = BUILT && needs(`Chromium at ${CHROMIUM}`, existsSync(CHROMIUM));

// Test data: the seed event and variants of it with their own ids, tags and
// titles, clearly labelled as fixtures.
const seed = parseEvent(readFileSync(SEED_FILE, 'utf8')).event!;
const fixture = (id: string, date: string, tags: string[], title: string, importance: number | null): Event => ({ ...seed, id, date, tags, title, importance, summary: 'A fixture for the **browser** test.' });
const FIXTURES = [
  seed,
  fixture('2023-03-01--fixture-alpha', '2023-03-01', ['fixture-courts'], 'Fixture Alpha: Élysée hearing', 3),
  fixture('2024-07-15--fixture-beta', '2024-07-15', ['fixture-courts', 'propaganda'], 'Fixture Beta', null),
];

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const datasets = new Map<string, string>([['/fixture-events.json', JSON.stringify(FIXTURES)]]);

describe.skipIf(!READY)('the explorer page in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const data = datasets.get(url.pathname);
      if (data) return void res.writeHead(200, { 'content-type': 'application/json' }).end(data);
      const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
      if (!path.startsWith(ROOT) || !existsSync(path)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Waits for the render after `action` and returns what the page shows. */
  async function after(action: () => Promise<unknown>) {
    const before = Number((await page.evaluate(() => document.body.dataset.renders)) ?? 0);
    await action();
    await page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n, before);
    // An action can fire several events, each asking for a frame: two more
    // frames let the last of them draw before the page is read.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return shown();
  }
  const shown = async () => ({
    count: Number(await page.evaluate(() => document.body.dataset.count)),
    ids: await page.$$eval('#list li.event', (items) => items.map((li) => (li as HTMLElement).dataset.id)),
  });
  const open = async (path: string) => {
    await page.goto(`${base}${path}`);
    await page.waitForFunction(() => Number(document.body.dataset.renders ?? 0) >= 1, undefined, { timeout: 60_000 });
    return shown();
  };

  it('renders the dataset built from seeds/', async () => {
    expect(await open('/examples/browser/index.html')).toEqual({ count: 1, ids: [seed.id] });
    expect(await page.$$eval('circle.event', (cs) => cs.map((c) => c.getAttribute('data-id')))).toEqual([seed.id]);
    expect(await page.$$eval('rect.bar', (bars) => bars.length)).toBe(1);
  });

  it('filters to exactly what filterEvents gives, keeps the filters in the address, and opens an entry', async () => {
    const check = async (query: EventQuery, got: { count: number; ids: (string | undefined)[] }) => {
      const expected = filterEvents(FIXTURES, query).map((e) => e.id);
      expect(got).toEqual({ count: expected.length, ids: expected });
    };
    await check({}, await open('/examples/browser/index.html?data=/fixture-events.json'));
    await check({ tags: 'fixture-courts' }, await after(() => page.fill('#tag', 'fixture-courts')));
    await check({ tags: 'fixture-courts', text: 'elysee' }, await after(() => page.fill('#text', 'elysee')));
    expect(await page.textContent('#status')).toMatch(/^1 of 3 events/);
    expect(page.url()).toContain('tag=fixture-courts');
    await after(() => page.click('#reset'));
    await check({ minImportance: 4 }, await after(() => page.selectOption('#min', '4')));
    await check({ minImportance: 4, from: '2024' }, await after(() => page.fill('#from', '2024')));
    // The address restores the view.
    await check({ text: 'KAZAKHSTAN' }, await open('/examples/browser/index.html?data=/fixture-events.json&text=KAZAKHSTAN'));
    expect(await page.inputValue('#text')).toBe('KAZAKHSTAN');
    // An entry opens to its summary (Markdown rendered), its sources as links, its tags.
    await page.click(`li.event[data-id="${seed.id}"] summary`);
    const body = await page.$eval(`li.event[data-id="${seed.id}"] .body`, (b) => ({ links: [...b.querySelectorAll('ol.sources a')].map((a) => a.getAttribute('href')), text: b.textContent }));
    expect(body.links).toEqual(seed.sources.map((s) => s.url));
    expect(body.text).toContain(seed.tags[0]);
    expect(errors).toEqual([]);
  });

  it('sorts, picks tags by typing with their counts, fits its ticks to the span, draws ranges as ranges, and says what a mark means', async () => {
    // Fixtures whose dates are not days: a month, an approximate year, a range.
    const dated = [
      fixture('2024-03-01--fixture-month', '2024-03', ['fixture-dates'], 'Fixture known to the month', 6),
      fixture('2024-01-01--fixture-year', '2024~', ['fixture-dates'], 'Fixture about the year', 2),
      fixture('2024-05-01--fixture-range', '2024-05/2024-08', ['fixture-dates'], 'Fixture spanning months', 9),
    ];
    datasets.set('/dated.json', JSON.stringify([...FIXTURES, ...dated]));
    await open('/examples/browser/index.html?data=/dated.json');
    // The tag picker lists every tag with its count, most used first.
    const options = await page.$$eval('#tags option', (os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).label]));
    expect(options[0]).toEqual(['fixture-dates', '3 events']);
    const got = await after(() => page.fill('#tag', 'fixture-dates'));
    expect(got.ids).toEqual(['2024-01-01--fixture-year', '2024-03-01--fixture-month', '2024-05-01--fixture-range']);
    // Within one year the ticks are months.
    const ticks = await page.$$eval('#timeline text:not(.earlier)', (ts) => ts.map((t) => t.textContent));
    expect(ticks).toEqual(expect.arrayContaining(['Mar', 'May', 'Jul']));
    // The range and the dates known to the month or year span their days; the approximate one dashed.
    expect(await page.$$eval('#timeline line.span', (ls) => ls.length)).toBe(3);
    expect(await page.$$eval('#timeline line.span[stroke-dasharray]', (ls) => ls.length)).toBe(1);
    expect(await page.textContent('#legend')).toContain('more important');
    expect((await after(() => page.selectOption('#sort', 'importance'))).ids).toEqual(['2024-05-01--fixture-range', '2024-03-01--fixture-month', '2024-01-01--fixture-year']);
    expect((await after(() => page.selectOption('#sort', 'newest'))).ids).toEqual(['2024-05-01--fixture-range', '2024-03-01--fixture-month', '2024-01-01--fixture-year']);
    expect(page.url()).toContain('sort=newest');
    expect(errors).toEqual([]);
  });

  describe.skipIf(!HAS_CORPUS)('at corpus size', () => {
    let corpus: Event[];
    beforeAll(async () => {
      corpus = (await loadEvents(CORPUS, { mode: 'lenient' })).events;
      datasets.set('/corpus.json', JSON.stringify(corpus));
      // A scale fixture: the corpus ten times over, each copy with its own ids.
      const scaled = Array.from({ length: 10 }, (_, k) => corpus.map((e) => ({ ...e, id: k ? `${e.id}-copy${k}` : e.id }))).flat();
      datasets.set('/scaled.json', JSON.stringify(scaled));
    }, 60_000);

    it('gives what filterEvents gives on every filter, pages through, and stays quick at 2,000 and 20,000 events', async () => {
      const timings: Record<string, number> = {};
      for (const [name, path, events] of [
        ['corpus', '/corpus.json', () => corpus],
        ['scaled', '/scaled.json', () => JSON.parse(datasets.get('/scaled.json')!) as Event[]],
      ] as const) {
        const all = events();
        const start = Date.now();
        const first = await open(`/examples/browser/index.html?data=${path}`);
        timings[`${name}: ${all.length} events, load and first render (ms)`] = Date.now() - start;
        expect(first.count).toBe(all.length);
        const queries: [EventQuery, () => Promise<unknown>][] = [
          [{ text: 'court' }, () => page.fill('#text', 'court')],
          [{ text: 'court', minImportance: 7 }, () => page.selectOption('#min', '7')],
          // One change at a time: each is checked after its own render.
          [{ text: 'court', minImportance: 7, from: '2017' }, () => page.fill('#from', '2017')],
          [{ text: 'court', minImportance: 7, from: '2017', to: '2020' }, () => page.fill('#to', '2020')],
        ];
        for (const [query, action] of queries) {
          const t = Date.now();
          const got = await after(action);
          timings[`${name}: filter ${JSON.stringify(query)} (ms)`] = Date.now() - t;
          const expected = filterEvents(all, query).map((e) => e.id);
          expect(got.count).toBe(expected.length);
          expect(got.ids).toEqual(expected.slice(0, 50));
        }
        await after(() => page.click('#reset'));
        // The most used tag, to page through many events.
        const counts = new Map<string, number>();
        for (const e of all) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
        const tag = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
        await after(() => page.fill('#tag', tag));
        const expected = filterEvents(all, { tags: tag }).map((e) => e.id);
        expect(expected.length).toBeGreaterThan(100);
        // The last page holds the last events.
        const pages = Math.ceil(expected.length / 50);
        await open(`/examples/browser/index.html?data=${path}&tag=${tag}&page=${pages - 1}`);
        expect((await shown()).ids).toEqual(expected.slice((pages - 1) * 50));
        if (name === 'corpus') {
          mkdirSync(join(ROOT, 'test/output'), { recursive: true });
          await open(`/examples/browser/index.html?data=${path}`);
          await page.screenshot({ path: join(ROOT, 'test/output/explorer-corpus.png') });
        }
      }
      writeFileSync(join(ROOT, 'test/output/explorer-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
      console.log(timings);
      expect(errors).toEqual([]);
    }, 180_000);
  });
});
