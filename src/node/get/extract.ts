import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetError } from './download.js';

/** Limits on what an archive may hold: past them it is refused as a bomb. */
export interface ExtractLimits {
  /** The most entries (files, folders, anything). Default 200,000. */
  maxEntries?: number;
  /** The most bytes of all files together, unpacked. Default 4 GiB. */
  maxBytes?: number;
}

/** What came out of an archive. */
export interface Extracted {
  /** The folder the archive's single top folder became, or `dest` when it has none. */
  root: string;
  /** Files written (those under the wanted folder). */
  written: number;
  /** Entries read in all. */
  entries: number;
}

/** One entry as the archive gives it, before anything is written. */
interface Entry {
  /** Its name, decoded; undefined when the bytes are not UTF-8. */
  name: string | undefined;
  /** What it is. */
  kind: 'file' | 'folder' | 'symbolic link' | 'hard link' | 'device file' | 'FIFO' | 'other';
  /** Its size unpacked, as the archive says. */
  size: number;
}

const DEFAULT_MAX_ENTRIES = 200_000;
const DEFAULT_MAX_BYTES = 4 * 1024 ** 3;

/**
 * Checks the archive's entries one by one, as they come, against what a
 * hostile archive could do: a name that is not UTF-8, an absolute path, a
 * `..` that would leave the folder, a link, a device file or a FIFO, more
 * entries or bytes than the limits. Returns the path to write, or undefined
 * for a folder.
 */
class Guard {
  private entries = 0;
  private bytes = 0;
  private top: string | undefined | null = undefined;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  check(entry: Entry): string | undefined {
    const shown = entry.name === undefined ? 'an entry' : JSON.stringify(entry.name);
    if (entry.name === undefined || entry.name.includes('\uFFFD')) throw new GetError(`the archive is refused: ${shown} has a name that is not UTF-8`);
    const name = entry.name;
    if (name.includes('\0')) throw new GetError(`the archive is refused: ${shown} has a NUL in its name`);
    if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) throw new GetError(`the archive is refused: ${shown} is an absolute path`);
    // '..' is looked for between either separator (a backslash separates on Windows); the name written keeps its backslashes, legal in a POSIX name.
    if (name.split(/[/\\]/).includes('..')) throw new GetError(`the archive is refused: ${shown} leads out of the folder ('..')`);
    if (entry.kind !== 'file' && entry.kind !== 'folder') throw new GetError(`the archive is refused: ${shown} is a ${entry.kind}; only files and folders are unpacked`);
    if (++this.entries > this.maxEntries) throw new GetError(`the archive is refused: more than ${this.maxEntries} entries`);
    this.bytes += entry.size;
    if (this.bytes > this.maxBytes) throw new GetError(`the archive is refused: more than ${this.maxBytes} bytes unpacked`);
    const parts = name.split('/').filter((p) => p !== '' && p !== '.');
    const first = parts[0];
    if (this.top === undefined) this.top = first;
    else if (this.top !== null && first !== this.top) this.top = null;
    return entry.kind === 'file' && parts.length ? parts.join('/') : undefined;
  }

  /** The single top folder every entry is under, if there is one. */
  get topFolder(): string | undefined {
    return this.top ?? undefined;
  }

  get count(): number {
    return this.entries;
  }
}

const TAR_KINDS: Record<string, Entry['kind']> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'folder',
  GNUDumpDir: 'folder',
  SymbolicLink: 'symbolic link',
  Link: 'hard link',
  CharacterDevice: 'device file',
  BlockDevice: 'device file',
  FIFO: 'FIFO',
};

async function extractTar(file: string, write: (path: string, bytes: Buffer) => void, guard: Guard): Promise<void> {
  const { Parser } = await import('tar');
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(file);
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      input.destroy();
      reject(error instanceof GetError ? error : new GetError(`the archive is damaged: ${(error as Error).message}`));
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        if (failed) return entry.resume();
        let path: string | undefined;
        try {
          path = guard.check({ name: entry.path, kind: TAR_KINDS[entry.type] ?? 'other', size: entry.size });
        } catch (error) {
          entry.resume();
          return fail(error);
        }
        if (path === undefined) return entry.resume();
        pending++;
        const chunks: Buffer[] = [];
        // Copied: a chunk may be a view of a buffer the parser reuses.
        entry.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
        entry.on('end', () => {
          if (failed) return;
          try {
            write(path, Buffer.concat(chunks));
          } catch (error) {
            return fail(error);
          }
          pending--;
          done();
        });
      },
    });
    // The parser may end before the last entry it gave has been read: done when both are.
    let pending = 0;
    let ended = false;
    const done = () => {
      if (ended && pending === 0 && !failed) resolve();
    };
    parser.on('error', fail);
    parser.on('end', () => {
      ended = true;
      done();
    });
    input.on('error', fail);
    input.pipe(parser as unknown as NodeJS.WritableStream);
  });
}

const S_IFMT = 0o170000;
const ZIP_KINDS: Record<number, Entry['kind']> = { 0o120000: 'symbolic link', 0o020000: 'device file', 0o060000: 'device file', 0o010000: 'FIFO', 0o140000: 'other' };

async function extractZip(file: string, write: (path: string, bytes: Buffer) => void, guard: Guard): Promise<void> {
  const yauzl = (await import('yauzl')).default;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (error, opened) => (error ? reject(new GetError(`the archive is damaged: ${error.message}`)) : resolve(opened))),
  );
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      zip.close();
      reject(error instanceof GetError ? error : new GetError(`the archive is damaged: ${(error as Error).message}`));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (!failed) resolve();
    });
    zip.on('entry', (entry: import('yauzl').Entry) => {
      let name: string | undefined;
      try {
        name = utf8.decode(entry.fileName as unknown as Buffer);
      } catch {
        name = undefined;
      }
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      const kind = name?.endsWith('/') ? 'folder' : (ZIP_KINDS[mode] ?? 'file');
      let path: string | undefined;
      try {
        path = guard.check({ name, kind, size: entry.uncompressedSize });
      } catch (error) {
        return fail(error);
      }
      if (path === undefined) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', fail);
        stream.on('end', () => {
          try {
            write(path, Buffer.concat(chunks));
            zip.readEntry();
          } catch (e) {
            fail(e);
          }
        });
      });
    });
    zip.readEntry();
  });
}

/**
 * Unpacks the files of an archive that lie under a folder (below the
 * archive's single top folder, as GitHub packs a repository) into `dest`,
 * refusing the whole archive, with a {@link GetError} that names the entry,
 * at the first thing a hostile archive could do (see the limits). Nothing is
 * written outside `dest`; what was written before a refusal is the
 * caller's to remove (`dest` is a fresh folder).
 *
 * @param file - the archive
 * @param format - `tar.gz` or `zip`
 * @param dest - a fresh folder
 * @param folder - the folder inside the archive, below its top folder (`''` for all)
 * @param limits - the most entries and bytes
 * @returns where the top folder went, and counts
 *
 * @example Illustration: needs a snapshot's archive
 * ```ts
 * const { written } = await extractArchive('snapshot.tar.gz', 'tar.gz', 'staging', 'timeline/data/events');
 * written;
 * // => 2052
 * ```
 */
export async function extractArchive(file: string, format: 'tar.gz' | 'zip', dest: string, folder: string, limits: ExtractLimits = {}): Promise<Extracted> {
  const guard = new Guard(limits.maxEntries ?? DEFAULT_MAX_ENTRIES, limits.maxBytes ?? DEFAULT_MAX_BYTES);
  let written = 0;
  const prefix = folder ? `${folder}/` : '';
  // Under the folder, below a top folder or (an archive with none) from its root: which it is shows only at the end.
  const under = (path: string) => prefix === '' || path.startsWith(prefix);
  const write = (path: string, bytes: Buffer) => {
    if (!under(path.slice(path.indexOf('/') + 1)) && !under(path)) return;
    const target = join(dest, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes, { flag: 'wx' });
    written++;
  };
  await (format === 'zip' ? extractZip(file, write, guard) : extractTar(file, write, guard));
  const single = guard.topFolder;
  return { root: single === undefined ? dest : join(dest, single), written, entries: guard.count };
}
