/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { exportEvents, toCSV, withDerivedDates, type Event } from '../../src/index.js';
import { loadEvents } from '../../src/node.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { needs } from '../helpers/tools.js';

// The exports as their users render them: the real TimelineJS and
// vis-timeline packages (dev dependencies, served from node_modules, no
// CDN) in headless Chromium, on every event of the real corpus.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
if (!HAS_CORPUS) console.warn('timeline test skipped: no corpus beside the repository');
const READY = HAS_CORPUS && needs(`Chromium at ${CHROMIUM}`, existsSync(CHROMIUM));

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

// The Vega-Lite recipe of docs/visualization.md, as written there.
const VEGA_SPEC = JSON.parse(/## Vega-Lite over events\.csv[\s\S]*?```json\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!) as { data: { url: string; format?: unknown } };

const VEGA_PAGE = `<!doctype html><meta charset="utf-8"><div id="chart"></div>
<script src="/node_modules/vega/build/vega.min.js"></script>
<script src="/node_modules/vega-lite/build/vega-lite.min.js"></script>
<script>
  window.render = async (spec) => {
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'svg', container: '#chart' });
    await view.runAsync();
    // The rows as Vega holds them (counted by year and importance): the type of each field's values.
    const rows = view.data('source_0');
    const types = (field) => [...new Set(rows.map((r) => (r[field] === null ? 'null' : typeof r[field])))].sort();
    const x = view.scale('x');
    const svg = document.querySelector('#chart svg').getBoundingClientRect();
    return {
      events: rows.reduce((n, r) => n + r.__count, 0),
      importance: types('importance'),
      xType: x.type,
      firstYear: new Date(x.domain()[0]).getUTCFullYear(),
      bars: document.querySelectorAll('#chart path').length,
      width: svg.width,
      container: document.querySelector('#chart').getBoundingClientRect().width,
      // The axes' and the legend's labels, drawn: pairs of them one over another.
      labels: [...document.querySelectorAll('#chart .role-axis-label text, #chart .role-legend-label text')].filter((t) => t.getBoundingClientRect().width > 0).length,
      overlaps: [...document.querySelectorAll('#chart .role-axis-label text, #chart .role-legend-label text')]
        .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
        .filter((t, i, all) => t.box.width > 0 && all.some((u, j) => j !== i && u.box.width > 0 && t.box.left < u.box.right - 1 && u.box.left < t.box.right - 1 && t.box.top < u.box.bottom - 1 && u.box.top < t.box.bottom - 1))
        .map((t) => t.text),
    };
  };
  window.loaded = true;
</script>`;

const TIMELINEJS_PAGE = `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="/node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script src="/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script>
<script>
  fetch('/export.json').then((r) => r.json()).then((doc) => {
    window.timeline = new TL.Timeline('timeline', doc, { start_at_slide: 0, font: null, script_path: '/node_modules/@knight-lab/timelinejs/dist/js/' });
    window.timeline.on('loaded', () => (window.loaded = true));
  });
</script>`;

// The TimelineJS page of docs/visualization.md, as written there, with the
// CDN's addresses pointing at the installed package, the export at
// /export.json, and the timeline kept on window for the test to drive.
const TIMELINEJS_RECIPE = /### A TimelineJS page[\s\S]*?```html\n([\s\S]*?)```/
  .exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!.replaceAll('https://cdn.jsdelivr.net/npm/@knight-lab/timelinejs@3/', '/node_modules/@knight-lab/timelinejs/')
  .replace("fetch('timeline.json')", "fetch('/export.json')")
  .replace('const timeline = ', 'const timeline = window.tl = ');

/** What a reader sees of TimelineJS's navigator: the labels in view, pairs of them one over another, the years on the axis, the year of the slide shown. */
function navigatorView(): { labels: number; overlaps: string[]; years: number[]; slideYear: number; headlineShown: boolean } {
  const nav = document.querySelector('.tl-timenav')!.getBoundingClientRect();
  const inView = (b: DOMRect): boolean => b.width > 0 && b.right > nav.left && b.left < nav.right;
  const labels = [...document.querySelectorAll('.tl-timemarker')]
    .map((m) => ({ text: m.querySelector('.tl-headline')?.textContent ?? '', box: m.querySelector('.tl-timemarker-content-container')!.getBoundingClientRect() }))
    .filter((l) => inView(l.box));
  const overlaps: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1 && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1) overlaps.push(`${a.text} / ${b.text}`);
    }),
  );
  const years = [...document.querySelectorAll('.tl-timeaxis-tick-text')]
    .filter((t) => inView(t.getBoundingClientRect()))
    .map((t) => Number(t.textContent?.trim()))
    .filter((y) => Number.isInteger(y) && y > 0);
  // The slide in view: the one at the left of the story slider.
  const slide = [...document.querySelectorAll('.tl-slide')].find((el) => Math.abs(el.getBoundingClientRect().left) < 50 && el.getBoundingClientRect().width > 0);
  const slideYear = Number(/\d{4}/.exec(slide?.querySelector('.tl-headline-date')?.textContent ?? '')?.[0]);
  // Its headline whole above the navigator (a long summary scrolls within the slide).
  const headline = slide?.querySelector('.tl-headline')?.getBoundingClientRect();
  const headlineShown = headline !== undefined && headline.height > 0 && headline.top >= 0 && headline.bottom <= nav.top;
  return { labels: labels.length, overlaps, years, slideYear, headlineShown };
}

// The vis-timeline page of docs/visualization.md, as written there, with
// the CDN's addresses pointing at the installed packages, the export at
// /export.json, and the timeline kept on window for the test to read.
const VIS_RECIPE = /### A vis-timeline page[\s\S]*?```html\n([\s\S]*?)```/
  .exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!.replaceAll('https://cdn.jsdelivr.net/npm/vis-timeline@8/', '/node_modules/vis-timeline/')
  .replaceAll('https://cdn.jsdelivr.net/npm/democracy-timeline@0/', '/')
  .replace("fetch('vis.json')", "fetch('/export.json')")
  .replace('const timeline = ', 'const timeline = window.vt = ');
// The D3 page of docs/visualization.md, as written there, with the CDN's
// address pointing at the installed package and events.json at /events.json.
const D3_RECIPE = /### A D3 page over events\.json[\s\S]*?```html\n([\s\S]*?)```/
  .exec(readFileSync(join(ROOT, 'docs/visualization.md'), 'utf8'))![1]!.replaceAll('https://cdn.jsdelivr.net/npm/d3@7/', '/node_modules/d3/')
  .replace("d3.json('events.json')", "d3.json('/events.json')");

/** The vis-timeline page is ready when it shows (it stays hidden behind its loading screen until its first draw is done). */
const visShown = () => {
  const root = document.querySelector('.vis-timeline');
  return root !== null && getComputedStyle(root).visibility === 'visible' && document.querySelectorAll('.vis-item').length > 0;
};


describe.skipIf(!READY)('timeline exports in the real libraries, at corpus size', () => {
  let server: Server;
  let browser: Browser;
  let events: Event[];
  let body = '';
  let html = '';

  beforeAll(async () => {
    events = (await loadEvents(CORPUS, { mode: 'lenient' })).events;
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/export.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      if (url.pathname === '/events.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      if (url.pathname === '/events.csv') return void res.writeHead(200, { 'content-type': 'text/csv' }).end(toCSV(events));
      if (url.pathname === '/page.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
      if ((!path.startsWith(join(ROOT, 'node_modules')) && !path.startsWith(join(ROOT, 'styles'))) || !existsSync(path)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(page: string, exported: string, ready: () => boolean = () => (window as unknown as { loaded?: boolean }).loaded === true): Promise<{ page: Page; errors: string[] }> {
    body = exported;
    html = page;
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
    tab.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));
    await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/page.html`);
    await tab.waitForFunction(ready, undefined, { timeout: 60_000 });
    return { page: tab, errors };
  }

  it('TimelineJS: every event a slide, a navigator that fits the page, and a slide that shows its sources', async () => {
    expect(events.length).toBeGreaterThan(1900);
    for (const group of [undefined, 'tag'] as const) {
      const { page, errors } = await open(TIMELINEJS_PAGE, exportEvents(events, 'timelinejs', { group }));
      const navigator = await page.$eval('.tl-timenav', (el) => {
        const box = el.getBoundingClientRect();
        return { height: box.height, visible: box.height > 0 && box.width > 0 && getComputedStyle(el).display !== 'none' };
      });
      expect(navigator.visible).toBe(true);
      // Within the 700 px the page gives the timeline, however many tags there are.
      expect(navigator.height).toBeLessThan(700);
      const markers = await page.$$eval('.tl-timemarker', (ms) => ms.length);
      expect(markers).toBe(events.length);
      const groups = await page.$$eval('.tl-timegroup', (gs) => gs.length);
      expect(groups).toBeLessThanOrEqual(group ? 8 : 1);
      // The first slide (the oldest event) shows its sources.
      const slide = await page.$eval('.tl-slide-content-container', (el) => ({ links: el.querySelectorAll('ul.sources li').length, text: el.textContent ?? '' }));
      expect(slide.links).toBe(events[0]!.sources.length);
      mkdirSync(join(ROOT, 'test/output'), { recursive: true });
      await page.screenshot({ path: join(ROOT, `test/output/timelinejs-${group ?? 'one-band'}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 180_000);

  /** Resolves when TimelineJS has stopped moving: no marker, navigator or slide moved in the last 300 ms. */
  const settled = (page: Page): Promise<void> =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let last = '';
          const look = (): void => {
            const now = [...document.querySelectorAll('.tl-timemarker, .tl-timenav-slider, .tl-slider-container')]
              .map((el) => el.getBoundingClientRect())
              .map((b) => `${Math.round(b.left)},${Math.round(b.top)}`)
              .join(' ');
            if (now === last) resolve();
            else {
              last = now;
              setTimeout(look, 300);
            }
          };
          look();
        }),
    );

  it('TimelineJS: the guide’s page, on what export gives for the corpus, has no label over another at the first slide and every tenth', async () => {
    for (const group of [undefined, 'tag'] as const) {
      const exported = exportEvents(events, 'timelinejs', { group, fit: true });
      const slides = (JSON.parse(exported) as { events: unknown[] }).events.length;
      expect(slides).toBeGreaterThan(10);
      const { page, errors } = await open(`<!doctype html><meta charset="utf-8">\n${TIMELINEJS_RECIPE}`, exported, () => document.querySelectorAll('.tl-timemarker').length > 0);
      for (let at = 0; at < slides; at = at === slides - 1 ? slides : Math.min(at + 10, slides - 1)) {
        if (at > 0) await page.evaluate((k) => (window as unknown as { tl: { goTo(n: number): void } }).tl.goTo(k), at);
        await settled(page);
        const view = await page.evaluate(navigatorView);
        const where = `${group ?? 'one band'}, slide ${at}`;
        expect(view.labels, where).toBeGreaterThan(0);
        expect(view.overlaps, where).toEqual([]);
        expect(view.headlineShown, where).toBe(true);
        // An axis in view, around the slide shown.
        expect(view.years.length, where).toBeGreaterThanOrEqual(2);
        expect(Math.min(...view.years), where).toBeLessThanOrEqual(view.slideYear);
        expect(Math.max(...view.years), where).toBeGreaterThanOrEqual(view.slideYear);
        if (at === 0 || at === slides - 1) {
          mkdirSync(join(ROOT, 'test/output'), { recursive: true });
          await page.screenshot({ path: join(ROOT, `test/output/timelinejs-fit-${group ?? 'one-band'}-${at === 0 ? 'first' : 'last'}.png`) });
        }
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it('dates known to the year or month, approximate or spanning: TimelineJS says so, vis-timeline draws a range', async () => {
    // Two corpus events written as their precision allows: the 1142 event
    // known only to about the year (as lint/date-precision suggests), and
    // one spanning months. Test data, not the dataset's.
    const year = { ...events[0]!, date: '1142~' };
    const spanning = { ...events.find((e) => e.date.startsWith('2017-'))! };
    spanning.date = `${spanning.date.slice(0, 7)}/2017-12`;
    const few = [year, spanning];
    const tl = await open(TIMELINEJS_PAGE, exportEvents(few, 'timelinejs'));
    const dates = await tl.page.$$eval('.tl-slide .tl-headline-date', (els) => els.map((el) => el.textContent?.trim() ?? ''));
    expect(dates).toContain('c. 1142');
    // TimelineJS joins a range's two ends itself.
    expect(dates.some((d) => /^[A-Z][a-z]+ 2017 — December 2017$/.test(d)), dates.join(' | ')).toBe(true);
    expect(tl.errors).toEqual([]);
    await tl.page.close();
    const vt = await open(`<!doctype html><meta charset="utf-8">\n${VIS_RECIPE}`, exportEvents(few, 'vis'), visShown);
    expect(await vt.page.$$eval('.vis-item.vis-range', (is) => is.length)).toBe(1);
    // A point is drawn as a box, a line and a dot, each with the item's classes.
    expect(await vt.page.$$eval('.vis-item.vis-box.approximate.date-year', (is) => is.length)).toBe(1);
    expect(vt.errors).toEqual([]);
    await vt.page.close();
  }, 120_000);

  it('vis-timeline: the guide’s page opens legible on the whole corpus, in bands, in its window, no label over another', async () => {
    const exported = exportEvents(events, 'vis', { group: 'tag' });
    const view = JSON.parse(exported) as { items: unknown[]; groups: unknown[]; window: { start: string; end: string } };
    const { page, errors } = await open(`<!doctype html><meta charset="utf-8">\n${VIS_RECIPE}`, exported, visShown);
    expect(await page.evaluate(() => (window as unknown as { vt: { itemsData: { length: number } } }).vt.itemsData.length)).toBe(events.length);
    expect(view.groups.length).toBeLessThanOrEqual(8);
    expect(await page.$$eval('.vis-label', (ls) => ls.length)).toBe(view.groups.length);
    // Every band in view shows its name: the name lies within the timeline's box.
    const bands = await page.$$eval('.vis-label', (ls) => {
      const panel = document.querySelector('.vis-panel.vis-left')!.getBoundingClientRect();
      return ls
        .map((l) => ({ band: l.getBoundingClientRect(), name: l.querySelector('.vis-inner')!.getBoundingClientRect(), text: l.textContent }))
        .filter(({ band }) => band.bottom > panel.top + 1 && band.top < panel.bottom - 1)
        .map(({ name, text }) => ({ text, shown: name.height > 0 && name.top >= panel.top - 1 && name.bottom <= panel.bottom + 1 }));
    });
    expect(bands.length).toBeGreaterThanOrEqual(3);
    expect(bands.filter((b) => !b.shown)).toEqual([]);
    // The window it opens on: the one the export gives, within the data's span.
    const shown = await page.evaluate(() => {
      const w = (window as unknown as { vt: { getWindow(): { start: Date; end: Date } } }).vt.getWindow();
      return [w.start.toISOString().slice(0, 10), w.end.toISOString().slice(0, 10)];
    });
    expect(shown).toEqual([view.window.start, view.window.end]);
    const days = events.map((e) => e.date.slice(0, 10)).sort();
    expect(view.window.start >= days[0]!.slice(0, 4)).toBe(true);
    expect(view.window.end <= `${Number(days.at(-1)!.slice(0, 4)) + 1}`).toBe(true);
    // No two labels in view overlap; the page does not grow with the events.
    const boxes = await page.$$eval('.vis-item .vis-item-content', (els) =>
      els
        .map((el) => el.getBoundingClientRect())
        .filter((b) => b.width > 0 && b.right > 0 && b.left < 1280 && b.bottom > 0 && b.top < 800)
        .map((b) => [b.left, b.top, b.right, b.bottom]),
    );
    expect(boxes.length).toBeGreaterThan(10);
    const overlaps = boxes.filter((a, i) => boxes.some((b, j) => j > i && a[0]! < b[2]! - 1 && b[0]! < a[2]! - 1 && a[1]! < b[3]! - 1 && b[1]! < a[3]! - 1));
    expect(overlaps).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(800);
    mkdirSync(join(ROOT, 'test/output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test/output/vis-timeline.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('D3: the guide’s page draws every event by dateStart and dateEnd, opens on the last two years, and zooms', async () => {
    // The corpus with two of its events written as their precision allows
    // (test data, not the dataset's): the 1142 event known only to about the
    // year, and one spanning months.
    const year = { ...events[0]!, id: `${events[0]!.id}-about`, date: '1142~' };
    const spanning = { ...events.find((e) => e.date.startsWith('2017-'))! };
    spanning.id += '-months';
    spanning.date = `${spanning.date.slice(0, 7)}/2017-12`;
    const all = [...events, year, spanning].map(withDerivedDates);
    const { page, errors } = await open(`<!doctype html><meta charset="utf-8">\n${D3_RECIPE}`, JSON.stringify(all), () => document.querySelectorAll('#chart circle').length > 0 && document.querySelectorAll('#chart .tick').length > 0);
    const drawn = await page.evaluate(() => ({
      dots: document.querySelectorAll('#chart circle').length,
      bars: document.querySelectorAll('#chart rect:not(clipPath rect)').length,
      dashed: document.querySelectorAll('#chart [stroke-dasharray="2 2"]').length,
      svg: document.querySelector('#chart svg')!.getBoundingClientRect().width,
      container: document.querySelector('#chart')!.getBoundingClientRect().width,
    }));
    expect(drawn.dots + drawn.bars).toBe(all.length);
    expect(drawn.bars).toBe(all.filter((e) => e.dateEnd > e.dateStart).length);
    expect(drawn.dashed).toBe(all.filter((e) => e.dateApproximate).length);
    expect(drawn.dashed).toBeGreaterThan(0);
    expect(drawn.svg).toBeLessThanOrEqual(drawn.container);
    // The first view: the last two years of the events; what is older lies left of the plot.
    const last = all.map((e) => e.dateEnd).sort().at(-1)!;
    const twoYearsBefore = `${Number(last.slice(0, 4)) - 2}${last.slice(4)}`;
    const placed = await page.$$eval('#chart circle', (cs) => cs.map((c) => [(c as unknown as { __data__: { start: Date } }).__data__.start.toISOString().slice(0, 10), Number(c.getAttribute('cx'))] as const));
    const plot = await page.$eval('#chart clipPath rect', (r) => [Number(r.getAttribute('x')), Number(r.getAttribute('x')) + Number(r.getAttribute('width'))] as const);
    const inView = placed.filter(([, cx]) => cx >= plot[0] && cx <= plot[1]);
    expect(inView.length).toBeGreaterThan(100);
    expect(inView.every(([d]) => d >= twoYearsBefore.slice(0, 7))).toBe(true);
    expect(placed.filter(([d]) => d < twoYearsBefore).every(([, cx]) => cx < plot[0])).toBe(true);
    // The axis: labels in view, none over another.
    const ticks = async () =>
      // The time axis, drawn last.
      page.$$eval('#chart svg > g:last-child .tick text', (ts) =>
        ts
          .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
          .filter((t) => t.box.width > 0)
          .map((t) => ({ text: t.text, left: t.box.left, right: t.box.right })),
      );
    const before = await ticks();
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.filter((a, i) => before.some((b, j) => j !== i && a.left < b.right - 1 && b.left < a.right - 1))).toEqual([]);
    mkdirSync(join(ROOT, 'test/output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test/output/d3.png') });
    // A wheel turn over the chart zooms out: the axis answers.
    await page.mouse.move(640, 200);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction((was) => [...document.querySelectorAll('#chart svg > g:last-child .tick text')].map((t) => t.textContent).join() !== was, before.map((t) => t.text).join(), { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Vega-Lite: the documented recipe fits its container, on a time axis from 1142, importance a number', async () => {
    const { page, errors } = await open(VEGA_PAGE, '');
    const spec = { ...VEGA_SPEC, data: { ...VEGA_SPEC.data, url: '/events.csv' } };
    const read = await page.evaluate((s) => (window as unknown as { render: (s: unknown) => Promise<Record<string, unknown>> }).render(s), spec);
    // Vega-Lite leaves out of a quantitative colour the events not rated, as the guide says.
    expect(read).toMatchObject({ events: events.filter((e) => e.importance !== null && e.importance !== undefined).length, importance: expect.arrayContaining(['number']), xType: 'time' });
    expect((read.importance as string[]).every((t) => t === 'number' || t === 'null')).toBe(true);
    expect(read.firstYear).toBe(Number(events.map((e) => e.date).sort()[0]!.slice(0, 4)));
    expect(read.bars).toBeGreaterThan(10);
    // Bars, axis and legend within the page's width.
    expect(read.width as number).toBeLessThanOrEqual(read.container as number);
    // Axis and legend labels drawn, none over another.
    expect(read.labels as number).toBeGreaterThan(5);
    expect(read.overlaps).toEqual([]);
    mkdirSync(join(ROOT, 'test/output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test/output/vega-lite.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
