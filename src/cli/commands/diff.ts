import { readFileSync } from 'node:fs';
import { diffDatasets } from '../../diff/diffDatasets.js';
import { diffToMarkdown } from '../../diff/diffToMarkdown.js';
import type { DatasetDiff, FieldChange } from '../../diff/types.js';
import { readDataset, type ReadDatasetResult } from '../../node/load/readDataset.js';
import { parse, UsageError } from '../args.js';
import { bold, count, cyan, plural, dim, green, printIssues, printJson, red, yellow, type Io } from '../io.js';
import { shownPair } from '../excerpt.js';
import type { Command } from './types.js';

const RANK = { none: 0, patch: 0, minor: 1, major: 2 } as const;

const change = (f: FieldChange) => {
  const [before, after] = shownPair(f.old, f.new);
  return `${f.field}: ${before} → ${after}`;
};

function printDiff(io: Io, diff: DatasetDiff): void {
  const { events, actors } = diff;
  const dropped = events.dropped ?? [];
  const parts = [`${count(events.added.length)} added`, `${count(events.changed.length)} changed`, `${count(events.renamed.length)} renamed`, `${count(events.merged.length)} merged`, `${count(events.removed.length)} removed`, `${count(events.unchanged)} unchanged`];
  if (dropped.length) parts.push(`${plural(dropped.length, 'former id')} dropped`);
  io.out(`${bold(io, 'events')}: ${parts.join(', ')}\n`);
  for (const e of events.added) io.out(`  ${green(io, '+')} ${e.id}  ${dim(io, e.title)}\n`);
  for (const e of events.changed) {
    io.out(`  ${yellow(io, '~')} ${e.id}${e.from ? dim(io, ` (was ${e.from})`) : ''}\n`);
    for (const f of e.fields) io.out(`      ${change(f)}\n`);
  }
  for (const r of events.renamed) io.out(`  ${cyan(io, '→')} ${r.from} → ${r.to}\n`);
  for (const m of events.merged) io.out(`  ${cyan(io, '⇉')} ${m.from.join(', ')} into ${m.into}\n`);
  for (const e of events.removed) io.out(`  ${red(io, '-')} ${e.id}  ${dim(io, e.title)}\n`);
  for (const r of events.likelyRenames ?? []) io.out(`  ${cyan(io, '?')} ${r.from} → ${r.to}  ${dim(io, `looks renamed (same date, titles ${Math.round(r.similarity * 100)}% alike): add ${r.from} to its former_ids to keep it resolving`)}\n`);
  for (const d of dropped) io.out(`  ${red(io, '-')} ${d.id}  ${dim(io, `a former id of ${d.heldBy}, held by no event now${d.replacedBy ? `; its tombstone points to ${d.replacedBy}` : ''}`)}\n`);
  io.out(`${bold(io, 'actors')}: ${count(actors.added.length)} added, ${count(actors.changed.length)} changed, ${count(actors.removed.length)} removed, ${count(actors.unchanged)} unchanged\n`);
  for (const id of actors.added) io.out(`  ${green(io, '+')} ${id}\n`);
  for (const a of actors.changed) io.out(`  ${yellow(io, '~')} ${a.id}: ${a.fields.map(change).join('; ')}\n`);
  for (const id of actors.removed) io.out(`  ${red(io, '-')} ${id}\n`);
  io.out(`\n${diff.bump === 'none' ? 'nothing changed' : `this asks for a ${diff.bump} version: ${diff.reasons.join('; ')}`}\n`);
}

/** Says on stderr what a side did not read; 1 when anything was left out. */
function reportUnread(io: Io, side: ReadDatasetResult): number {
  const counts = side.counts;
  const left = counts ? counts.records - counts.events : 0;
  if (side.issues.length) printIssues({ ...io, out: io.err }, side.issues);
  if (left) io.err(`${side.path}: ${plural(left, counts!.records !== counts!.files ? 'record' : 'file')} of ${count(counts!.records)} not compared (not loaded); run 'democracy-timeline validate ${side.path}' for details\n`);
  return left || side.issues.some((i) => i.severity === 'error') ? 1 : 0;
}

/** A changes.json as build --previous writes it. */
function readChanges(file: string): DatasetDiff {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<DatasetDiff>;
  if (!data.events || !data.actors || !data.bump || !Array.isArray(data.reasons)) throw new TypeError(`${file}: not a changes.json (no events, actors, bump and reasons)`);
  return data as DatasetDiff;
}

export const diff: Command = {
  name: 'diff',
  summary: 'what changed between two datasets, record by record',
  help: `Usage: democracy-timeline diff OLD NEW [--json] [--markdown] [--policy patch|minor|major]
       democracy-timeline diff data/changes.json [--json] [--markdown] [--policy ...]

Compares two datasets: each of OLD and NEW is a data folder (events.json,
and actors.json when there), a JSON file of events, a folder of event
files (read leniently, with actors.yaml when there), or 'installed' (the
dataset of the democracy-timeline package installed here). Lists every
event added, removed or changed (each field with its old and new value),
every id renamed or merged (an old id held in a new event's former_ids,
so it still finds the event), and the same for actors; and the version
the data's policy asks for: major when an id that found an event finds
none (removed, or dropped from former_ids) or an actor is removed; minor
when any is added, changed, renamed or merged. An id a dataset gives twice
is named, each compared by its first event.
An event removed and one added on its date with a near-identical title
are named as a likely rename, with how to record it (former_ids).

  --json             one JSON document on stdout: the whole diff
  --markdown         the changes as Markdown, for a CHANGELOG section
  --policy BUMP      the version bump planned: exit 1 when the changes ask
                     for more (--policy minor fails on a removed id)

Given one changes.json (as build --previous writes it), prints the changes
it records: --markdown then gives the release's CHANGELOG section.

Exit status: 0; 1 when --policy is broken or a file of a folder could not
be read; 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('diff', args, { json: { type: 'boolean' }, markdown: { type: 'boolean' }, policy: { type: 'string' } });
    const recorded = positionals.length === 1 && positionals[0]!.endsWith('changes.json');
    if (positionals.length !== 2 && !recorded) throw new UsageError("diff: give two datasets, OLD and NEW, or a changes.json; run 'democracy-timeline diff --help'");
    if (values.json && values.markdown) throw new UsageError('diff: --json and --markdown are two outputs; choose one');
    const policy = values.policy;
    if (policy !== undefined && !(policy in RANK)) throw new UsageError(`diff: --policy takes patch, minor or major, got "${policy}"`);
    let sides: ReadDatasetResult[] = [];
    let result: DatasetDiff;
    try {
      if (recorded) result = readChanges(positionals[0]!);
      else {
        sides = [await readDataset(positionals[0]!), await readDataset(positionals[1]!)];
        result = diffDatasets(sides[0]!, sides[1]!);
      }
    } catch (error) {
      io.err(`${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    if (values.json) printJson(io, result);
    else if (values.markdown) io.out(diffToMarkdown(result) || 'No data changes.\n');
    else printDiff(io, result);
    const unread = sides.reduce((n, side) => n | reportUnread(io, side), 0);
    const broken = policy !== undefined && RANK[result.bump] > RANK[policy as keyof typeof RANK];
    if (broken) io.err(`the changes ask for a ${result.bump} version, more than --policy ${policy}: ${result.reasons.join('; ')}\n`);
    return broken || unread ? 1 : 0;
  },
};
