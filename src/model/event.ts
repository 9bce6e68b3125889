import * as z from 'zod';
import { extraFields, isoDay, lineText, MARKDOWN_TEXT, uniqueStrings } from './fields.js';
import { EVENT_ID_PATTERN, idDate, isFileSafeId, SLUG_PATTERN } from './ids.js';
import { SourceSchema } from './source.js';

/**
 * The statuses an event may carry.
 *
 * @example
 * ```ts
 * EVENT_STATUSES[0];
 * // => 'confirmed'
 * ```
 */
export const EVENT_STATUSES = ['confirmed', 'reported', 'developing', 'disputed', 'unverified', 'predicted'] as const;

/** How well established an event is. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

const tag = z
  .string({ error: 'expected a tag as text' })
  .regex(SLUG_PATTERN, { error: 'expected a kebab-case tag (a-z, 0-9, single hyphens)' });

const fields = {
  /** `YYYY-MM-DD--kebab-slug`; its date part equals `date`. */
  id: z
    .string({ error: 'expected an id as text' })
    .regex(EVENT_ID_PATTERN, { error: 'expected an id written YYYY-MM-DD--kebab-slug' })
    .describe('The primary key: YYYY-MM-DD--kebab-slug, its date part equal to date.'),
  /** The day the event happened, `YYYY-MM-DD`. */
  date: isoDay.describe('The day the event happened: YYYY-MM-DD, a real calendar day.'),
  /** A one-line headline. */
  title: lineText('a title', 300).describe('A one-line headline, at most 300 characters.'),
  /** The Markdown body: what happened and why it matters. */
  summary: z
    .string({ error: 'expected a summary as text' })
    .regex(/\S/, { error: 'expected a non-empty summary', abort: true })
    .regex(MARKDOWN_TEXT, { error: 'expected a summary with no blank line before it and no white space after it' })
    .describe('The Markdown body: what happened and why it matters.'),
  /** 1 (minor) to 10 (historic), or null: not rated. */
  importance: z
    .int({ error: 'expected an integer 1-10, or null when not rated' })
    .min(1, { error: 'expected an integer 1-10, or null when not rated' })
    .max(10, { error: 'expected an integer 1-10, or null when not rated' })
    .nullable()
    .describe('How much the event matters, from 1 (minor) to 10 (historic); null when it has not been rated.'),
  /** At least one kebab-case tag, each once. */
  tags: z
    .array(tag, { error: 'expected a list of tags' })
    .min(1, { error: 'expected at least one tag' })
    .refine(uniqueStrings, { error: 'expected each tag once' })
    .describe('At least one kebab-case tag, each once.'),
  /** The people and bodies involved, each once. */
  actors: z
    .array(lineText('an actor name', 200), { error: 'expected a list of actor names' })
    .refine(uniqueStrings, { error: 'expected each actor once' })
    .describe('The people and bodies involved, each named once.'),
  /** At least one citation. */
  sources: z
    .array(SourceSchema, { error: 'expected a list of sources' })
    .min(1, { error: 'expected at least one source' })
    .describe('At least one citation.'),
  /** How well established the event is. */
  status: z
    .enum(EVENT_STATUSES, { error: `expected one of ${EVENT_STATUSES.join(', ')}` })
    .optional()
    .describe('How well established the event is.'),
  /** Where it happened, as free text. */
  location: lineText('a location', 300).optional().describe('Where it happened, as free text.'),
  /** The capture lanes (themes of institutional capture) the event belongs to. */
  captureLanes: z
    .array(lineText('a capture lane', 200), { error: 'expected a list of capture lanes' })
    .refine(uniqueStrings, { error: 'expected each capture lane once' })
    .optional()
    .describe('The capture lanes (themes of institutional capture) the event belongs to (file key: capture_lanes).'),
  /** Editorial notes. */
  notes: z.string({ error: 'expected notes as text' }).optional().describe('Editorial notes.'),
  /** Ids the event was known by before, so links to them still resolve. */
  formerIds: z
    .array(z.string({ error: 'expected an id as text' }).min(1).refine(isFileSafeId, { error: 'expected an id that is safe as a file name' }), { error: 'expected a list of ids' })
    .refine(uniqueStrings, { error: 'expected each former id once' })
    .optional()
    .describe('Ids the event was known by before (file key: former_ids), so links to them still resolve.'),
  /** Keys the canonical model does not know, kept as read. */
  extra: extraFields.optional(),
};

/**
 * The canonical event: the single source of truth for what an event is.
 *
 * @example
 * ```ts
 * const result = EventSchema.safeParse({
 *   id: '2025-11-06--kazakhstan-abraham-accords-announcement',
 *   date: '2025-11-06',
 *   title: 'Trump Announces Kazakhstan Joining Abraham Accords',
 *   summary: 'President Trump announced that Kazakhstan would join the Abraham Accords.',
 *   importance: 5,
 *   tags: ['foreign-policy'],
 *   actors: ['Donald Trump'],
 *   sources: [{ title: 'Kazakhstan to join Abraham Accords', url: 'https://www.axios.com/2025/11/06/x' }],
 * });
 * result.success;
 * // => true
 * ```
 */
export const EventSchema = z
  .strictObject(fields)
  .check((ctx) => {
    const day = idDate(ctx.value.id);
    if (day !== undefined && day !== ctx.value.date) {
      ctx.issues.push({
        code: 'custom',
        message: `expected the id to start with the event date ${ctx.value.date}`,
        input: ctx.value.id,
        path: ['id'],
      });
    }
  })
  .describe('A dated, sourced event in the timeline.');

/**
 * The event model as lenient loading accepts it: legacy ids that are not
 * slugs are allowed when they are safe as a file name, and the id's date part
 * may differ from `date` (both are reported as warnings by the loader).
 *
 * @example
 * ```ts
 * LenientEventSchema.shape.id.safeParse('1976-01-30--buckley-v.-valeo').success;
 * // => true
 * ```
 */
export const LenientEventSchema = z.strictObject({
  ...fields,
  id: z
    .string({ error: 'expected an id as text' })
    .min(1, { error: 'expected a non-empty id' })
    .refine(isFileSafeId, { error: 'expected an id that is safe as a file name (no /, \\, .. or control characters)' }),
});

/** A dated, sourced event; see {@link EventSchema}. */
export type Event = z.infer<typeof EventSchema>;
