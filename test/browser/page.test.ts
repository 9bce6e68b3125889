/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseEvent, type Event } from '../../src/index.js';
import { SEED_FILE } from '../helpers/corpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const READY = existsSync(CHROMIUM) && existsSync(join(ROOT, 'dist/browser.js'));
if (!READY) console.warn(`browser test skipped: ${existsSync(CHROMIUM) ? 'dist/browser.js is not built' : `no Chromium at ${CHROMIUM} (apt-get install chromium)`}`);

// Test data: the seed event and variants of it with their own ids, tags and
// titles, clearly labelled as fixtures.
const seed = parseEvent(readFileSync(SEED_FILE, 'utf8')).event!;
const fixture = (id: string, date: string, tags: string[], title: string): Event => ({ ...seed, id, date, tags, title, summary: 'A fixture for the browser test.' });
const EVENTS = [
  seed,
  fixture('2023-03-01--fixture-alpha', '2023-03-01', ['fixture-courts'], 'Fixture Alpha: Élysée hearing'),
  fixture('2024-07-15--fixture-beta', '2024-07-15', ['fixture-courts', 'propaganda'], 'Fixture Beta'),
];

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

describe.skipIf(!READY)('the example page in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/fixture-events.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(EVENTS));
        return;
      }
      const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
      if (!path.startsWith(ROOT) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 960, height: 720 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const shown = () => page.$$eval('circle.event', (cs) => cs.map((c) => c.getAttribute('data-id')));

  it('renders the dataset built from seeds/', async () => {
    await page.goto(`${base}/examples/browser/index.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('events'));
    expect(await shown()).toEqual([seed.id]);
    expect(await page.$$eval('rect.bar', (bars) => bars.length)).toBe(1);
  });

  it('filters by tag and by text to exactly the expected events, with no console error', async () => {
    await page.goto(`${base}/examples/browser/index.html?data=/fixture-events.json`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('3 of 3'));
    expect(await shown()).toEqual(['2023-03-01--fixture-alpha', '2024-07-15--fixture-beta', seed.id]);
    expect(await page.$$eval('rect.bar', (bars) => bars.map((b) => b.getAttribute('data-year')))).toEqual(['2023', '2024', '2025']);

    await page.selectOption('#tag', 'fixture-courts');
    expect(await shown()).toEqual(['2023-03-01--fixture-alpha', '2024-07-15--fixture-beta']);

    await page.fill('#text', 'elysee');
    expect(await shown()).toEqual(['2023-03-01--fixture-alpha']);
    expect(await page.textContent('#status')).toBe('1 of 3 events');

    await page.selectOption('#tag', '');
    await page.fill('#text', 'KAZAKHSTAN');
    expect(await shown()).toEqual([seed.id]);

    await page.fill('#text', '');
    await page.selectOption('#tag', 'propaganda');
    expect(await shown()).toEqual(['2024-07-15--fixture-beta', seed.id]);

    const out = join(ROOT, 'test/output');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'browser-page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
