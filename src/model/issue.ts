import * as z from 'zod/mini';
import { described } from './fields.js';
import type { IssueCode } from './issueCodes.js';

/**
 * A problem found in a file, or across files: where it is, how bad it is, a
 * stable code and, for lint findings, what can be done about it.
 *
 * @example
 * ```ts
 * IssueSchema.parse({ severity: 'error', code: 'schema/importance', message: 'expected an integer 1-10', file: 'seeds/x.md', line: 5, column: 13, path: 'importance' }).line;
 * // => 5
 * ```
 */
export const IssueSchema = described(
  z.strictObject({
    /** `error`: the event is refused; `warning`: it loads, but look. */
    severity: described(z.enum(['error', 'warning']), 'error: the event is refused; warning: it loads, but look.'),
    /** A stable code such as `schema/importance` or `yaml/syntax` (see ISSUE_CODES and RULES). */
    code: described(
      z.custom<IssueCode>((value) => typeof value === 'string' && /^[a-z]+\/\S+$/.test(value)),
      'A stable code such as schema/importance or yaml/syntax.',
    ),
    /** What is wrong and, where it helps, what to do. */
    message: described(z.string(), 'What is wrong and, where it helps, what to do.'),
    /** The file, as it was given. */
    file: described(z.optional(z.string()), 'The file, as it was given.'),
    /** 1-based line in the file. */
    line: described(z.optional(z.int().check(z.minimum(1))), '1-based line in the file.'),
    /** 1-based column in the file. */
    column: described(z.optional(z.int().check(z.minimum(1))), '1-based column in the file.'),
    /** The field as the file spells it, e.g. `sources[1].archive_url`. */
    path: described(z.optional(z.string()), 'The field as the file spells it, e.g. sources[1].archive_url.'),
    /** For findings across files: the other files (or event ids) involved. */
    related: described(z.optional(z.array(z.string())), 'For findings across files: the other files (or event ids) involved.'),
    /** For lint findings: true when `fix` repairs it without changing meaning. */
    fixable: described(z.optional(z.boolean()), 'For lint findings: true when fix repairs it without changing meaning.'),
    /** For lint findings about spellings: the spellings found to mean one thing. */
    group: described(
      z.optional(
        z.strictObject({
          names: z.array(z.string()),
          counts: z.array(z.int()),
          canonical: z.string(),
          /** Where the spellings are written: `tags`, `actors`, or the sources' `url`. */
          field: z.optional(z.enum(['tags', 'actors', 'sources.url'])),
          places: z.optional(z.record(z.string(), z.array(z.string()))),
          /** For each spelling, the line where it is written in each of its places, in the same order (0: not found). */
          lines: z.optional(z.record(z.string(), z.array(z.int()))),
          entry: z.optional(z.strictObject({ id: z.string(), name: z.string(), aliases: z.array(z.string()), kind: z.literal('other') })),
        }),
      ),
      'For lint findings about spellings: the spellings found to mean one thing.',
    ),
  }),
  'A problem found in a file.',
);

/** A problem found in a file; see {@link IssueSchema}. */
export type Issue = z.infer<typeof IssueSchema>;

/** How bad an issue is. */
export type Severity = Issue['severity'];

/** Spellings found to mean one thing, with how often each is used. */
export type VariantGroup = NonNullable<Issue['group']>;

/** Where an issue is: the file, the position and the field, each when known. */
export interface IssueAt {
  /** The file. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** The field as the file spells it. */
  path?: string;
}

/**
 * Makes an issue, with its properties in one order and no undefined ones.
 *
 * @param severity - `error` or `warning`
 * @param code - the stable code
 * @param message - what is wrong
 * @param at - the file, line, column and field, each when known
 * @returns the issue
 *
 * @example
 * ```ts
 * createIssue('error', 'file/read', 'could not be read (ENOENT)', { file: 'x.md' });
 * // => { severity: 'error', code: 'file/read', message: 'could not be read (ENOENT)', file: 'x.md' }
 * ```
 */
export function createIssue(severity: Severity, code: IssueCode, message: string, at: IssueAt = {}): Issue {
  const issue: Issue = { severity, code, message };
  if (at.file !== undefined) issue.file = at.file;
  if (at.line !== undefined) issue.line = at.line;
  if (at.column !== undefined) issue.column = at.column;
  if (at.path) issue.path = at.path;
  return issue;
}
