import { chmodSync, closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tempFileOf } from './tempFiles.js';

/**
 * What a writer writes: text, bytes, or pieces of either in order (so that
 * a large file is never held whole).
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** A file written to its temporary name, waiting to replace its target. */
interface Staged {
  file: string;
  temp: string;
}

/** The error a writer gives for a path it will not write through. */
function symlinkError(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`a symbolic link, not written through: a writer never follows a link (replace it with a file, or name the file it points to)`), { code: 'ESYMLINK', path: file });
}

/** The content's bytes, piece by piece. */
function* piecesOf(content: FileContent): Generator<Uint8Array> {
  if (typeof content === 'string') yield Buffer.from(content);
  else if (content instanceof Uint8Array) yield content;
  else for (const piece of content) yield typeof piece === 'string' ? Buffer.from(piece) : piece;
}

/**
 * Compares a file's bytes with pieces as they come, reading as much of the
 * file as each piece holds: `same()` at the end says whether the file held
 * exactly them. A link, a missing file or anything but a regular file is
 * never the same.
 */
function fileComparer(file: string): { push(bytes: Uint8Array): void; same(): boolean } {
  let fd: number | undefined;
  let size = -1;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isFile()) size = stat.size;
  } catch {
    // not there, or not something to compare with
  }
  let at = 0;
  let equal = size >= 0;
  let chunk: Buffer | undefined;
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    push(bytes) {
      if (!equal) return;
      if (at + bytes.length > size) {
        equal = false;
        return close();
      }
      for (let done = 0; done < bytes.length; ) {
        const want = Math.min(bytes.length - done, 1 << 20);
        if (!chunk || chunk.length < want) chunk = Buffer.allocUnsafe(Math.max(want, 1 << 16));
        const n = readSync(fd!, chunk, 0, want, at + done);
        if (n === 0 || Buffer.compare(chunk.subarray(0, n), bytes.subarray(done, done + n)) !== 0) {
          equal = false;
          return close();
        }
        done += n;
      }
      at += bytes.length;
    },
    same() {
      close();
      return equal && at === size;
    },
  };
}

/**
 * True when a file holds exactly this content, compared piece by piece, so
 * a large file is never read whole.
 *
 * @param file - the path (a symbolic link is never the same)
 * @param content - the content
 * @returns whether the file holds it
 *
 * @example
 * ```ts
 * fileHolds('data/tags.json', '[]\n');
 * // => false
 * ```
 */
export function fileHolds(file: string, content: FileContent): boolean {
  const compare = fileComparer(file);
  for (const piece of piecesOf(content)) compare.push(piece);
  return compare.same();
}

/**
 * Writes one file's temporary copy beside it, with the target's
 * permissions; a link at the target is refused. With `compare`, the
 * existing file is compared as the pieces go, and undefined is returned
 * (the copy removed) when it already holds them.
 */
function stage(file: string, content: FileContent, compare: boolean): Staged | undefined {
  const stat = lstatSync(file, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) throw symlinkError(file);
  // Content given whole is compared before anything is written: a file that
  // already holds it costs a read, never a temporary file.
  if (compare && stat?.isFile() && (typeof content === 'string' || content instanceof Uint8Array)) {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    if (stat.size === bytes.length && readFileSync(file).equals(bytes)) return undefined;
    return { file, temp: writeTemp(file, [bytes], stat) };
  }
  const temp = tempFileOf(file);
  // Writes are synchronous, so a temporary file with this process's id is
  // one a killed process of the same id left: it goes. O_EXCL then: never
  // into a file that is there, whatever it is.
  if (lstatSync(temp, { throwIfNoEntry: false })?.isFile()) rmSync(temp);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  const comparer = compare && stat?.isFile() ? fileComparer(file) : undefined;
  try {
    for (const bytes of piecesOf(content)) {
      comparer?.push(bytes);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } catch (error) {
    closeSync(fd);
    comparer?.same();
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  if (comparer?.same()) {
    rmSync(temp);
    return undefined;
  }
  if (stat) chmodSync(temp, stat.mode & 0o7777);
  return { file, temp };
}

/** Writes the pieces to a new temporary file beside `file`, with the old file's permissions; returns its path. */
function writeTemp(file: string, pieces: Iterable<Uint8Array>, stat: { mode: number } | undefined): string {
  const temp = tempFileOf(file);
  if (lstatSync(temp, { throwIfNoEntry: false })?.isFile()) rmSync(temp);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    for (const bytes of pieces) for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  if (stat) chmodSync(temp, stat.mode & 0o7777);
  return temp;
}

/** Options for {@link createFileBatch} and {@link writeFilesAtomic}. */
export interface WriteFilesOptions {
  /** Leave a file that already holds exactly the new content alone (its bytes and modification time). Default false. */
  skipUnchanged?: boolean;
}

/**
 * Files written as one: {@link createFileBatch} stages each beside its
 * target, `commit` puts them all in place, `discard` removes what was staged.
 */
export interface FileBatch {
  /** Writes one file's content beside it; false when it already holds it (with `skipUnchanged`). */
  add(file: string, content: FileContent): boolean;
  /** Every staged file replaces its target, in the order added; returns their paths. */
  commit(): string[];
  /** Removes every staged file: no target changes. */
  discard(): void;
}

/**
 * Starts a batch of files written as one (see {@link writeFilesAtomic}): for
 * writers whose contents come one at a time, between awaits.
 *
 * @param options - whether to leave files that are already right alone
 * @returns the batch
 *
 * @example
 * ```ts
 * mkdirSync('out', { recursive: true });
 * const batch = createFileBatch();
 * try {
 *   batch.add('out/a.json', '[]\n');
 *   batch.add('out/b.parquet', await toParquet(events));
 * } catch (error) {
 *   batch.discard();
 *   throw error;
 * }
 * batch.commit();
 * // => ['out/a.json', 'out/b.parquet']
 * ```
 */
export function createFileBatch(options: WriteFilesOptions = {}): FileBatch {
  const staged: Staged[] = [];
  const discard = () => {
    for (const s of staged.splice(0)) rmSync(s.temp, { force: true });
  };
  return {
    add(file, content) {
      const done = stage(file, content, options.skipUnchanged === true);
      if (done) staged.push(done);
      return done !== undefined;
    },
    commit() {
      const done: string[] = [];
      for (const s of staged) {
        try {
          renameSync(s.temp, s.file);
        } catch (error) {
          discard();
          throw error;
        }
        done.push(s.file);
      }
      staged.length = 0;
      return done;
    },
    discard,
  };
}

/**
 * Writes several files as one: each goes first to a temporary file beside
 * it, and only when every one is written do they replace their targets.
 * When any write fails (a full disk, a folder that cannot be written, a
 * generator that throws), the temporary files are removed and no target
 * changes. Contents may come one at a time from a generator, so that a
 * large output is never held whole. A target that is a symbolic link is
 * refused, never written through; an existing file keeps its permissions.
 *
 * @param files - `[path, content]` pairs, in the order they are renamed into place
 * @param options - whether to leave files that are already right alone
 * @returns the paths written (with `skipUnchanged`, those that changed)
 *
 * @example
 * ```ts
 * mkdirSync('out', { recursive: true });
 * writeFilesAtomic([['out/a.json', '[]\n'], ['out/b.json', '{}\n']]);
 * // => ['out/a.json', 'out/b.json']
 * ```
 */
export function writeFilesAtomic(files: Iterable<readonly [string, FileContent]>, options: WriteFilesOptions = {}): string[] {
  const batch = createFileBatch(options);
  try {
    for (const [file, content] of files) batch.add(file, content);
  } catch (error) {
    batch.discard();
    throw error;
  }
  return batch.commit();
}

/**
 * Writes a file so that readers see the old content or the new, never half:
 * the text goes to a temporary file beside it, which then replaces it. An
 * existing file keeps its permissions; a symbolic link is refused, never
 * written through.
 *
 * @param file - the path
 * @param text - the new content
 *
 * @example
 * ```ts
 * const text = '---\nid: 2025-11-06--x\n---\n';
 * writeFileAtomic('seeds/2025-11-06--x.md', text);
 * readFileSync('seeds/2025-11-06--x.md', 'utf8') === text;
 * // => true
 * ```
 */
export function writeFileAtomic(file: string, text: FileContent): void {
  writeFilesAtomic([[file, text]]);
}

/**
 * Writes a file atomically unless it already holds exactly this text, so a
 * file that is already right keeps its bytes and its modification time.
 *
 * @param file - the path (its folder must exist)
 * @param text - the content
 * @param dryRun - only say whether it would be written
 * @returns true when the file was (or, with `dryRun`, would be) written
 */
export function writeFileIfChanged(file: string, text: string | Uint8Array, dryRun = false): boolean {
  if (dryRun) return !fileHolds(file, text);
  return writeFilesAtomic([[file, text]], { skipUnchanged: true }).length > 0;
}
