import * as z from 'zod/mini';
import { described, isoDay, lineText } from './fields.js';
import { SLUG_PATTERN } from './ids.js';

/**
 * The kinds of actor the registry knows.
 *
 * @example
 * ```ts
 * ACTOR_KINDS;
 * // => ['person', 'organization', 'government-body', 'other']
 * ```
 */
export const ACTOR_KINDS = ['person', 'organization', 'government-body', 'other'] as const;

/** A kind of actor: person, organization, government body or other. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * A person or body named in events, with the other spellings that mean it.
 * `eventCount`, `firstDate` and `lastDate` are derived by the dataset build.
 *
 * @example
 * ```ts
 * ActorSchema.parse({ id: 'marco-rubio', name: 'Marco Rubio', aliases: [], kind: 'person' }).kind;
 * // => 'person'
 * ```
 */
export const ActorSchema = described(
  z.strictObject({
    /** A stable kebab-case id. */
    id: described(
      z.string({ error: 'expected a kebab-case id' }).check(z.regex(SLUG_PATTERN, { error: 'expected a kebab-case id (a-z, 0-9, single hyphens)' })),
      'A stable kebab-case id.',
    ),
    /** The canonical name, as events should spell it. */
    name: described(lineText('a name', 200), 'The canonical name, as events should spell it.'),
    /** Other spellings that mean the same actor. */
    aliases: described(z.array(lineText('an alias', 200)), 'Other spellings that mean the same actor.'),
    /**
     * Ids of the actor in other datasets, by scheme: `wikidata` (a Wikidata
     * item, `Q` and digits) and any other (`opensecrets`, `bioguide`...),
     * each written by a maintainer, never guessed.
     */
    ids: described(
      z.optional(
        z.catchall(
          z.strictObject({ wikidata: z.optional(z.string({ error: 'expected a Wikidata id as text' }).check(z.regex(/^Q[1-9]\d*$/, { error: 'expected a Wikidata id: Q and digits, as Q22686' }))) }),
          lineText('an id', 200),
        ).check(z.refine((ids) => Object.keys(ids).every((k) => /^[a-z][a-z0-9_-]*$/.test(k)), { error: 'expected id schemes in lower case (wikidata, opensecrets, ...)' })),
      ),
      'Ids of the actor in other datasets, by scheme: wikidata (Q and digits) and others such as opensecrets or bioguide; only ones a maintainer wrote.',
    ),
    /** What kind of actor this is; absent when not known. */
    kind: described(z.optional(z.enum(ACTOR_KINDS, { error: `expected one of ${ACTOR_KINDS.join(', ')}` })), 'What kind of actor this is; absent when not known.'),
    /** How many events name the actor (derived). */
    eventCount: described(z.optional(z.int().check(z.minimum(0))), 'How many events name the actor (derived by the build).'),
    /** The date of the first event naming the actor (derived). */
    firstDate: described(z.optional(isoDay), 'The date of the first event naming the actor (derived by the build).'),
    /** The date of the last event naming the actor (derived). */
    lastDate: described(z.optional(isoDay), 'The date of the last event naming the actor (derived by the build).'),
  }),
  'A person or body named in events.',
);

/** A person or body named in events; see {@link ActorSchema}. */
export type Actor = z.infer<typeof ActorSchema>;
