import type { CsvTable } from '../../format/csv.js';
import { EXPORT_FORMATS, exportEvents, GROUPINGS, type ExportFormat, type Grouping } from '../../format/exportEvents.js';
import { mostImportant } from '../../format/mostImportant.js';
import { toParquet } from '../../format/parquet.js';
import { toTimelineJS, type TimelineJSDocument } from '../../format/timelineJS.js';
import { toSQLite } from '../../node/sqlite/toSQLite.js';
import { writeFileAtomic } from '../../node/files/writeFileAtomic.js';
import { filterEvents } from '../../query/filterEvents.js';
import { parse, UsageError } from '../args.js';
import { open, pathsOf, plural, reportDropped } from '../load.js';
import { actorsIn, QUERY_HELP, QUERY_OPTIONS, queryOf } from './queryFlags.js';
import type { Command } from './types.js';

const TABLES: CsvTable[] = ['events', 'event_tags', 'event_actors', 'event_sources'];

/**
 * How many events each timeline library shows and still answers within 2 s
 * (headless Chromium on 2 cores, the corpus's newest events: TimelineJS
 * 1.1-1.4 s at 300 and 1.8-1.9 s at 400, 2.1-2.3 s at 500; vis-timeline
 * 1.2 s at 1,934, 2.3 s at 3,000). Past it, and without --limit, the
 * export keeps that many, the most important (TimelineJS fewer, see
 * fitTimelineJS).
 */
export const USABLE_EVENTS = { timelinejs: 300, vis: 2_000 } as const;

// Parquet is binary: written to a file, never to a terminal.
const FORMATS = [...EXPORT_FORMATS, 'parquet', 'sqlite'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write events as JSON, NDJSON, CSV, Parquet, SQLite, TimelineJS or vis-timeline',
  help: `Usage: democracy-timeline export [paths...] --format FORMAT [--out FILE] [query flags]

Writes the events under the paths (default: seeds), read leniently, or the
subset the query flags select, to stdout or a file.

  --format FORMAT  json, ndjson, csv, parquet (needs --out), sqlite (needs
                   --out: every table, with full-text search, for Datasette
                   and sqlite-utils), timelinejs or vis
  --table TABLE    with csv or parquet: events (default), event_tags,
                   event_actors, event_sources
  --bom            with csv: start with a UTF-8 byte-order mark, for Excel on
                   Windows (which otherwise reads accents as mojibake)
  --group BY       with timelinejs or vis: one band per tag (the first),
                   status or importance; default one band for all
  --max-groups N   with --group: at most N bands, the rest in 'other' (default 8)
                   timelinejs keeps the most important events its time
                   navigator shows with no label over another on a page
                   1,000 px wide, at most 300 (what it answers within 2 s);
                   vis the 2,000 most important (likewise); --limit N or
                   the query flags choose otherwise
  --out FILE       write to FILE (atomically) instead of stdout
  --registry FILE  the actor registry for --actor (default: actors.yaml in the first path)
  --partial        write the events that loaded even when some files did not
${QUERY_HELP}

A run that fails writes nothing: when no event loads, a named path does not
exist or holds no event file, or (without --partial) a file is not loaded
or the registry cannot be used, nothing goes to stdout and FILE is left as
it was. The paths may also be a built data folder, events.json or
events.ndjson.

Exit status: 0 when every file loaded; 1 when a named path does not exist or holds no
event file, or a file was not loaded (a duplicate id, errors, unreadable:
one line on stderr counts them), --partial or not, or timelinejs or vis kept
only some of the events (a line on stderr says how many); 2 for a usage
error.`,
  async run(args, io) {
    const { values, positionals } = parse('export', args, { ...QUERY_OPTIONS, format: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' }, registry: { type: 'string' }, partial: { type: 'boolean' }, bom: { type: 'boolean' }, group: { type: 'string' }, 'max-groups': { type: 'string' } });
    const format = values.format as (typeof FORMATS)[number] | undefined;
    if (!format || !FORMATS.includes(format)) throw new UsageError(`export: --format takes ${FORMATS.join(', ')}`);
    const table = (values.table ?? 'events') as CsvTable;
    if (!TABLES.includes(table)) throw new UsageError(`export: --table takes ${TABLES.join(', ')}`);
    if (values.bom && format !== 'csv') throw new UsageError('export: --bom goes with --format csv');
    const group = values.group as Grouping | undefined;
    if (group !== undefined && !Object.hasOwn(GROUPINGS, group)) throw new UsageError(`export: --group takes ${Object.keys(GROUPINGS).join(', ')}`);
    if ((group !== undefined || values['max-groups'] !== undefined) && format !== 'timelinejs' && format !== 'vis') throw new UsageError('export: --group and --max-groups go with --format timelinejs or vis');
    const maxGroups = values['max-groups'] === undefined ? undefined : Number(values['max-groups']);
    if (maxGroups !== undefined && (!Number.isInteger(maxGroups) || maxGroups < 1)) throw new UsageError('export: --max-groups takes a whole number of at least 1');
    if ((format === 'parquet' || format === 'sqlite') && !values.out) throw new UsageError(`export: --format ${format} writes a binary file: give --out FILE`);
    if (format === 'sqlite' && values.table !== undefined) throw new UsageError('export: --format sqlite writes every table; --table goes with csv or parquet');
    const query = queryOf('export', values);
    const project = await open(io, pathsOf(positionals), { mode: 'lenient', registry: values.registry });
    const status = reportDropped(io, project);
    const { events, registry, counts } = project;
    // A failed run writes nothing: an output is never replaced by less than it should hold.
    const refusal =
      counts.events === 0
        ? 'no event loaded'
        : project.emptyPaths.length
          ? `${plural(project.emptyPaths.length, 'path')} named ${project.emptyPaths.length === 1 ? 'holds' : 'hold'} no event`
          : status && !values.partial
            ? `the input is not whole; give --partial to export the ${plural(counts.events, 'event')} that loaded`
            : undefined;
    if (refusal !== undefined) {
      io.err(`nothing written${values.out ? ` (${values.out} is left as it was)` : ''}: ${refusal}\n`);
      return 1;
    }
    let selected = filterEvents(events, actorsIn(query, events, registry, io), { registry });
    const total = selected.length;
    // A timeline library past what it renders usably: what it shows, said, and the exit status says so.
    let timeline: TimelineJSDocument | undefined;
    if (format === 'timelinejs' && values.limit === undefined) {
      // As many as TimelineJS's navigator shows with no label over another, at most what it renders within 2 s.
      timeline = toTimelineJS(selected, { group: group && GROUPINGS[group], maxGroups, fit: { max: USABLE_EVENTS.timelinejs } });
    } else if (format === 'vis' && values.limit === undefined && total > USABLE_EVENTS.vis) selected = mostImportant(selected, USABLE_EVENTS.vis);
    const shown = timeline?.events.length ?? selected.length;
    if (shown < total) {
      io.err(
        timeline
          ? `kept ${plural(shown, 'event')} of ${total.toLocaleString('en-US')}: the most important that TimelineJS's time navigator shows with no label over another on a page 1,000 px wide (and at most ${USABLE_EVENTS.timelinejs}, what it answers within 2 s); --limit N, or --tag, --from, --min-importance, to choose\n`
          : `kept the ${plural(shown, 'most important event')} of ${plural(total, 'event')} (vis-timeline answers within 2 s up to about ${USABLE_EVENTS.vis.toLocaleString('en-US')}); --limit N, or --tag, --from, --min-importance, to choose\n`,
      );
    }
    const content = timeline
      ? `${JSON.stringify(timeline, null, 2)}\n`
      : format === 'parquet'
        ? await toParquet(selected, { table, registry })
        : format === 'sqlite'
          ? await toSQLite(selected, { registry })
          : exportEvents(selected, format as ExportFormat, { table, registry, bom: values.bom, group, maxGroups });
    if (values.out) {
      writeFileAtomic(values.out, content);
      io.err(`wrote ${plural(shown, 'event')} to ${values.out}\n`);
    } else io.out(content as string);
    return shown < total ? 1 : status;
  },
};
