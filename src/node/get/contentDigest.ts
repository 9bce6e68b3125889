import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { compareText } from '../../model/compareText.js';
import { listEventFiles } from '../load/eventFiles.js';

/** What a folder of event files holds, as one digest. */
export interface ContentDigest {
  /** `sha256:` and 64 hex digits. */
  digest: string;
  /** How many event files it covers. */
  files: number;
}

/**
 * The digest of the event files under a folder (READMEs, actor registries
 * and hidden files aside, as `loadEvents` sees it): SHA-256 over each file
 * in code-point order of its path relative to the folder (`/` between
 * names), as the path, a line feed, the byte length, a line feed, then the
 * bytes. It names the content, not an archive: the same files give the
 * same digest however the host packs them.
 *
 * @param dir - the folder
 * @returns the digest and the number of files
 *
 * @example
 * ```ts
 * contentDigest('seeds').files;
 * // => 1
 * ```
 */
export function contentDigest(dir: string): ContentDigest {
  const files = listEventFiles(dir)
    .map((file) => ({ file, path: relative(dir, file).split(sep).join('/') }))
    .sort((a, b) => compareText(a.path, b.path));
  const hash = createHash('sha256');
  for (const { file, path } of files) {
    const bytes = readFileSync(file);
    hash.update(`${path}\n${bytes.length}\n`);
    hash.update(bytes);
  }
  return { digest: `sha256:${hash.digest('hex')}`, files: files.length };
}
