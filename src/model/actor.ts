import * as z from 'zod';
import { isoDay, lineText } from './fields.js';
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
export const ActorSchema = z
  .strictObject({
    /** A stable kebab-case id. */
    id: z
      .string({ error: 'expected a kebab-case id' })
      .regex(SLUG_PATTERN, { error: 'expected a kebab-case id (a-z, 0-9, single hyphens)' })
      .describe('A stable kebab-case id.'),
    /** The canonical name, as events should spell it. */
    name: lineText('a name', 200).describe('The canonical name, as events should spell it.'),
    /** Other spellings that mean the same actor. */
    aliases: z.array(lineText('an alias', 200)).describe('Other spellings that mean the same actor.'),
    /** What kind of actor this is; absent when not known. */
    kind: z.enum(ACTOR_KINDS, { error: `expected one of ${ACTOR_KINDS.join(', ')}` }).optional().describe('What kind of actor this is; absent when not known.'),
    /** How many events name the actor (derived). */
    eventCount: z.int().min(0).optional().describe('How many events name the actor (derived by the build).'),
    /** The date of the first event naming the actor (derived). */
    firstDate: isoDay.optional().describe('The date of the first event naming the actor (derived by the build).'),
    /** The date of the last event naming the actor (derived). */
    lastDate: isoDay.optional().describe('The date of the last event naming the actor (derived by the build).'),
  })
  .describe('A person or body named in events.');

/** A person or body named in events; see {@link ActorSchema}. */
export type Actor = z.infer<typeof ActorSchema>;
