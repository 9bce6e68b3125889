import * as z from 'zod/mini';
import { parseDate } from './edtf.js';
import { described, eventDate, extraFields, isoDay, lineText, MARKDOWN_TEXT, uniqueStrings, UNSAFE_TEXT, writableText } from './fields.js';
import { EVENT_ID_PATTERN, idDate, SLUG_PATTERN } from './ids.js';
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

const tag = z.string({ error: 'expected a tag as text' }).check(z.regex(SLUG_PATTERN, { error: 'expected a kebab-case tag (a-z, 0-9, single hyphens)' }));

/**
 * The keys the build derives from `date` (see `withDerivedDates`), in the
 * order events.json writes them, after `date`.
 *
 * @example
 * ```ts
 * DERIVED_DATE_KEYS.join(' ');
 * // => 'dateStart dateEnd datePrecision dateApproximate'
 * ```
 */
export const DERIVED_DATE_KEYS = ['dateStart', 'dateEnd', 'datePrecision', 'dateApproximate'] as const;

/** The keys the build derives from an event's date, all present. */
export type DerivedDates = Required<Pick<Event, (typeof DERIVED_DATE_KEYS)[number]>>;

/**
 * What a date means, as the build spells it out beside it (see
 * `withDerivedDates`): its earliest and latest day, its precision, whether
 * it is approximate. Undefined for what is not a date of the model.
 *
 * @param date - a date as written
 * @returns the derived keys, or undefined
 *
 * @example
 * ```ts
 * deriveDates('1142~');
 * // => { dateStart: '1142-01-01', dateEnd: '1142-12-31', datePrecision: 'year', dateApproximate: true }
 * ```
 */
export function deriveDates(date: string): DerivedDates | undefined {
  const span = parseDate(date);
  return span && { dateStart: span.start, dateEnd: span.end, datePrecision: span.precision, dateApproximate: span.approximate };
}

/** Derived date keys, where an event has them, must say what its date says. */
function derivedDatesAgree(ctx: { value: Record<string, unknown> & { date: string }; issues: z.core.$ZodRawIssue[] }): void {
  // An event file has none: nothing to read.
  if (DERIVED_DATE_KEYS.every((key) => ctx.value[key] === undefined)) return;
  const expected = deriveDates(ctx.value.date);
  if (!expected) return;
  for (const key of DERIVED_DATE_KEYS) {
    const value = ctx.value[key];
    if (value !== undefined && value !== expected[key]) {
      ctx.issues.push({ code: 'custom', message: `expected ${JSON.stringify(expected[key])}, what date ${JSON.stringify(ctx.value.date)} gives`, input: value, path: [key] });
    }
  }
}

const importanceError = { error: 'expected an integer 1-10, or null when not rated' };

const fields = {
  /** `YYYY-MM-DD--kebab-slug`; its date part equals `date`. */
  id: described(
    z.string({ error: 'expected an id as text' }).check(z.regex(EVENT_ID_PATTERN, { error: 'expected an id written YYYY-MM-DD--kebab-slug' })),
    'The primary key: YYYY-MM-DD--kebab-slug, its date part equal to date.',
  ),
  /** When it happened: a day `YYYY-MM-DD`, or as precisely as known (`2025-03`, `1142~`, `2025-03/2025-06`; see `parseDate`). */
  date: described(
    eventDate,
    'When the event happened: a day YYYY-MM-DD, or as precisely as it is known in EDTF (levels 0-1): a month YYYY-MM, a year YYYY, with ~ (approximate) or ? (uncertain), or a range A/B or A/.. .',
  ),
  /** The earliest day `date` can be (derived by the build: in events.json, never in an event file). */
  dateStart: described(z.optional(isoDay), 'The earliest day the event can be (derived by the build from date; in events.json, never in an event file).'),
  /** The latest day `date` can be, `9999-12-31` for an open range (derived by the build). */
  dateEnd: described(z.optional(isoDay), 'The latest day the event can be, 9999-12-31 for an open range (derived by the build; in events.json).'),
  /** How precisely `date` (its first date, for a range) is known (derived by the build). */
  datePrecision: described(z.optional(z.enum(['year', 'month', 'day'], { error: 'expected year, month or day' })), 'How precisely the date (its first date, for a range) is known: year, month or day (derived by the build; in events.json).'),
  /** Whether `date` is marked approximate, `~` or `%` (derived by the build). */
  dateApproximate: described(z.optional(z.boolean({ error: 'expected true or false' })), 'Whether the date is marked approximate, ~ or % (derived by the build; in events.json).'),
  /** A one-line headline. */
  title: described(lineText('a title', 300), 'A one-line headline, at most 300 characters.'),
  /** The Markdown body: what happened and why it matters. */
  summary: described(
    z
      .string({ error: 'expected a summary as text' })
      .check(
        z.regex(/\S/, { error: 'expected a non-empty summary', abort: true }),
        z.regex(MARKDOWN_TEXT, { error: 'expected a summary with no blank line before it and no white space after it' }),
        writableText('a summary'),
      ),
    'The Markdown body: what happened and why it matters.',
  ),
  /** 1 (minor) to 10 (historic), or null: not rated. */
  importance: described(
    z.nullable(z.int(importanceError).check(z.minimum(1, importanceError), z.maximum(10, importanceError))),
    'How much the event matters, from 1 (minor) to 10 (historic); null when it has not been rated.',
  ),
  /** Kebab-case tags, each once: an event with none loads, with a warning (`lint/no-tags`). */
  tags: described(
    z.array(tag, { error: 'expected a list of tags' }).check(z.refine(uniqueStrings, { error: 'expected each tag once' })),
    'Kebab-case tags, each once; an event with none loads, with a warning, since it cannot be found by tag.',
  ),
  /** The people and bodies involved, each once. */
  actors: described(
    z.array(lineText('an actor name', 200), { error: 'expected a list of actor names' }).check(z.refine(uniqueStrings, { error: 'expected each actor once' })),
    'The people and bodies involved, each named once.',
  ),
  /** At least one citation. */
  sources: described(z.array(SourceSchema, { error: 'expected a list of sources' }).check(z.minLength(1, { error: 'expected at least one source' })), 'At least one citation.'),
  /** How well established the event is. */
  status: described(z.optional(z.enum(EVENT_STATUSES, { error: `expected one of ${EVENT_STATUSES.join(', ')}` })), 'How well established the event is.'),
  /** Where it happened, as free text. */
  location: described(z.optional(lineText('a location', 300)), 'Where it happened, as free text.'),
  /** The capture lanes (themes of institutional capture) the event belongs to. */
  captureLanes: described(
    z.optional(z.array(lineText('a capture lane', 200), { error: 'expected a list of capture lanes' }).check(z.refine(uniqueStrings, { error: 'expected each capture lane once' }))),
    'The capture lanes (themes of institutional capture) the event belongs to (file key: capture_lanes).',
  ),
  /** Editorial notes. */
  notes: described(z.optional(z.string({ error: 'expected notes as text' }).check(writableText('notes'))), 'Editorial notes.'),
  /** Ids the event was known by before, so links to them still resolve. */
  formerIds: described(
    z.optional(
      z
        .array(
          // An old id as it was, even one that was not safe as a file name (import repairs those and keeps them here).
          z.string({ error: 'expected an id as text' }).check(z.minLength(1, { error: 'expected a non-empty id' }), z.maxLength(300, { error: 'expected an id of at most 300 characters' }), z.refine((v) => !UNSAFE_TEXT.test(v), { error: 'expected an id with no control characters' })),
          { error: 'expected a list of ids' },
        )
        .check(z.refine(uniqueStrings, { error: 'expected each former id once' })),
    ),
    'Ids the event was known by before (file key: former_ids), so links to them still resolve.',
  ),
  /** Keys the canonical model does not know, kept as read. */
  extra: z.optional(extraFields),
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
export const EventSchema = described(
  z.strictObject(fields).check((ctx) => {
    const day = idDate(ctx.value.id);
    // An unreadable date is compared as written (and refused on its own).
    const start = parseDate(ctx.value.date)?.start ?? ctx.value.date;
    if (day !== undefined && day !== start) {
      ctx.issues.push({
        code: 'custom',
        message: start === ctx.value.date ? `expected the id to start with the event date ${start}` : `expected the id to start with the event's earliest day ${start}`,
        input: ctx.value.id,
        path: ['id'],
      });
    }
    derivedDatesAgree(ctx);
  }),
  'A dated, sourced event in the timeline.',
);

/**
 * The event model as lenient loading accepts it: legacy ids that are not
 * slugs are allowed, even ones that are not safe as a file name (`a/b`, a
 * literal `\u00e9`), and the id's date part may differ from `date` (each
 * reported as a warning by the reader or the loader).
 *
 * @example
 * ```ts
 * LenientEventSchema.shape.id.safeParse('1976-01-30--buckley-v.-valeo').success;
 * // => true
 * ```
 */
export const LenientEventSchema = z.strictObject({
  ...fields,
  // Leniently any id loads, one that is not safe as a file name included
  // (the reader warns, identity/unsafe-id, and import repairs it); control
  // characters never.
  id: z
    .string({ error: 'expected an id as text' })
    .check(
      z.minLength(1, { error: 'expected a non-empty id' }),
      z.maxLength(300, { error: 'expected an id of at most 300 characters' }),
      z.refine((v) => !UNSAFE_TEXT.test(v), { error: 'expected an id with no control characters' }),
    ),
}).check(derivedDatesAgree);

/** A dated, sourced event; see {@link EventSchema}. */
export type Event = z.infer<typeof EventSchema>;
