import * as z from 'zod/mini';
import { described, extraFields, httpUrl, isoPartialDate, lineText } from './fields.js';

/**
 * A citation backing an event: an article, a filing, a book.
 *
 * @example
 * ```ts
 * SourceSchema.parse({ title: 'Kazakhstan to join Abraham Accords', url: 'https://www.axios.com/2025/11/06/x', publisher: 'Axios', tier: 2 }).tier;
 * // => 2
 * ```
 */
export const SourceSchema = described(
  z
    .strictObject({
      /** The title of the cited work; absent for a bare link whose title is not known. */
      title: described(z.optional(lineText('a source title', 500)), 'The title of the cited work. Absent for a bare link whose title is not known (the source then has a url).'),
      /** An absolute http(s) link; absent for a work with no web address. */
      url: described(z.optional(httpUrl), 'An absolute http: or https: link. Absent for a work with no web address (a book, a filing).'),
      /** Who published it: an outlet, agency or court. */
      publisher: described(z.optional(lineText('a publisher', 300)), 'Who published the work: an outlet, an agency, a court.'),
      /** When it was published, at its real precision. */
      date: described(z.optional(isoPartialDate), 'When the work was published, at its real precision: YYYY, YYYY-MM or YYYY-MM-DD.'),
      /** Reliability tier: 1 primary or major outlet, 2 reputable secondary, 3 other. */
      tier: described(
        z.optional(z.int({ error: 'expected an integer 1-3' }).check(z.minimum(1, { error: 'expected an integer 1-3' }), z.maximum(3, { error: 'expected an integer 1-3' }))),
        'Reliability tier: 1 primary record or major outlet, 2 reputable secondary, 3 other.',
      ),
      /** A link to an archived copy. */
      archiveUrl: described(z.optional(httpUrl), 'An absolute http(s) link to an archived copy (file key: archive_url).'),
      /** Keys the canonical model does not know, kept as read. */
      extra: z.optional(extraFields),
    })
    .check(z.refine((source) => source.title !== undefined || source.url !== undefined, { error: 'expected a title or a url', path: ['title'] })),
  'A citation backing an event: it has a title, a url, or both.',
);

/** A citation backing an event; see {@link SourceSchema}. */
export type Source = z.infer<typeof SourceSchema>;
