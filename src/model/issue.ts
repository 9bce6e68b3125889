import * as z from 'zod';

/**
 * A problem found in a file: where it is, how bad it is, and a stable code.
 *
 * @example
 * ```ts
 * IssueSchema.parse({ severity: 'error', code: 'schema/importance', message: 'expected an integer 1-10', file: 'seeds/x.md', line: 5, column: 13, path: 'importance' }).line;
 * // => 5
 * ```
 */
export const IssueSchema = z
  .strictObject({
    /** `error`: the event is refused; `warning`: it loads, but look. */
    severity: z.enum(['error', 'warning']).describe('error: the event is refused; warning: it loads, but look.'),
    /** A stable code such as `schema/importance` or `yaml/syntax`. */
    code: z.string().describe('A stable code such as schema/importance or yaml/syntax.'),
    /** What is wrong and, where it helps, what to do. */
    message: z.string().describe('What is wrong and, where it helps, what to do.'),
    /** The file, as it was given. */
    file: z.string().optional().describe('The file, as it was given.'),
    /** 1-based line in the file. */
    line: z.int().min(1).optional().describe('1-based line in the file.'),
    /** 1-based column in the file. */
    column: z.int().min(1).optional().describe('1-based column in the file.'),
    /** The field, e.g. `sources[1].url`. */
    path: z.string().optional().describe('The field, e.g. sources[1].url.'),
  })
  .describe('A problem found in a file.');

/** A problem found in a file; see {@link IssueSchema}. */
export type Issue = z.infer<typeof IssueSchema>;

/** How bad an issue is. */
export type Severity = Issue['severity'];
