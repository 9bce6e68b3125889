import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createIssue, type Issue } from '../../model/issue.js';

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a
// writer; for a regular file it changes nothing. (Windows has no such flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What a path is when it is not a regular file, for the issue's message. */
function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The default limit on an event file's size in bytes (1 MiB), as read from
 * disk. `DEFAULT_MAX_LENGTH` (from the root entry) is the limit on a text's length in
 * characters, which `parseEvent` checks.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_FILE_BYTES;
 * // => 1048576
 * ```
 */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Options for {@link readTextFile}. */
export interface ReadTextFileOptions {
  /** Follow a symbolic link. Default true; false for files found by walking a folder. */
  followLinks?: boolean;
  /**
   * The folder's listing says this is a regular file, so it is not asked
   * again. Whatever the path has become since, the read stays safe: a link
   * is not followed, opening a FIFO does not wait, a folder fails to read,
   * and no more than the limit is read.
   */
  regular?: boolean;
}

/**
 * Reads a regular file as UTF-8 text into a buffer the caller provides (and
 * may share between reads), up to `buffer.length - 1` bytes. Anything else,
 * a FIFO, a device, a folder, a file that fills the buffer, becomes an issue
 * naming the file; it never blocks and never reads past the limit.
 *
 * @param file - the path
 * @param buffer - where the bytes go; its length minus one is the size limit
 * @param issues - where a problem is reported
 * @param options - whether to follow a symbolic link
 * @returns the text, or undefined when the file was not read
 */
export function readTextFile(file: string, buffer: Buffer, issues: Issue[], options: ReadTextFileOptions = {}): string | undefined {
  const size = readInto(file, buffer, issues, options);
  // Invalid UTF-8 decodes to U+FFFD, which parseEvent reports with its line.
  return size === undefined ? undefined : buffer.toString('utf8', 0, size);
}

/**
 * Reads a regular file's bytes, however large, up to a limit, with the
 * same safety as {@link readTextFile}: a FIFO, a device or a folder is an
 * issue, never read, and a link is not followed when `followLinks` is false.
 * For dataset files, whose limit is per record, not per file.
 *
 * @param file - the path
 * @param maxBytes - the largest size read
 * @param issues - where a problem is reported
 * @param options - whether to follow a symbolic link
 * @returns the bytes, or undefined when the file was not read
 */
export function readFileBytes(file: string, maxBytes: number, issues: Issue[], options: ReadTextFileOptions = {}): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, 1 << 20));
  const size = readInto(file, buffer, issues, options, (have) => {
    if (have < buffer.length || buffer.length > maxBytes) return buffer;
    const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
    buffer.copy(grown, 0, 0, have);
    return (buffer = grown);
  });
  return size === undefined ? undefined : buffer.subarray(0, size);
}

/** Reads a file into a buffer (grown by `grow` when full), reporting what stops it; the size read, or undefined. */
function readInto(file: string, initial: Buffer, issues: Issue[], options: ReadTextFileOptions, grow: (have: number) => Buffer = () => initial): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, options.followLinks === false ? OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0) : OPEN_FLAGS);
    const stat = options.regular ? undefined : fstatSync(fd);
    if (stat && !stat.isFile()) {
      issues.push(createIssue('error', 'file/not-a-file', `${kindOf(stat)}, not a regular file; only regular files are read`, { file }));
      return undefined;
    }
    let buffer = initial;
    let size = 0;
    for (;;) {
      buffer = grow(size);
      if (size >= buffer.length) break;
      const n = readSync(fd, buffer, size, buffer.length - size, null);
      if (n === 0) break;
      size += n;
    }
    if (size >= buffer.length) {
      issues.push(createIssue('error', 'file/too-large', `over the limit of ${buffer.length - 1} bytes`, { file }));
      return undefined;
    }
    return size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' && options.followLinks === false) {
      issues.push(createIssue('warning', 'file/symlink', 'a symbolic link inside the folder: skipped (links are not followed, so nothing outside the folder is read); name the file to read it', { file }));
      return undefined;
    }
    issues.push(createIssue('error', 'file/read', readFailure(code, file), { file }));
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Why a file could not be read, in the words every command uses: a path
 * that is not there "does not exist"; otherwise the system's code.
 *
 * @param code - the system's error code (ENOENT, EACCES...)
 * @param file - the path
 * @returns the message
 */
function readFailure(code: string | undefined, file: string): string {
  if (code === 'ENOENT') return file.includes('\ufffd') ? 'could not be read (ENOENT): its name is not valid UTF-8, so it cannot be opened by name; rename it' : 'does not exist';
  if (code === 'ENOTDIR') return 'does not exist (a part of its path is a file, not a folder)';
  return `could not be read${code ? ` (${code})` : ''}`;
}

/**
 * Reads one regular file as text with a size limit; see {@link readTextFile}.
 *
 * @param file - the path
 * @param maxBytes - the largest size read
 * @param issues - where a problem is reported
 * @returns the text, or undefined when the file was not read
 */
export function readTextFileLimited(file: string, maxBytes: number, issues: Issue[]): string | undefined {
  return readTextFile(file, Buffer.allocUnsafe(maxBytes + 1), issues);
}
