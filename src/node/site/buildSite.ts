import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createActorRegistry, type ActorRegistry } from '../../model/createActorRegistry.js';
import { DATASET_FILE_TABLE } from '../../format/datasetFiles.js';
import type { DatasetEvent } from '../../format/derivedDates.js';
import { eventPage } from '../../site/eventPage.js';
import { atomFeed, sitemaps, type SiteRelease } from '../../site/feed.js';
import { frontPage } from '../../site/frontPage.js';
import { SITE_CSS } from '../../site/layout.js';
import { sectionIndex, slicePage } from '../../site/listPages.js';
import { movedPage, removedPage } from '../../site/movedPages.js';
import { dataPage, type DataResource } from '../../site/dataPage.js';
import { apiFile, isSafeName, pageFile, pagePath, SECTIONS, type SiteInfo } from '../../site/siteInfo.js';
import { loadDataset, type LoadedDataset } from '../load/loadDataset.js';
import { explorerMarkup, siteAssets } from './siteAssets.js';
import { SiteError } from './siteError.js';
import { readManifest, writeSite } from './writeSite.js';

/** Options for {@link buildSite}. */
export interface BuildSiteOptions {
  /** The built data folder (or a folder holding `data/`, as `get` makes). */
  data: string;
  /** The site's folder. */
  out: string;
  /** The address the site will be served from (http or https); pages link to each other relatively, but canonical links, the feed and the sitemap are absolute. */
  baseUrl: string;
  /** A link to report a correction, with `{id}` (and `{title}`) in it. */
  correctionsUrl?: string;
  /** The day of this release, YYYY-MM-DD, for the feed, when the site has not seen it before (default: `SOURCE_DATE_EPOCH`'s day, else today). */
  releaseDate?: string;
}

/** What {@link buildSite} did. */
export interface BuildSiteResult {
  /** Every file of the site now. */
  files: number;
  /** Files written because they are new or changed; the others were left as they were. */
  written: number;
  /** Files an earlier build wrote that this one does not make, removed. */
  removed: number;
  /** Pages: events, old addresses that lead on, removed ids, tags, actors, years. */
  pages: { events: number; moved: number; removed: number; tags: number; actors: number; years: number };
  /** Tags, actors or ids that cannot be a folder of the site, so have no page (their name, and why). */
  skipped: { name: string; reason: string }[];
  /** The release the feed now leads with. */
  release: { version: string; date: string };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function siteInfo(loaded: LoadedDataset, options: BuildSiteOptions): SiteInfo {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new SiteError(`--base-url ${options.baseUrl}: not an address; give the http(s) address the site will be served from`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new SiteError(`--base-url ${options.baseUrl}: the site's address must be http or https`);
  if (options.correctionsUrl !== undefined && !/^https?:\/\/\S+$/.test(options.correctionsUrl)) throw new SiteError(`--corrections-url ${options.correctionsUrl}: expected an http(s) address with {id} in it`);
  const meta = loaded.dataset;
  return {
    baseUrl: base.href.endsWith('/') ? base.href : `${base.href}/`,
    title: meta.title ?? meta.name ?? 'A timeline',
    name: meta.name ?? 'unnamed-dataset',
    version: meta.version,
    authors: (meta.contributors ?? []).map((c) => c.title),
    licence: meta.licenses?.[0],
    sources: meta.sources ?? [],
    correctionsUrl: options.correctionsUrl,
  };
}

/** The release of this build, and those an earlier build recorded (files of ours under api/releases/). */
function releasesOf(out: string, owned: ReadonlySet<string>, changes: SiteRelease['changes'], version: string, options: BuildSiteOptions): SiteRelease[] {
  const earlier: SiteRelease[] = [];
  for (const path of owned) {
    if (!/^api\/releases\/[^/]+\.json$/.test(path) || !existsSync(join(out, path))) continue;
    const release = JSON.parse(readFileSync(join(out, path), 'utf8')) as SiteRelease;
    if (typeof release.version !== 'string' || !DAY.test(release.date ?? '') || typeof release.changes?.events !== 'object') throw new SiteError(`${join(out, path)}: not a release as a site build writes it`);
    earlier.push(release);
  }
  const seen = earlier.find((r) => r.version === version);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = seen?.date ?? options.releaseDate ?? (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
  if (!DAY.test(date)) throw new SiteError(`--release-date ${date}: expected a day, YYYY-MM-DD`);
  return [...earlier.filter((r) => r !== seen), { version, date, changes }];
}

/** An event as a slice's JSON file lists it: enough to list and place it; the whole event is at api/events/ID.json. */
const brief = (e: DatasetEvent) => ({ id: e.id, date: e.date, dateStart: e.dateStart, dateEnd: e.dateEnd, title: e.title, importance: e.importance ?? null, tags: e.tags, actors: e.actors });

/** Every event's index by tag, actor id and year. */
function slices(events: readonly DatasetEvent[], registry: ReturnType<typeof createActorRegistry>) {
  const tags = new Map<string, number[]>();
  const actors = new Map<string, number[]>();
  const years = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  events.forEach((e, i) => {
    for (const t of e.tags) add(tags, t, i);
    for (const name of e.actors) {
      const actor = registry.resolve(name);
      if (actor) add(actors, actor.id, i);
    }
    add(years, e.dateStart.slice(0, 4), i);
  });
  return { tags, actors, years };
}

/**
 * Renders a built data folder into a static site that any static host
 * serves: a page per event, tag, actor and year; pages at every former id
 * and removed id (leading on, or saying when it was removed); a static
 * JSON API (`api/`) with `index.json` listing every file's bytes and
 * SHA-256; an Atom feed of each release's changes; a sitemap; the
 * explorer as the front page; the data files for download. Deterministic
 * for the same data folder and release day. It writes only the files that
 * change (each whole, all or none: a failed build changes nothing), and
 * removes only files an earlier site build wrote (listed in
 * `.democracy-timeline-site.json`); it refuses to overwrite any other file.
 *
 * @param options - the data folder, the site folder, its address
 * @returns what it wrote, removed and skipped
 * @throws SiteError when the data cannot make a site, or a file in the way is not the site's
 *
 * @example
 * ```ts
 * const result = await buildSite({ data: 'data', out: 'site', baseUrl: 'https://example.org/timeline/', releaseDate: '2026-12-04' });
 * [result.pages.events, result.release.date];
 * // => [1, '2026-12-04']
 * ```
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const out = resolve(options.out);
  const loaded = await loadDataset(options.data);
  const site = siteInfo(loaded, options);
  const owned = readManifest(out);
  const changes = JSON.parse(readFileSync(join(loaded.path, 'changes.json'), 'utf8')) as SiteRelease['changes'];
  const version = changes.to ?? site.version ?? 'unversioned';
  if (!isSafeName(version)) throw new SiteError(`${join(loaded.path, 'changes.json')}: the version ${JSON.stringify(version)} cannot name a file of the site`);
  const releases = releasesOf(out, owned, changes, version, options);
  const plan: Plan = { loaded, site, releases, registry: createActorRegistry(loaded.actors), pages: { events: 0, moved: 0, removed: 0, tags: 0, actors: 0, years: 0 }, skipped: [], sitemap: [''] };
  const written = writeSite(out, owned, siteFiles(plan), (listed) => ({
    dataset: { name: site.name, title: site.title, version: site.version ?? null },
    counts: { ...plan.pages, files: listed.length + 1 },
    files: listed,
  }));
  const lead = releases.find((r) => r.version === version)!;
  return { ...written, pages: plan.pages, skipped: plan.skipped, release: { version: lead.version, date: lead.date } };
}

/** What the files of a site are made from, and what making them counts. */
interface Plan {
  loaded: LoadedDataset;
  site: SiteInfo;
  releases: SiteRelease[];
  registry: ActorRegistry;
  pages: BuildSiteResult['pages'];
  skipped: BuildSiteResult['skipped'];
  /** The pages the sitemap lists. */
  sitemap: string[];
}

/** Whether a name can be a folder; when not, it is noted as skipped. */
function safe(plan: Plan, name: string, what: string): boolean {
  if (isSafeName(name)) return true;
  plan.skipped.push({ name, reason: `${what} cannot be a folder of the site (it holds a path separator, a space or control character, or starts with a dot)` });
  return false;
}

/** Every file of the site but api/index.json, in the order written. */
function* siteFiles(plan: Plan): Generator<[string, string | Buffer]> {
  const { loaded, site } = plan;
  yield ['assets/site.css', SITE_CSS];
  yield* siteAssets();
  // The data files, as the data folder has them, and a page listing them.
  // Only the files a build writes: a data package that lists another is not one build made.
  const descriptor = readFileSync(join(loaded.path, 'datapackage.json'));
  const pkg = JSON.parse(descriptor.toString('utf8')) as { resources: DataResource[] };
  let events: Buffer | undefined;
  const built = new Set<string>(DATASET_FILE_TABLE.map((f) => f.path));
  for (const r of pkg.resources) {
    if (!built.has(r.path)) throw new SiteError(`${join(loaded.path, 'datapackage.json')} lists ${JSON.stringify(r.path)}, which build does not write; the site copies only a built data folder`);
    const bytes = readFileSync(join(loaded.path, r.path));
    if (r.path === 'events.json') events = bytes;
    yield [`data/${r.path}`, bytes];
  }
  yield ['data/datapackage.json', descriptor];
  yield ['data/index.html', dataPage(pkg.resources, site)];
  plan.sitemap.push('data/');
  yield ['api/events.json', events ?? readFileSync(join(loaded.path, 'events.json'))];
  yield* eventFiles(plan);
  yield* oldAddressFiles(plan);
  yield* sliceFiles(plan);
  yield ['index.html', frontPage(loaded.events, site, explorerMarkup(), loaded.dataset.description)];
  for (const release of plan.releases) yield [`api/releases/${release.version}.json`, json(release)];
  yield ['feed.xml', atomFeed(plan.releases, site)];
  yield* sitemaps(plan.sitemap, site);
}

/** A page and a JSON file per event. */
function* eventFiles(plan: Plan): Generator<[string, string]> {
  const { events } = plan.loaded;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    yield [pageFile('event', event.id), eventPage(event, plan.site, { previous: events[i - 1], next: events[i + 1] }, plan.registry, isSafeName)];
    yield [apiFile('event', event.id), json(event)];
    plan.sitemap.push(pagePath('event', event.id));
    plan.pages.events++;
  }
}

/** Old addresses: a former id leads to the event holding it; a removed id says so. */
function* oldAddressFiles(plan: Plan): Generator<[string, string]> {
  const { events, tombstones } = plan.loaded;
  const { site, releases } = plan;
  const titles = new Map(events.map((e) => [e.id, e.title]));
  const moved = new Map<string, string>();
  for (const event of events) for (const old of event.formerIds ?? []) if (!titles.has(old)) moved.set(old, event.id);
  for (const t of tombstones) if (t.replacedBy && titles.has(t.replacedBy) && !titles.has(t.id)) moved.set(t.id, t.replacedBy);
  for (const [old, id] of [...moved].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!safe(plan, old, `the former id ${old}`)) continue;
    yield [pageFile('event', old), movedPage(old, id, titles.get(id)!, site)];
    yield [apiFile('event', old), json({ movedTo: id, url: new URL(pagePath('event', id), site.baseUrl).href })];
    plan.pages.moved++;
  }
  const removedTitles = new Map(releases.flatMap((r) => r.changes.events.removed.map((e) => [e.id, e.title] as const)));
  for (const t of tombstones) {
    if (titles.has(t.id) || moved.has(t.id) || !safe(plan, t.id, `the removed id ${t.id}`)) continue;
    yield [pageFile('event', t.id), removedPage(t.id, t.removedIn, site, { title: removedTitles.get(t.id), listed: releases.some((r) => r.version === t.removedIn) })];
    yield [apiFile('event', t.id), json({ removed: true, removedIn: t.removedIn })];
    plan.pages.removed++;
  }
}

/** A page and a JSON file per tag, actor and year, and an index of each. */
function* sliceFiles(plan: Plan): Generator<[string, string]> {
  const { events } = plan.loaded;
  const by = slices(events, plan.registry);
  const names = new Map(plan.registry.entries.map((a) => [a.id, a.name]));
  for (const section of ['tag', 'actor', 'year'] as const) {
    const map = section === 'tag' ? by.tags : section === 'actor' ? by.actors : by.years;
    const rows: { name: string; label: string; count: number }[] = [];
    for (const key of [...map.keys()].sort()) {
      if (!safe(plan, key, `the ${section} ${key}`)) continue;
      const list = map.get(key)!.map((i) => events[i]!);
      const label = section === 'actor' ? (names.get(key) ?? key) : key;
      yield [pageFile(section, key), slicePage(section, key, label, list, plan.site)];
      yield [apiFile(section, key), json(list.map(brief))];
      plan.sitemap.push(pagePath(section, key));
      rows.push({ name: key, label, count: list.length });
      plan.pages[`${section}s`]++;
    }
    // Tags and actors most used first; years in order.
    if (section !== 'year') rows.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    yield [`${SECTIONS[section]}/index.html`, sectionIndex(section, rows, plan.site)];
    plan.sitemap.push(`${SECTIONS[section]}/`);
  }
}
