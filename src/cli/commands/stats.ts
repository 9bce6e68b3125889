import { eventStats } from '../../query/eventStats.js';
import type { CountRow } from '../../query/groupEvents.js';
import { parse } from '../args.js';
import { bold, count, plural, printJson, printable } from '../io.js';
import { open, pathsOf, reportDropped } from '../load.js';
import type { Command } from './types.js';

export const stats: Command = {
  name: 'stats',
  summary: 'counts, date range, top tags, actors and publishers, events per year',
  help: `Usage: democracy-timeline stats [paths...] [--top N] [--registry FILE] [--json]

Summarises the events under the paths (default: seeds), read leniently:
counts, date range, the most used tags, actors and publishers, and a
histogram of events per year.

  --top N          how many tags, actors and publishers to list (default 10)
  --registry FILE  the actor registry, so each actor is counted once
  --json           one JSON document on stdout

Exit status: 0 when every file loaded; 1 when a named path does not exist or holds no
event file, or a file was not loaded (a duplicate id, errors, unreadable:
one line on stderr counts them); 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('stats', args, { top: { type: 'string' }, json: { type: 'boolean' }, registry: { type: 'string' } });
    const top = values.top === undefined ? 10 : Number(values.top);
    const project = await open(io, pathsOf(positionals), { mode: 'lenient', registry: values.registry });
    const { events, registry } = project;
    const result = eventStats(events, { registry, top });
    const status = reportDropped(io, project);
    if (values.json) {
      printJson(io, { ...result, files: project.counts });
      return status;
    }
    io.out(`${bold(io, plural(result.events, 'event'))}, ${result.firstDate ?? '-'} to ${result.lastDate ?? '-'}; ${plural(result.tags, 'tag')}, ${plural(result.actors, 'actor')}, ${plural(result.sources, 'source URL')}, ${plural(result.publishers, 'publisher')}\n`);
    const list = (title: string, rows: CountRow[]) => {
      io.out(`\n${bold(io, title)}\n`);
      for (const r of rows) io.out(`  ${count(r.count).padStart(7)}  ${printable(String(r.key ?? 'not rated'))}\n`);
    };
    list('Top tags', result.topTags);
    list('Top actors', result.topActors);
    list('Top publishers', result.topPublishers);
    io.out(`\n${bold(io, 'Events per year')}\n`);
    const max = result.perYear.reduce((m, r) => Math.max(m, r.count), 1);
    const width = Math.max(10, Math.min(60, io.columns - 16));
    // Long runs of empty years fold into one line.
    const years = result.perYear;
    for (let i = 0; i < years.length; i++) {
      let j = i;
      while (j + 1 < years.length && years[j + 1]!.count === 0 && years[i]!.count === 0) j++;
      if (j - i >= 2) {
        io.out(`  ${years[i]!.key}-${years[j]!.key}  (none)\n`);
        i = j;
        continue;
      }
      const r = years[i]!;
      io.out(`  ${String(r.key).padEnd(4)}  ${r.count ? `${'\u2588'.repeat(Math.max(1, Math.round((r.count / max) * width)))} ${r.count}` : '(none)'}\n`);
    }
    // What a reader can weigh: per status, a strong source and archives; and the citations' coverage.
    io.out(`\n${bold(io, 'Provenance by status')}  (events; with a tier 1-2 source; with every source archived)\n`);
    for (const p of result.provenance) io.out(`  ${p.status.padEnd(12)} ${count(p.events).padStart(7)}  ${count(p.withStrongSource).padStart(7)}  ${count(p.fullyArchived).padStart(7)}\n`);
    const c = result.sourceCoverage;
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    io.out(`\n${bold(io, 'Sources')}: ${plural(c.sources, 'citation')}; ${pct(c.share.tier)} give a tier, ${pct(c.share.archive)} an archive link, ${pct(c.share.date)} a date\n`);
    return status;
  },
};
