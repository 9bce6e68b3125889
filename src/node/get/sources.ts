/** A snapshot `get` can fetch: where its archive is, what is in it, and whose it is. */
export interface Snapshot {
  /** A short name: the registry's, or what the spec names. */
  name: string;
  /** The archive's URL. */
  url: string;
  /** How the archive is packed. */
  format: 'tar.gz' | 'zip';
  /** The events folder inside the archive, below its top folder (`''`: the top folder itself). */
  path: string;
  /** The version of the data: the commit, when the source names one. */
  version?: string;
  /** The digest of the event files under `path` (see `contentDigest`): a snapshot that differs is refused. */
  digest?: string;
  /** How many event files the digest covers. */
  files?: number;
  /** The SHA-256 of the archive's bytes (hex), for an explicit URL given with `--sha256`. */
  sha256?: string;
  /** The data's licence (SPDX). */
  license?: string;
  /** Who to credit, and how. */
  attribution?: string;
  /** Where the data lives. */
  homepage?: string;
}

/** A registry entry of `get`: a GitHub repository's folder at a pinned commit, with its content digest, licence and attribution. */
export interface RegistryEntry {
  repo: string;
  commit: string;
  path: string;
  digest: string;
  files: number;
  license: string;
  licensePath: string;
  licenseTitle: string;
  attribution: string;
  homepage: string;
  title: string;
}

/**
 * The snapshots `get` knows by name. Each pins a commit and the digest of
 * its event files, which anyone can check against a clone of the
 * repository at that commit (`contentDigest` of the folder).
 *
 * @example
 * ```ts
 * GET_SOURCES['kleptocracy-timeline'].commit;
 * // => 'e87433d9b24371fb8ca5ce571831d300c85c8b09'
 * ```
 */
export const GET_SOURCES: Readonly<Record<string, RegistryEntry>> = {
  'kleptocracy-timeline': {
    repo: 'markramm/KleptocracyTimeline',
    commit: 'e87433d9b24371fb8ca5ce571831d300c85c8b09',
    path: 'timeline/data/events',
    digest: 'sha256:4a8eae96f19e57e72e6635cdb2ed931c21cae94826a13170ab5965afee7117c8',
    files: 2052,
    license: 'CC-BY-SA-4.0',
    licensePath: 'https://creativecommons.org/licenses/by-sa/4.0/',
    licenseTitle: 'Creative Commons Attribution-ShareAlike 4.0',
    attribution: 'Kleptocracy Timeline contributors, https://github.com/markramm/KleptocracyTimeline (CC BY-SA 4.0)',
    homepage: 'https://github.com/markramm/KleptocracyTimeline',
    title: 'Kleptocracy Timeline',
  },
};

/**
 * Where GitHub archives are fetched from. For tests only: the environment
 * variable `DEMOCRACY_TIMELINE_GET_BASE_URL` points it at a local server.
 */
export function githubArchiveBase(): string {
  return (process.env.DEMOCRACY_TIMELINE_GET_BASE_URL ?? 'https://codeload.github.com').replace(/\/+$/, '');
}

const HEX40 = /^[0-9a-f]{40}$/;
const GITHUB_SPEC = /^github:([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)@([0-9a-f]{7,40})(?::(.*))?$/;

/** Whether a URL may be fetched: https anywhere, plain http only from this machine. */
export function fetchableUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** A folder inside an archive, as `a/b` with no `.`, `..` or empty names. */
function cleanPath(path: string, what: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..') || path.startsWith('/')) throw new TypeError(`${what}: the folder inside the archive must be a relative path with no '..', got "${path}"`);
  return parts.join('/');
}

/**
 * What a `get` SOURCE names: a registry name, `github:OWNER/REPO@COMMIT:PATH`,
 * or an `https://` URL of a `.tar.gz` or `.zip` (plain `http://` only for
 * this machine).
 *
 * @param source - the SOURCE argument
 * @param options - `path`: the events folder inside an explicit URL's archive; `sha256`: its bytes' digest
 * @returns the snapshot
 * @throws TypeError for a source that is none of these
 *
 * @example
 * ```ts
 * resolveSource('github:markramm/KleptocracyTimeline@e87433d9b24371fb8ca5ce571831d300c85c8b09:timeline/data/events').path;
 * // => 'timeline/data/events'
 * ```
 */
export function resolveSource(source: string, options: { path?: string; sha256?: string } = {}): Snapshot {
  const known = Object.hasOwn(GET_SOURCES, source) ? GET_SOURCES[source] : undefined;
  if (known) {
    if (options.path !== undefined || options.sha256 !== undefined) throw new TypeError(`${source}: a registry source pins its folder and its content; --path and --sha256 are for an explicit URL`);
    return {
      name: source,
      url: `${githubArchiveBase()}/${known.repo}/tar.gz/${known.commit}`,
      format: 'tar.gz',
      path: known.path,
      version: known.commit,
      digest: known.digest,
      files: known.files,
      license: known.license,
      attribution: known.attribution,
      homepage: known.homepage,
    };
  }
  const github = GITHUB_SPEC.exec(source);
  if (github) {
    const [, owner, repo, commit, path = ''] = github;
    if (options.sha256 !== undefined) throw new TypeError(`${source}: GitHub re-packs its archives, so their bytes have no fixed digest; --sha256 is for an explicit URL`);
    if (!HEX40.test(commit!)) throw new TypeError(`${source}: name the commit in full (40 hex digits), so the snapshot cannot move`);
    return { name: `${owner}/${repo}`, url: `${githubArchiveBase()}/${owner}/${repo}/tar.gz/${commit}`, format: 'tar.gz', path: cleanPath(options.path ?? path, source), version: commit, homepage: `https://github.com/${owner}/${repo}` };
  }
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new TypeError(`"${source}": not a source; give a name (${Object.keys(GET_SOURCES).join(', ')}), github:OWNER/REPO@COMMIT:PATH, or an https:// URL of a .tar.gz or .zip`);
  }
  if (!fetchableUrl(url)) throw new TypeError(`${source}: only https:// URLs are fetched (plain http:// only from this machine)`);
  const format = /\.zip$/i.test(url.pathname) ? 'zip' : /\.(?:tar\.gz|tgz)$/i.test(url.pathname) ? 'tar.gz' : undefined;
  if (!format) throw new TypeError(`${source}: the URL must end in .tar.gz, .tgz or .zip`);
  if (options.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(options.sha256)) throw new TypeError(`--sha256 takes 64 hex digits, got "${options.sha256}"`);
  return { name: url.pathname.split('/').pop()!, url: url.href, format, path: cleanPath(options.path ?? '', source), ...(options.sha256 ? { sha256: options.sha256.toLowerCase() } : {}) };
}
