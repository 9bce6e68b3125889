/// <reference lib="dom" />
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import Parser from 'rss-parser';
import { stringifyEvent, type Event } from '../../src/index.js';
import { buildDataset, buildSite, importEvents, SiteError, SITE_MANIFEST } from '../../src/node/index.js';
import { listFiles } from '../../src/node/build/outputFolder.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';
import { serveFolder } from '../helpers/staticSite.js';
import { needs } from '../helpers/tools.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = needs(`Chromium at ${CHROMIUM}`, existsSync(CHROMIUM));
const HAS_PANDOC = needs('pandoc', spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0);
const BASE = 'https://example.org/timeline/';
const CORRECTIONS = 'https://github.com/OWNER/REPO/issues/new?title={id}';

const root = mkdtempSync(join(tmpdir(), 'dt-site-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Every file of a folder with its bytes' hash. */
const tree = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, sha256(readFileSync(join(dir, f)))]));
const htmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

// Fixtures for the releases, clearly labelled as such: made-up events on made-up days.
const fixture = (id: string, over: Partial<Event> = {}) =>
  makeEvent({ id, date: id.slice(0, 10), title: `Fixture ${id.slice(12)}: a test event`, summary: `A fixture for the site tests (${id.slice(12)}), with a [link](https://example.org/fixture) and **bold**.`, tags: ['fixture', 'site-test'], ...over });
const ACTORS = '- id: donald-trump\n  name: Donald Trump\n  aliases: []\n  kind: person\n';
const DATASET = 'name: site-fixture\ntitle: Site fixture timeline\nlicenses:\n  - name: CC-BY-SA-4.0\n    path: https://creativecommons.org/licenses/by-sa/4.0/\ncontributors:\n  - title: Fixture Authors\n';

/** Three releases of a small dataset: v2 removes b, renames c, merges d into a; v3 changes e (dropping its only tag) and adds g. */
async function threeReleases(): Promise<{ site: string; data: string[]; results: Awaited<ReturnType<typeof buildSite>>[] }> {
  const seeds = join(root, 'seeds');
  mkdirSync(seeds, { recursive: true });
  writeFileSync(join(seeds, 'actors.yaml'), ACTORS);
  writeFileSync(join(seeds, 'dataset.yaml'), DATASET);
  const put = (e: Event) => writeFileSync(join(seeds, `${e.id}.md`), stringifyEvent(e));
  const [a, b, c, d, e] = ['2024-01-01--a', '2024-02-01--b', '2024-03-01--c', '2024-04-01--d', '2024-05-01--e'].map((id) => fixture(id));
  put(a!);
  put(b!);
  put(c!);
  put(d!);
  put({ ...e!, tags: ['fixture', 'only-e'] });
  const site = join(root, 'site');
  const data: string[] = [];
  const results: Awaited<ReturnType<typeof buildSite>>[] = [];
  const release = async (version: string, date: string) => {
    const out = join(root, `data-${version}`);
    const built = await buildDataset({ seeds, out, version, previous: data.at(-1) });
    expect(built.ok, JSON.stringify(built.issues)).toBe(true);
    data.push(out);
    results.push(await buildSite({ data: out, out: site, baseUrl: BASE, correctionsUrl: CORRECTIONS, releaseDate: date }));
  };
  await release('1.0.0', '2026-01-01');
  unlinkSync(join(seeds, `${b!.id}.md`));
  unlinkSync(join(seeds, `${c!.id}.md`));
  unlinkSync(join(seeds, `${d!.id}.md`));
  put({ ...c!, id: '2024-03-01--c-renamed', formerIds: [c!.id] });
  put({ ...a!, formerIds: [d!.id] });
  put(fixture('2024-06-01--f'));
  await release('2.0.0', '2026-02-01');
  put({ ...e!, summary: 'Corrected: a fixture with a new summary.' });
  put(fixture('2024-07-01--g', { date: '2024-07' }));
  await release('3.0.0', '2026-03-01');
  return { site, data, results };
}

let releases: Awaited<ReturnType<typeof threeReleases>>;
beforeAll(async () => {
  releases = await threeReleases();
}, 120_000);

describe('buildSite across three releases', () => {
  it('keeps every old address working: a renamed or merged id leads on, a removed one says when', () => {
    const { site } = releases;
    const moved = readFileSync(join(site, 'events/2024-03-01--c/index.html'), 'utf8');
    expect(moved).toContain('<meta http-equiv="refresh" content="0; url=../../events/2024-03-01--c-renamed/">');
    expect(moved).toContain(`<link rel="canonical" href="${BASE}events/2024-03-01--c-renamed/">`);
    expect(JSON.parse(readFileSync(join(site, 'api/events/2024-03-01--c.json'), 'utf8'))).toEqual({ movedTo: '2024-03-01--c-renamed', url: `${BASE}events/2024-03-01--c-renamed/` });
    expect(JSON.parse(readFileSync(join(site, 'api/events/2024-04-01--d.json'), 'utf8')).movedTo).toBe('2024-01-01--a');
    const removed = readFileSync(join(site, 'events/2024-02-01--b/index.html'), 'utf8');
    expect(removed).toContain('was removed from the dataset in version 2.0.0');
    expect(removed).toContain('“Fixture b: a test event”');
    expect(JSON.parse(readFileSync(join(site, 'api/events/2024-02-01--b.json'), 'utf8'))).toEqual({ removed: true, removedIn: '2.0.0' });
    expect(releases.results.map((r) => [r.pages.moved, r.pages.removed])).toEqual([[0, 0], [2, 1], [2, 1]]);
  });

  it('writes only what changed, removes only the files it wrote, and never one in its way', async () => {
    const { site, data, results } = releases;
    // v3 dropped the tag only-e: its page and its JSON are gone, with their folders.
    expect(results[2]!.removed).toBe(2);
    expect(existsSync(join(site, 'tags/only-e'))).toBe(false);
    expect(existsSync(join(site, 'api/tags/only-e.json'))).toBe(false);
    writeFileSync(join(site, 'CNAME'), 'timeline.example.org\n');
    const again = await buildSite({ data: data[2]!, out: site, baseUrl: BASE, correctionsUrl: CORRECTIONS, releaseDate: '2030-01-01' });
    expect([again.written, again.removed, again.release]).toEqual([0, 0, { version: '3.0.0', date: '2026-03-01' }]);
    expect(readFileSync(join(site, 'CNAME'), 'utf8')).toBe('timeline.example.org\n');
    // A file the site did not write, where it would write one: refused, and nothing changes.
    const before = tree(site);
    mkdirSync(join(site, 'tags/fresh'), { recursive: true });
    writeFileSync(join(site, 'tags/fresh/index.html'), 'mine');
    const seeds = join(root, 'seeds');
    writeFileSync(join(seeds, '2024-08-01--h.md'), stringifyEvent(fixture('2024-08-01--h', { tags: ['fresh'] })));
    const v4 = join(root, 'data-4.0.0');
    expect((await buildDataset({ seeds, out: v4, version: '4.0.0', previous: data[2] })).ok).toBe(true);
    await expect(buildSite({ data: v4, out: site, baseUrl: BASE, releaseDate: '2026-04-01' })).rejects.toThrow(SiteError);
    await expect(buildSite({ data: v4, out: site, baseUrl: BASE, releaseDate: '2026-04-01' })).rejects.toThrow(/tags\/fresh\/index\.html is in the way/);
    unlinkSync(join(site, 'tags/fresh/index.html'));
    expect(tree(site)).toEqual(before);
    unlinkSync(join(seeds, '2024-08-01--h.md'));
  });

  it('refuses a data folder whose package or changes name a path outside the site, writing nothing', async () => {
    for (const [file, edit] of [
      ['datapackage.json', (pkg: { resources: { path: string }[] }) => pkg.resources.push({ path: '../../../escape.json' })],
      ['changes.json', (changes: { to: string }) => (changes.to = '../../escape')],
    ] as const) {
      const data = join(root, `hostile-${file}`);
      cpSync(releases.data[0]!, data, { recursive: true });
      const value = JSON.parse(readFileSync(join(data, file), 'utf8'));
      (edit as (v: unknown) => void)(value);
      writeFileSync(join(data, file), JSON.stringify(value));
      const out = join(root, `hostile-site-${file}`);
      await expect(buildSite({ data, out, baseUrl: BASE, releaseDate: '2026-01-01' })).rejects.toThrow(SiteError);
      expect(existsSync(out)).toBe(false);
    }
    // Where ../../../escape.json leads from the site's data/ folder: beside the test's folder.
    expect(existsSync(join(root, '..', 'escape.json'))).toBe(false);
  });

  it('makes the same bytes from the same data folder and release day', async () => {
    const [x, y] = [join(root, 'same-x'), join(root, 'same-y')];
    for (const out of [x, y]) await buildSite({ data: releases.data[2]!, out, baseUrl: BASE, releaseDate: '2026-03-01' });
    expect(tree(x)).toEqual(tree(y));
  });

  it('lists every file in api/index.json with its true bytes and SHA-256', () => {
    checkIndex(releases.site);
  });

  it('gives feed readers each release newest first, an entry per event linking to its page (rss-parser)', async () => {
    const feed = await new Parser().parseString(readFileSync(join(releases.site, 'feed.xml'), 'utf8'));
    const versions = feed.items.map((i) => /version (\d\.\d\.\d)/.exec(i.contentSnippet ?? i.summary ?? '')?.[1]);
    expect(versions).toEqual([...versions].sort().reverse());
    const latest = feed.items.filter((_, i) => versions[i] === '3.0.0').map((i) => [i.title, i.link]);
    expect(latest).toEqual(
      expect.arrayContaining([
        ['Added: Fixture g: a test event', `${BASE}events/2024-07-01--g/`],
        ['Changed: Fixture e: a test event', `${BASE}events/2024-05-01--e/`],
      ]),
    );
    expect(feed.items.some((i) => i.title === 'Removed: Fixture b: a test event' && i.link === `${BASE}events/2024-02-01--b/`)).toBe(true);
    expect(feed.items.some((i) => i.title?.startsWith('Renamed: 2024-03-01--c is now 2024-03-01--c-renamed'))).toBe(true);
  });
});

/** Every file but the index and the manifest is listed, with its true size and hash. */
function checkIndex(site: string): void {
  const index = JSON.parse(readFileSync(join(site, 'api/index.json'), 'utf8')) as { files: { path: string; bytes: number; sha256: string }[] };
  expect(index.files.map((f) => f.path).sort()).toEqual(
    listFiles(site)
      .filter((f) => f !== 'api/index.json' && f !== SITE_MANIFEST && f !== 'CNAME')
      .sort(),
  );
  for (const f of index.files) {
    const bytes = readFileSync(join(site, f.path));
    expect([f.path, bytes.length, sha256(bytes)]).toEqual([f.path, f.bytes, f.sha256]);
  }
}

/**
 * Crawls the site over HTTP from its front page, as a link checker does:
 * every page fetched, every internal link and script or stylesheet it names
 * asked for once, 16 at a time; a link that does not answer 200 is broken.
 */
async function crawl(site: string): Promise<{ pages: number; links: number; broken: string[] }> {
  const served = await serveFolder(site);
  const seen = new Set<string>([served.base]);
  const queue: [string, string][] = [[served.base, '(start)']];
  const broken: string[] = [];
  let pages = 0;
  const visit = async ([url, from]: [string, string]) => {
    const response = await fetch(url);
    if (response.status !== 200) return void broken.push(`${from} -> ${url}: ${response.status}`);
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return void (await response.arrayBuffer());
    pages++;
    const html = await response.text();
    for (const [, , raw] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const next = new URL(htmlText(raw!), url);
      next.hash = '';
      if (next.origin !== new URL(served.base).origin || seen.has(next.href)) continue;
      seen.add(next.href);
      queue.push([next.href, url]);
    }
  };
  try {
    while (queue.length) await Promise.all(queue.splice(0, 16).map(visit));
  } finally {
    await served.close();
  }
  return { pages, links: seen.size, broken };
}

/** Each event page's JSON-LD, expanded by jsonld.js to triples, names the event's start day and every source. */
async function checkJsonLd(site: string, events: readonly (Event & { dateStart: string })[]): Promise<void> {
  const context = JSON.parse(readFileSync(new URL('../fixtures/schema.org.context.jsonld', import.meta.url), 'utf8')) as object;
  // No request leaves: schema.org's context is the local copy.
  const documentLoader = async (url: string) => {
    if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`JSON-LD asked for ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: context };
  };
  for (const e of events) {
    const html = readFileSync(join(site, 'events', e.id, 'index.html'), 'utf8');
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as object;
    const nquads = (await jsonld.toRDF(json, { format: 'application/n-quads', documentLoader: documentLoader as never })) as unknown as string;
    const page = `<${BASE}events/${encodeURIComponent(e.id)}/>`;
    expect(nquads).toContain(`${page} <http://schema.org/startDate> "${e.dateStart}" .`);
    expect(nquads).toContain(`${page} <http://schema.org/name> ${JSON.stringify(e.title)} .`.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    for (const s of e.sources) if (s.url) expect(nquads, e.id).toContain(`<http://schema.org/url> <${s.url}>`);
  }
}

/** The CSL-JSON and BibTeX of each event page: pandoc's citeproc renders them with no warning, and the BibTeX reads back to the same CSL. */
function checkCitations(site: string, events: readonly Event[]): void {
  const csl: object[] = [];
  const bib: string[] = [];
  for (const e of events) {
    const html = readFileSync(join(site, 'events', e.id, 'index.html'), 'utf8');
    const [json, bibtex] = [...html.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) => htmlText(m[1]!));
    csl.push(...(JSON.parse(json!) as object[]));
    bib.push(bibtex!);
  }
  const dir = mkdtempSync(join(root, 'cite-'));
  writeFileSync(join(dir, 'refs.json'), JSON.stringify(csl));
  writeFileSync(join(dir, 'refs.bib'), bib.join('\n'));
  writeFileSync(join(dir, 'doc.md'), '---\nbibliography: refs.json\nnocite: "@*"\n---\n');
  const rendered = spawnSync('pandoc', ['--citeproc', 'doc.md', '-t', 'plain'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(rendered.stderr).toBe('');
  expect(rendered.status).toBe(0);
  expect(rendered.stdout).toContain(events[0]!.title.slice(0, 20).split(' ')[0]);
  const back = JSON.parse(execFileSync('pandoc', ['-f', 'biblatex', '-t', 'csljson', 'refs.bib'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, unknown>[];
  // BibTeX readers typeset quotation marks and apostrophes (a straight ' is
  // read as ’, ‘quoted’ as “quoted”) and read a run of spaces as one, as TeX
  // does: those aside, every field reads back as written.
  const plain = (item: unknown) =>
    JSON.parse(
      JSON.stringify(item)
        .replace(/\\"|[\u2018\u2019\u201c\u201d']/g, 'Q')
        .replace(/ {2,}/g, ' '),
    ) as Record<string, unknown>;
  const byId = new Map(back.map((item) => [item.id, plain(item)]));
  for (const item of csl as Record<string, unknown>[]) expect(byId.get(item.id), String(item.id)).toEqual(plain(item));
}

describe.runIf(HAS_CHROMIUM)('the three-release site in headless Chromium, served from 127.0.0.1', () => {
  it('opens an event, a tag, an old address (landing on the new one) and the front page with no console error and no request elsewhere', async () => {
    await inChromium(releases.site, ['events/2024-01-01--a/', 'tags/fixture/', 'events/2024-03-01--c/', ''], { 'events/2024-03-01--c/': 'events/2024-03-01--c-renamed/' });
  }, 60_000);
});

describe('the three-release site, read by real clients', () => {
  it('has no broken internal link (a crawl over HTTP from the front page)', async () => {
    const { broken, pages } = await crawl(releases.site);
    // Every event page, tag, actor and year page, their indexes, the front and data pages are reached.
    const p = releases.results[2]!.pages;
    expect(pages).toBe(p.events + p.tags + p.actors + p.years + 3 + 2);
    expect(broken).toEqual([]);
  });
  it('expands to triples naming each event’s date and sources (jsonld.js)', async () => {
    await checkJsonLd(releases.site, JSON.parse(readFileSync(join(releases.data[2]!, 'events.json'), 'utf8')) as (Event & { dateStart: string })[]);
  });
  it.runIf(HAS_PANDOC)('gives citations pandoc renders with no warning, the BibTeX reading back the same', () => {
    checkCitations(releases.site, JSON.parse(readFileSync(join(releases.data[2]!, 'events.json'), 'utf8')) as Event[]);
  });
});

/** Opens each page; an old address must land on its new one; nothing may go to another host or log an error. */
async function inChromium(site: string, paths: string[], redirects: Record<string, string>): Promise<void> {
  const served = await serveFolder(site);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith(served.base) && !r.url().startsWith('data:') && elsewhere.push(r.url()));
    for (const path of paths) {
      await page.goto(served.base + path, { waitUntil: 'load' });
      if (redirects[path]) await page.waitForURL(served.base + redirects[path]);
      if (path === '') await page.waitForFunction(() => Number(document.body.dataset.renders ?? 0) > 0);
      expect(await page.$$eval('main h1', (h) => h.length), path).toBe(1);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    }
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
  } finally {
    await browser.close();
    await served.close();
  }
}

describe.skipIf(!HAS_CORPUS)('a site of the whole corpus', () => {
  const site = join(root, 'corpus-site');
  let events: (Event & { dateStart: string })[];
  let result: Awaited<ReturnType<typeof buildSite>>;
  beforeAll(async () => {
    const seeds = join(root, 'corpus-seeds');
    await importEvents([CORPUS], { out: seeds });
    writeFileSync(join(seeds, 'dataset.yaml'), 'name: kleptocracy-timeline\ntitle: Kleptocracy Timeline\nversion: 1.0.0\nlicenses:\n  - name: CC-BY-SA-4.0\n    path: https://creativecommons.org/licenses/by-sa/4.0/\n');
    const data = join(root, 'corpus-data');
    expect((await buildDataset({ seeds, out: data })).ok).toBe(true);
    events = JSON.parse(readFileSync(join(data, 'events.json'), 'utf8')) as typeof events;
    result = await buildSite({ data, out: site, baseUrl: BASE, correctionsUrl: CORRECTIONS, releaseDate: '2026-12-04' });
  }, 240_000);

  it('has a page for every event and every old id it can, and names the one it cannot', () => {
    expect(result.pages.events).toBe(events.length);
    const formerIds = new Set(events.flatMap((e) => e.formerIds ?? []));
    expect(result.pages.moved + result.skipped.length).toBe(formerIds.size);
    for (const s of result.skipped) expect(s.name).toMatch(/\\/);
  });

  it('has no broken internal link (a crawl over HTTP from the front page), and api/index.json holds every file’s true hash', async () => {
    const { broken, pages } = await crawl(site);
    expect(pages).toBeGreaterThan(events.length);
    expect(broken).toEqual([]);
    checkIndex(site);
  }, 120_000);

  it('has a feed rss-parser reads, with an entry for every event the release added', async () => {
    const feed = await new Parser().parseString(readFileSync(join(site, 'feed.xml'), 'utf8'));
    expect(feed.items.map((i) => i.link).sort()).toEqual(events.map((e) => `${BASE}events/${e.id}/`).sort());
  });

  it('expands every event page’s JSON-LD to triples naming its date and sources', async () => {
    await checkJsonLd(site, events);
  }, 120_000);

  it.runIf(HAS_PANDOC)('gives citations pandoc renders with no warning, for every event', () => {
    checkCitations(site, events);
  }, 120_000);

  it.runIf(HAS_CHROMIUM)('opens in Chromium: an event, a tag, an old address and the front page', async () => {
    const old = events.find((e) => e.formerIds?.some((id) => !id.includes('\\')))!;
    const oldId = old.formerIds!.find((id) => !id.includes('\\'))!;
    const from = `events/${encodeURIComponent(oldId)}/`;
    await inChromium(site, [`events/${events[0]!.id}/`, `tags/${events[0]!.tags[0]}/`, from, ''], { [from]: `events/${old.id}/` });
  }, 60_000);
});
