import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDir } from '../files/makeDir.js';
import { createFileBatch, writeFileAtomic } from '../files/writeFileAtomic.js';
import { alive } from '../files/tempFiles.js';
import { SiteError } from './siteError.js';

/**
 * The list of files a site build wrote, kept in the site's folder so the
 * next build replaces or removes only those.
 *
 * @example
 * ```ts
 * SITE_MANIFEST;
 * // => '.democracy-timeline-site.json'
 * ```
 */
export const SITE_MANIFEST = '.democracy-timeline-site.json';

/** A file of the site as api/index.json lists it. */
export interface ListedFile {
  path: string;
  bytes: number;
  sha256: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A path inside the site: relative, each segment a name (no `..`, no empty one, no backslash); anything else is refused before a byte is written. */
function inside(path: string): string {
  if (path.startsWith('/') || path.includes('\\') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) throw new SiteError(`refusing to write ${JSON.stringify(path)}: not a path inside the site`);
  return path;
}

/**
 * The files an earlier site build wrote in `out`, from its manifest (none
 * when there is no manifest).
 *
 * @param out - the site's folder
 * @returns the paths, relative to it
 * @throws SiteError when the manifest is not one a site build wrote
 */
export function readManifest(out: string): Set<string> {
  const file = join(out, SITE_MANIFEST);
  if (!existsSync(file)) return new Set();
  try {
    const files = (JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown }).files;
    if (Array.isArray(files) && files.every((f) => typeof f === 'string' && !f.startsWith('/') && !f.split('/').includes('..'))) return new Set(files as string[]);
  } catch {
    // fall through
  }
  throw new SiteError(`${file}: not a list of the files a site build wrote; remove it only if nothing else in ${out} is the site's`);
}

/**
 * Writes the site's files as one: each beside its target first, and only
 * when all are written (the last, `api/index.json`, listing the others
 * with their bytes and SHA-256) do they replace the old ones; a file whose
 * bytes are the same is left alone. Then the files an earlier build wrote
 * and this one does not are removed, with the folders they leave empty, and
 * the manifest is written. A file in the way that the site did not write
 * stops it before anything changes.
 *
 * @param out - the site's folder
 * @param owned - the files an earlier build wrote
 * @param files - `[path, content]` pairs
 * @param index - api/index.json's content, from the files listed
 * @returns how many files there are now, how many were written and how many removed
 */
export function writeSite(out: string, owned: ReadonlySet<string>, files: Iterable<[string, string | Buffer]>, index: (listed: ListedFile[]) => object): { files: number; written: number; removed: number } {
  removeStaleStaging(out);
  if (!existsSync(out) || readdirSync(out).length === 0) return writeFresh(out, files, index);
  const batch = createFileBatch({ skipUnchanged: true });
  const made = new Set<string>();
  const listed: ListedFile[] = [];
  let written = 0;
  const add = (path: string, content: string | Buffer) => {
    const file = join(out, inside(path));
    if (!owned.has(path) && existsSync(file)) throw new SiteError(`${file} is in the way: the site did not write it, and does not overwrite what it did not write; move it, or make the site in another folder`);
    const dir = dirname(file);
    if (!made.has(dir)) {
      makeDir(dir);
      made.add(dir);
    }
    if (batch.add(file, content)) written++;
    listed.push({ path, bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') });
  };
  try {
    for (const [path, content] of files) add(path, content);
    add('api/index.json', json(index([...listed].sort((a, b) => (a.path < b.path ? -1 : 1)))));
  } catch (error) {
    batch.discard();
    throw error;
  }
  batch.commit();
  const now = new Set(listed.map((f) => f.path));
  let removed = 0;
  for (const path of [...owned].sort()) {
    if (now.has(path)) continue;
    rmSync(join(out, path), { force: true });
    removed++;
    for (let dir = dirname(join(out, path)); dir.startsWith(`${out}/`); dir = dirname(dir)) {
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory() || readdirSync(dir).length) break;
      rmdirSync(dir);
    }
  }
  writeFileAtomic(join(out, SITE_MANIFEST), json({ files: [...now].sort() }));
  return { files: now.size, written, removed };
}

/** The folder a new site is written in, beside its place, before it takes it. */
const stagingOf = (out: string, pid = process.pid) => join(dirname(out), `${basename(out)}.${pid}.democracy-timeline-staging`);

/** Staging folders of this site that a killed build left (their process is gone). */
function removeStaleStaging(out: string): void {
  const prefix = `${basename(out)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(out));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.democracy-timeline-staging$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid && !alive(Number(pid))) rmSync(join(dirname(out), name), { recursive: true, force: true });
  }
}

/**
 * A new site (its folder absent or empty): every file written into a
 * staging folder beside it, which then takes the folder's place in one
 * rename; a failed build removes the staging folder, and the folder is as
 * it was. One write a file, no temporary file and rename each.
 */
function writeFresh(out: string, files: Iterable<[string, string | Buffer]>, index: (listed: ListedFile[]) => object): { files: number; written: number; removed: number } {
  const staging = stagingOf(out);
  rmSync(staging, { recursive: true, force: true });
  const made = new Set<string>();
  const listed: ListedFile[] = [];
  const add = (path: string, content: string | Buffer) => {
    const file = join(staging, inside(path));
    const dir = dirname(file);
    if (!made.has(dir)) {
      makeDir(dir);
      made.add(dir);
    }
    writeFileSync(file, content, { flag: 'wx' });
    listed.push({ path, bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') });
  };
  try {
    makeDir(staging);
    for (const [path, content] of files) add(path, content);
    add('api/index.json', json(index([...listed].sort((a, b) => (a.path < b.path ? -1 : 1)))));
    writeFileSync(join(staging, SITE_MANIFEST), json({ files: listed.map((f) => f.path).sort() }));
    if (existsSync(out)) rmdirSync(out);
    renameSync(staging, out);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { files: listed.length, written: listed.length, removed: 0 };
}
