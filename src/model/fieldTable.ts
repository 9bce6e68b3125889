import type { ReadIssueCode } from './issueCodes.js';

/** Another spelling of a field that lenient reading accepts, with the code it reports. */
export interface FieldAlias {
  /** The spelling in the file. */
  readonly key: string;
  /** The code reported when it is read. */
  readonly code: ReadIssueCode;
  /** Only a text value is read this way; anything else is kept in `extra`. */
  readonly textOnly?: boolean;
}

/** One field: its key in the model, its key in files, and its legacy spellings. */
export interface FieldSpelling {
  /** The key in the model (`captureLanes`). */
  readonly model: string;
  /** The key in event files (`capture_lanes`). */
  readonly file: string;
  /** Legacy spellings, in order of precedence: a later one yields to an earlier one or to `file`. */
  readonly aliases?: readonly FieldAlias[];
}

/**
 * The event's fields in the order files write them, with how files spell
 * them. The summary is the body of a Markdown file and a field of YAML and
 * JSON files.
 *
 * @example
 * ```ts
 * EVENT_FIELDS.find((f) => f.model === 'captureLanes')?.file;
 * // => 'capture_lanes'
 * ```
 */
export const EVENT_FIELDS: readonly FieldSpelling[] = [
  { model: 'id', file: 'id' },
  { model: 'date', file: 'date' },
  { model: 'title', file: 'title' },
  { model: 'summary', file: 'summary' },
  { model: 'importance', file: 'importance' },
  { model: 'tags', file: 'tags' },
  { model: 'actors', file: 'actors' },
  { model: 'sources', file: 'sources', aliases: [{ key: 'citations', code: 'legacy/citations' }] },
  { model: 'status', file: 'status' },
  { model: 'location', file: 'location' },
  {
    model: 'captureLanes',
    file: 'capture_lanes',
    aliases: [
      { key: 'captureLanes', code: 'legacy/capture-lane' },
      { key: 'capture_lane', code: 'legacy/capture-lane' },
    ],
  },
  { model: 'notes', file: 'notes' },
  { model: 'formerIds', file: 'former_ids' },
  { model: 'extra', file: 'extra' },
];

/**
 * A source's fields in the order files write them, with how files spell them.
 *
 * @example
 * ```ts
 * SOURCE_FIELDS.find((f) => f.model === 'archiveUrl')?.file;
 * // => 'archive_url'
 * ```
 */
export const SOURCE_FIELDS: readonly FieldSpelling[] = [
  { model: 'title', file: 'title' },
  { model: 'url', file: 'url' },
  { model: 'publisher', file: 'publisher', aliases: [{ key: 'outlet', code: 'legacy/outlet' }] },
  { model: 'date', file: 'date' },
  { model: 'tier', file: 'tier' },
  {
    model: 'archiveUrl',
    file: 'archive_url',
    aliases: [
      { key: 'archiveUrl', code: 'legacy/key-spelling', textOnly: true },
      { key: 'archived', code: 'legacy/archived', textOnly: true },
    ],
  },
  { model: 'extra', file: 'extra' },
];

const FILE_KEYS: Record<string, string> = {};
for (const field of [...EVENT_FIELDS, ...SOURCE_FIELDS]) if (field.model !== field.file) FILE_KEYS[field.model] = field.file;

/**
 * The key files use for a model key: `captureLanes` is written
 * `capture_lanes`, `archiveUrl` `archive_url`; the others are the same.
 *
 * @param key - a key of the event or source model
 * @returns the key as files spell it
 *
 * @example
 * ```ts
 * fileKeyOf('archiveUrl');
 * // => 'archive_url'
 * ```
 */
export function fileKeyOf(key: string): string {
  return Object.prototype.hasOwnProperty.call(FILE_KEYS, key) ? FILE_KEYS[key]! : key;
}
