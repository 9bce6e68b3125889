/** What every page of a site says of the dataset, and where the site lives. */
export interface SiteInfo {
  /** The address the site is served from, ending in `/`: canonical links, the feed and the sitemap are absolute. */
  baseUrl: string;
  /** The dataset's title. */
  title: string;
  /** The dataset's name (`datapackage.json`). */
  name: string;
  /** The data's version, when it has one. */
  version?: string;
  /** Who made the dataset, as a citation names them. */
  authors: string[];
  /** The first licence: its name (an SPDX id) and link. */
  licence?: { name?: string; path?: string; title?: string };
  /** Where the data comes from. */
  sources: { title: string; path?: string }[];
  /** A link to report a correction, with `{id}` (and `{title}`) in it, e.g. `https://github.com/OWNER/REPO/issues/new?title={id}`. */
  correctionsUrl?: string;
}

/** What no folder name of the site may hold: a path separator of any system, a control or space character, a leading dot. */
const UNSAFE = /[/\\\u0000-\u0020\u007f-\u009f\u2028\u2029]|^\./;

/**
 * Whether a name (an event id, a former id, a tag, an actor's registry id,
 * a year) can be a folder of the site: no path separator of any system, no
 * control or space character, no leading dot, at most 200 characters.
 * Other characters are kept (old ids hold `$`, `%`, `'`, `:`), and links
 * to the folder are percent-encoded.
 *
 * @param name - the name
 * @returns true when it is safe
 *
 * @example
 * ```ts
 * [isSafeName('2025-03-01--a-ruling'), isSafeName('2017-01-01--a-1%-stake'), isSafeName('../etc'), isSafeName('a\\b')];
 * // => [true, true, false, false]
 * ```
 */
export function isSafeName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !UNSAFE.test(name);
}

/** The site's folders, each a page (`index.html`) and the API's file of the same slice. */
export const SECTIONS = { event: 'events', tag: 'tags', actor: 'actors', year: 'years' } as const;

/** A kind of page with a folder per item. */
export type Section = keyof typeof SECTIONS;

/** The address of an item's page, relative to the site and percent-encoded: `events/ID/`. */
export const pagePath = (section: Section, name: string): string => `${SECTIONS[section]}/${encodeURIComponent(name)}/`;

/** The file of an item's page, relative to the site: `events/ID/index.html`. */
export const pageFile = (section: Section, name: string): string => `${SECTIONS[section]}/${name}/index.html`;

/** The address of an item's API file, relative to the site and percent-encoded: `api/events/ID.json`. */
export const apiPath = (section: Section, name: string): string => `api/${SECTIONS[section]}/${encodeURIComponent(name)}.json`;

/** The API file of an item, relative to the site: `api/events/ID.json`. */
export const apiFile = (section: Section, name: string): string => `api/${SECTIONS[section]}/${name}.json`;

/** From a file at `path` back to the site's root: `../../` for `events/ID/index.html`. */
export const rootFrom = (path: string): string => '../'.repeat(path.split('/').length - 1);

/** The absolute address of a path of the site. */
export const absolute = (site: SiteInfo, path: string): string => new URL(path, site.baseUrl).href;

/** Only links to http(s) addresses leave the site. */
export const isWebLink = (url: string | undefined): url is string => typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);
