import type { EventQuery, SortOrder } from '../../query/types.js';
import { int, UsageError } from '../args.js';

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
  --actor NAME          involving this actor (repeatable: any of them)
  --min-importance N    at least this important (1-10)
  --text WORDS          containing every word (case and accents ignored)
  --sort=ORDER          date (default), -date or -importance (write --sort=-date)
  --limit N             at most N events`;

type Values = { [K in keyof typeof QUERY_OPTIONS]?: (typeof QUERY_OPTIONS)[K] extends { multiple: true } ? string[] : string };

/** The query the flags describe. */
export function queryOf(command: string, values: Values): EventQuery {
  const q: EventQuery = {};
  const partial = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
  for (const key of ['from', 'to'] as const) {
    const v = values[key];
    if (v !== undefined && !partial.test(v)) throw new UsageError(`${command}: --${key} takes YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`);
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
