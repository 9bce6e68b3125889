import * as z from 'zod/mini';
import { isIsoDay, isIsoPartialDate } from './dates.js';
import { parseDate } from './edtf.js';
import { isHttpUrl } from './url.js';

// Shared field schemas. Each carries a message a person can act on.

/**
 * A copy of a schema with a description, for the JSON Schema and for
 * tools that read zod's registry (what `.describe()` is in zod classic).
 */
export const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  const copy = schema.clone() as T;
  z.globalRegistry.add(copy, { description });
  return copy;
};

/** Single-line text with no leading or trailing white space. */
const TRIMMED_LINE = /^\S(?:.*\S)?$/;
/**
 * Markdown text: no blank line before it and no white space after it; its
 * first line may be indented (an indented code block means something).
 */
export const MARKDOWN_TEXT = /^[ \t]*\S(?:[\s\S]*\S)?$/;

/**
 * Characters that never belong in one-line text: C0 and C1 controls (a
 * terminal runs some of them as commands) and the bidirectional overrides
 * and isolates, which reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** {@link UNSAFE_TEXT} for text of several lines: line breaks and tabs belong in it. */
// eslint-disable-next-line no-control-regex
export const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * An event's date: a day (`2025-03-14`), or as precisely as it is known, in
 * the EDTF subset {@link parseDate} reads: a month (`2025-03`), a year
 * (`2025`), approximate (`1142~`) or uncertain (`2025-03?`), or a range
 * (`2025-03/2025-06`, `2025-03/..`).
 */
export const eventDate = z
  .string({ error: 'expected a date written YYYY-MM-DD, YYYY-MM or YYYY, perhaps with ~ or ?, or a range A/B' })
  .check(
    z.regex(/^[\d?~%/.-]+$/, { error: 'expected a date written YYYY-MM-DD, YYYY-MM or YYYY, perhaps with ~ or ?, or a range A/B', abort: true }),
    // A day gets the day's message; every other form the subset's.
    z.refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isIsoDay(text), { error: 'expected a real calendar day' }),
    z.refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) || parseDate(text) !== undefined, { error: 'expected a real date: YYYY-MM-DD, YYYY-MM or YYYY, perhaps with ~ (about) or ? (perhaps), or a range A/B or A/.. that does not end before it starts' }),
  );

/** Half of a UTF-16 pair with no other half: no file encoding can write it (UTF-8 writes U+FFFD). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first unsafe character of a text, as `U+001B`, or undefined; a lone surrogate is one too. */
export function unsafeCharacter(text: string, pattern: RegExp = UNSAFE_TEXT): string | undefined {
  const match = pattern.exec(text) ?? LONE_SURROGATE.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/**
 * Characters no event file can carry as they are: NUL (a text file holds
 * none; a JSON `\u0000` would become a Markdown body no reader takes) and
 * half of a UTF-16 pair (UTF-8 cannot encode it: CSV, Parquet and Markdown
 * would each write U+FFFD instead).
 */
// eslint-disable-next-line no-control-regex
export const UNWRITABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A check that text of several lines (a summary, notes) holds nothing a file cannot carry (see {@link UNWRITABLE}). */
export const writableText = (what: string) => (ctx: { value: string; issues: z.core.$ZodRawIssue[] }) => {
  const found = unsafeCharacter(ctx.value, UNWRITABLE);
  if (found) ctx.issues.push({ code: 'custom', message: `expected ${what} that a file can hold: no NUL and no lone surrogate (found ${found})`, input: ctx.value });
};

export const lineText = (what: string, max: number) =>
  z.string({ error: `expected ${what} as text` }).check(
    z.minLength(1, { error: `expected ${what}, got an empty string`, abort: true }),
    z.maxLength(max, { error: `expected ${what} of at most ${max} characters`, abort: true }),
    z.regex(TRIMMED_LINE, { error: `expected ${what} on one line with no surrounding spaces`, abort: true }),
    (ctx) => {
      const found = unsafeCharacter(ctx.value);
      if (found) ctx.issues.push({ code: 'custom', message: `expected ${what} with no control character or bidirectional override (found ${found})`, input: ctx.value });
    },
  );

export const isoDay = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true }), z.refine(isIsoDay, { error: 'expected a real calendar day' }));

export const isoPartialDate = z.string({ error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD' }).check(
  z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, {
    error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD',
    abort: true,
  }),
  z.refine(isIsoPartialDate, { error: 'expected a real month or day' }),
);

export const httpUrl = z
  .string({ error: 'expected a URL as text' })
  .check(
    z.refine((v) => !UNSAFE_TEXT.test(v), { error: 'expected a link with no control or bidirectional characters (one could drive a terminal that shows it, or reorder what is read); write them percent-encoded', abort: true }),
    z.regex(/^https?:\/\//i, { error: 'expected an absolute http: or https: URL', abort: true }),
    z.refine(isHttpUrl, { error: 'expected an absolute http: or https: URL' }),
  );

export const extraFields = described(z.record(z.string(), z.unknown(), { error: 'expected key-value pairs: the keys the model does not know, each with its value' }), 'Keys the canonical model does not know, kept as read so nothing is lost.');

/** Text that is all ASCII: already NFC, and holding no format character. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The key under which two names are the same name: NFC, with format
 * characters (zero-width spaces and joiners, soft hyphens) removed. Plain
 * ASCII text (most names) is its own key.
 */
export const sameTextKey = (text: string): string => (ASCII.test(text) ? text : text.normalize('NFC').replace(/\p{Cf}/gu, ''));

/** True when no two strings of the list are the same text (see {@link sameTextKey}). */
export const uniqueStrings = (list: readonly string[]): boolean => new Set(list.map(sameTextKey)).size === list.length;
