import * as z from 'zod/mini';
import { described, lineText } from './fields.js';

const link = z.string({ error: 'expected a link as text' }).check(z.regex(/^https?:\/\/\S+$/i, { error: 'expected an http(s) link' }));

/**
 * What a dataset says of itself (`dataset.yaml` beside the seeds): its name,
 * title, version, licence, citation and sources, so a dataset built from
 * anyone's events carries its own identity, not this package's. `build`
 * writes it into `datapackage.json`, and its version into `changes.json`
 * and every tombstone.
 *
 * @example
 * ```ts
 * DatasetMetaSchema.parse({ name: 'city-hall-watch', title: 'City hall watch', version: '1.2.0', licenses: [{ name: 'CC-BY-4.0' }] }).version;
 * // => '1.2.0'
 * ```
 */
export const DatasetMetaSchema = described(
  z.strictObject({
    /** A machine name: lower case letters, digits, `-`, `.` and `_`. */
    name: described(z.string({ error: 'expected a name as text' }).check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'expected a name of lower case letters, digits, - . and _' })), 'A machine name: lower case letters, digits, -, . and _.'),
    /** The title people read. */
    title: described(z.optional(lineText('a title', 300)), 'The title people read.'),
    /** What the dataset holds, in a few sentences. */
    description: described(z.optional(z.string({ error: 'expected a description as text' })), 'What the dataset holds.'),
    /** The data's version (semantic versioning: major for a removed or renamed file or field, minor for data added, patch for docs). */
    version: described(z.optional(z.string({ error: 'expected a version as text' }).check(z.regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { error: 'expected a version such as 1.2.0' }))), "The data's version, such as 1.2.0."),
    /** The licences the data is under. */
    licenses: described(
      z.optional(z.array(z.strictObject({ name: z.optional(lineText('a licence name', 100)), path: z.optional(link), title: z.optional(lineText('a licence title', 300)) }), { error: 'expected a list of licences' })),
      'The licences the data is under: name (an SPDX id such as CC-BY-SA-4.0), path (a link) and title.',
    ),
    /** Where the dataset lives. */
    homepage: described(z.optional(link), 'Where the dataset lives.'),
    /** How to cite it, as one would write it. */
    citation: described(z.optional(z.string({ error: 'expected a citation as text' })), 'How to cite the dataset.'),
    /** Where the data comes from. */
    sources: described(z.optional(z.array(z.strictObject({ title: lineText('a source title', 300), path: z.optional(link) }), { error: 'expected a list of sources' })), 'Where the data comes from: title and path (a link).'),
    /** Who made it. */
    contributors: described(z.optional(z.array(z.strictObject({ title: lineText('a name', 300), roles: z.optional(z.array(lineText('a role', 100))) }), { error: 'expected a list of contributors' })), 'Who made it: title and roles.'),
  }),
  'What a dataset says of itself: dataset.yaml beside the seeds.',
);

/** What a dataset says of itself; see {@link DatasetMetaSchema}. */
export type DatasetMeta = z.infer<typeof DatasetMetaSchema>;
