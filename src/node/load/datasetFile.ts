import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../../model/event.js';
import { createIssue, type Issue } from '../../model/issue.js';
import type { Mode } from '../../model/mode.js';
import { splitDataset, type DatasetLayout } from '../../parse/datasetRecords.js';
import { parseRecord } from '../../parse/parseRecord.js';

/**
 * The largest dataset file read (1 GiB): the limit that matters is per
 * record, but a file must fit in memory to be read at all.
 */
export const MAX_DATASET_BYTES = 1024 * 1024 * 1024;

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/**
 * The events file of a built data folder, or undefined for any other
 * folder. A data folder holds `events.json` (or `events.ndjson`) and either
 * `datapackage.json` or, when copied without it, an `events.json` that is a
 * list. Only that file is read as events: the folder's other files are
 * derived from it.
 *
 * @param dir - a folder
 * @returns the path of its events file, or undefined
 *
 * @example
 * ```ts
 * dataFolderEvents('data');
 * // => 'data/events.json'
 * ```
 */
export function dataFolderEvents(dir: string): string | undefined {
  const json = join(dir, 'events.json');
  const ndjson = join(dir, 'events.ndjson');
  if (isFile(join(dir, 'datapackage.json'))) return isFile(json) ? json : isFile(ndjson) ? ndjson : undefined;
  return isFile(json) && datasetLayoutOf(json, readHead(json)) === 'json' ? json : undefined;
}

/** A file's first 64 bytes (none when it cannot be read), enough for {@link datasetLayoutOf}. */
export function readHead(file: string): Uint8Array {
  const buffer = Buffer.alloc(64);
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return buffer.subarray(0, 0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The layout a dataset file has, when it is one: NDJSON by its extension
 * (`.ndjson`, `.jsonl`), a JSON list by its first character (`[`), so an
 * event file in JSON (an object) is never taken for one.
 *
 * @param file - the path
 * @param head - the file's first bytes, when it ends in `.json`
 * @returns the layout, or undefined for an event file
 */
export function datasetLayoutOf(file: string, head?: Uint8Array): DatasetLayout | undefined {
  if (/\.(?:ndjson|jsonl)$/i.test(file)) return 'ndjson';
  if (!/\.json$/i.test(file) || !head) return undefined;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x5b ? 'json' : undefined;
}

/** One record of a dataset file that became an event. */
export interface DatasetRecordEvent {
  event: Event;
  /** 1-based line where the record starts. */
  line: number;
}

/** What a dataset file held. */
export interface DatasetFileResult {
  /** The records that became events, in file order. */
  events: DatasetRecordEvent[];
  /** Records found, the part of a file cut short counted as one. */
  records: number;
  /** Records refused: an error in them, or over the size limit. */
  refused: number;
  /** The line where each refused record starts (for a file cut short, where the cut part starts). */
  refusedLines: number[];
}

/**
 * Reads the events of a dataset file (`events.json` or `events.ndjson`, as
 * `build` writes them): each record is checked on its own against the
 * model, with the size limit applied to each record, so one bad record is
 * refused and named (file, line, column) while the others load. A file cut
 * short keeps every record before the cut, and the cut is an error.
 *
 * @param file - the path, for issues
 * @param bytes - its bytes
 * @param layout - `json` or `ndjson`
 * @param options - the mode and the size limit per record
 * @param issues - where problems are reported
 * @returns the events, and how many records were found and refused
 */
export function readDatasetFile(file: string, bytes: Buffer, layout: DatasetLayout, options: { mode: Mode; maxBytes: number }, issues: Issue[]): DatasetFileResult {
  const { records, problem } = splitDataset(bytes, layout);
  const result: DatasetFileResult = { events: [], records: records.length, refused: 0, refusedLines: [] };
  for (const span of records) {
    const size = span.end - span.start;
    if (size > options.maxBytes) {
      issues.push(createIssue('error', 'file/too-large', `the record here is ${size} bytes, over the limit of ${options.maxBytes} per event`, { file, line: span.line, column: span.column }));
      result.refused++;
      result.refusedLines.push(span.line);
      continue;
    }
    const parsed = parseRecord(bytes.toString('utf8', span.start, span.end), { file, mode: options.mode, line: span.line, column: span.column });
    for (const issue of parsed.issues) issues.push(issue);
    if (parsed.event) result.events.push({ event: parsed.event, line: span.line });
    else {
      result.refused++;
      result.refusedLines.push(span.line);
    }
  }
  if (problem) {
    issues.push(createIssue('error', layout === 'json' ? 'json/syntax' : 'parse/not-an-object', problem.message, { file, line: problem.line, column: problem.column }));
    result.records++;
    result.refused++;
    result.refusedLines.push(problem.line);
  }
  return result;
}
