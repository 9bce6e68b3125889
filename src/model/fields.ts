import * as z from 'zod';
import { isIsoDay, isIsoPartialDate } from './dates.js';
import { isHttpUrl } from './url.js';

// Shared field schemas. Each carries a message a person can act on.

/** Single-line text with no leading or trailing white space. */
export const TRIMMED_LINE = /^\S(?:.*\S)?$/;
/** Text (possibly several lines) with no leading or trailing white space. */
export const TRIMMED_TEXT = /^\S(?:[\s\S]*\S)?$/;

export const lineText = (what: string, max: number) =>
  z
    .string({ error: `expected ${what} as text` })
    .min(1, { error: `expected ${what}, got an empty string`, abort: true })
    .max(max, { error: `expected ${what} of at most ${max} characters`, abort: true })
    .regex(TRIMMED_LINE, { error: `expected ${what} on one line with no surrounding spaces` });

export const isoDay = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true })
  .refine(isIsoDay, { error: 'expected a real calendar day' });

export const isoPartialDate = z
  .string({ error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD' })
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, {
    error: 'expected a date written YYYY, YYYY-MM or YYYY-MM-DD',
    abort: true,
  })
  .refine(isIsoPartialDate, { error: 'expected a real month or day' });

export const httpUrl = z
  .string({ error: 'expected a URL as text' })
  .regex(/^https?:\/\//i, { error: 'expected an absolute http: or https: URL', abort: true })
  .refine(isHttpUrl, { error: 'expected an absolute http: or https: URL' });

export const extraFields = z
  .record(z.string(), z.unknown())
  .describe('Keys the canonical model does not know, kept as read so nothing is lost.');

export const uniqueStrings = (list: readonly string[]): boolean => new Set(list).size === list.length;
