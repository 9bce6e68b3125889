import { filterEvents } from '../../query/filterEvents.js';
import { parse } from '../args.js';
import { bold, count, dim, plural, printable, printJson } from '../io.js';
import { open, pathsOf, reportDropped } from '../load.js';
import { actorsIn, QUERY_HELP, QUERY_OPTIONS, queryOf } from './queryFlags.js';
import type { Command } from './types.js';

export const query: Command = {
  name: 'query',
  summary: 'find events and print them as a table or JSON',
  help: `Usage: democracy-timeline query [paths...] [query flags] [--json]

Finds the events under the paths (default: seeds), read leniently, that
match every flag given, and prints them as a table (or JSON with --json).

${QUERY_HELP}
  --registry FILE       the actor registry, so --actor matches every spelling
  --json                one JSON document on stdout: the events

Exit status: 0 when every file loaded; 1 when a named path does not exist or holds no
event file, or a file was not loaded (a duplicate id, errors, unreadable:
one line on stderr counts them); 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('query', args, { ...QUERY_OPTIONS, json: { type: 'boolean' }, registry: { type: 'string' } });
    const q = queryOf('query', values);
    const project = await open(io, pathsOf(positionals), { mode: 'lenient', registry: values.registry });
    const { events, registry } = project;
    const { limit, ...unlimited } = actorsIn(q, events, registry, io);
    const matches = filterEvents(events, unlimited, { registry });
    const found = limit === undefined ? matches : matches.slice(0, Math.max(0, limit));
    const status = reportDropped(io, project);
    if (values.json) {
      printJson(io, found);
      return status;
    }
    const width = Math.max(40, io.columns - 18);
    io.out(`${bold(io, 'date        imp  title')}\n`);
    for (const e of found) {
      const shown = printable(e.title);
      const title = shown.length > width ? `${shown.slice(0, width - 1)}\u2026` : shown;
      io.out(`${e.date}  ${String(e.importance ?? '-').padStart(3)}  ${title}\n${dim(io, `                 ${printable(e.id)}`)}\n`);
    }
    const of = `${plural(matches.length, 'match', 'matches')} among ${plural(events.length, 'event')}`;
    io.out(`\n${found.length < matches.length ? `showing ${count(found.length)} of ${of}` : of}\n`);
    return status;
  },
};
