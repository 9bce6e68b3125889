import type { ActorRegistry } from '../../model/createActorRegistry.js';
import type { Event } from '../../model/event.js';
import { spellingsOf } from '../../query/spellingsOf.js';
import type { EventQuery, SortOrder } from '../../query/types.js';
import type { Io } from '../io.js';
import { isIsoPartialDate } from '../../model/dates.js';
import { int, UsageError } from '../args.js';
import { append } from '../../model/append.js';

/** The query flags shared by query and export. */
export const QUERY_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  tag: { type: 'string', multiple: true },
  actor: { type: 'string', multiple: true },
  'min-importance': { type: 'string' },
  text: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
} as const;

export const QUERY_HELP = `  --from DATE           on or after (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE             on or before, inclusive ('2025' is all of 2025)
  --tag TAG             with this tag (repeatable: any of them)
  --actor NAME          involving this actor, in any case or accents (repeatable: any of them)
  --min-importance N    at least this important (1-10)
  --text WORDS          containing every word (case and accents ignored)
  --sort ORDER          date (default), -date or -importance
  --limit N             at most N events`;

type Values = { [K in keyof typeof QUERY_OPTIONS]?: (typeof QUERY_OPTIONS)[K] extends { multiple: true } ? string[] : string };

/** The query the flags describe. */
export function queryOf(command: string, values: Values): EventQuery {
  const q: EventQuery = {};
  for (const key of ['from', 'to'] as const) {
    const v = values[key];
    if (v !== undefined && !isIsoPartialDate(v)) throw new UsageError(`${command}: --${key} takes a real date written YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`);
    if (v !== undefined) q[key] = v;
  }
  if (values.tag) q.tags = values.tag;
  if (values.actor) q.actors = values.actor;
  const min = int(command, 'min-importance', values['min-importance']);
  if (min !== undefined) q.minImportance = min;
  if (values.text !== undefined) q.text = values.text;
  if (values.sort !== undefined) {
    if (!['date', '-date', '-importance'].includes(values.sort)) throw new UsageError(`${command}: --sort takes date, -date or -importance`);
    q.sort = values.sort as SortOrder;
  }
  const limit = int(command, 'limit', values.limit);
  if (limit !== undefined) q.limit = limit;
  return q;
}

/**
 * Reads --actor case- and accent-insensitively: each name becomes the
 * spellings the events use for it. A name no event uses is said on stderr,
 * with the nearest spellings.
 */
export function actorsIn(q: EventQuery, events: readonly Event[], registry: ActorRegistry | undefined, io: Io): EventQuery {
  if (!Array.isArray(q.actors)) return q;
  const names: string[] = [];
  for (const name of q.actors as string[]) {
    if (registry?.resolve(name)) {
      names.push(name);
      continue;
    }
    const { found, nearest } = spellingsOf(events, name);
    if (found.length) append(names, found);
    else {
      names.push(name);
      const guess = nearest.map((n) => `'${n.name}' (${n.count})`).join(', ');
      io.err(`no event names '${name}'${guess ? `; did you mean ${guess}?` : ''}\n`);
    }
  }
  return { ...q, actors: names };
}
