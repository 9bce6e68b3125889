import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareText } from '../../model/compareText.js';
import { compareDates } from '../../model/edtf.js';
import type { Event } from '../../model/event.js';
import { baseName } from '../../lint/rules/idFileName.js';
import { formatOf } from '../../parse/parseEvent.js';
import { stringifyEvent } from '../../parse/stringifyEvent.js';
import { makeDir, removeMadeDirs } from '../files/makeDir.js';
import { createFileBatch, writeFileIfChanged } from '../files/writeFileAtomic.js';
import { eventFiles, loadEvents, type LoadEventsResult } from '../load/loadEvents.js';
import { REGISTRY_FILE_NAMES } from '../load/registryFile.js';
import { fileFates, type TwinGroups } from './fileFates.js';
import { importRegistry } from './importRegistry.js';
import { mergeTwins } from './mergeTwins.js';
import { repairIds } from './repairIds.js';
import type { ImportConflict, ImportEventsOptions, ImportEventsResult, ImportFate } from './types.js';

export type { ImportConflict, ImportEventsOptions, ImportEventsResult, ImportFate } from './types.js';

/** Refuses an output folder inside a folder it imports: the next import would read what this one wrote beside the originals. */
function refuseOutInside(paths: string[], out: string): void {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  for (const input of paths) {
    if (!statSync(input, { throwIfNoEntry: false })?.isDirectory()) continue;
    const rel = relative(real(input), real(out));
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new TypeError(`importEvents: --out ${out} is inside the folder it imports (${input}): the next import would read what this one wrote beside the originals; import into a folder of its own`);
    }
  }
}

/** A Markdown file leads a group before YAML before JSON: its body is the summary as written. */
const FORMAT_RANK: Record<string, number> = { md: 0, yaml: 1, json: 2 };

/**
 * The events read, grouped by id, each group merged into one event. The
 * file named after the id leads its group, else the first in path order;
 * each twin is keyed by its path within the folder imported (a record's,
 * with its line), the key its values set aside in `twin_values` go under.
 */
function mergeGroups(loaded: LoadEventsResult, paths: string[], conflicts: ImportConflict[]): { groups: TwinGroups; merged: { event: Event; file: string }[] } {
  const order = new Map(loaded.found.map((file, i) => [file, i]));
  const inputs = paths.map((p) => resolve(p));
  const keyOf = (file: string, line: number) => {
    const full = resolve(file);
    const root = inputs.find((p) => full.startsWith(`${p}${sep}`));
    const path = (root ? full.slice(root.length + 1) : file).split(sep).join('/');
    return loaded.datasets.includes(file) ? `${path}:${line}` : path;
  };
  const groups = new Map<string, { event: Event; file: string; line: number; key: string }[]>();
  loaded.events.forEach((event, i) => {
    const list = groups.get(event.id) ?? [];
    list.push({ event, file: loaded.files[i]!, line: loaded.lines[i]!, key: keyOf(loaded.files[i]!, loaded.lines[i]!) });
    groups.set(event.id, list);
  });
  const merged: { event: Event; file: string }[] = [];
  for (const [id, list] of groups) {
    list.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line);
    const named = list.filter((e) => baseName(e.file) === id).sort((a, b) => (FORMAT_RANK[formatOf(a.file) ?? 'md'] ?? 3) - (FORMAT_RANK[formatOf(b.file) ?? 'md'] ?? 3));
    const lead = named.length ? list.indexOf(named[0]!) : 0;
    if (lead > 0) list.unshift(...list.splice(lead, 1));
    merged.push({ event: list.length > 1 ? mergeTwins(list, conflicts) : list[0]!.event, file: list[0]!.file });
  }
  return { groups, merged };
}

/**
 * Writes each file, a file already right left alone. Every file is written
 * beside its target first and all replace their targets only when each is
 * written, so a run that fails on the way changes nothing. With `dryRun`,
 * nothing is written: only what would be is said.
 */
function writeOutputs(out: string, outputs: [string, string][], dryRun: boolean, onProgress: ImportEventsOptions['onProgress']): { written: string[]; unchanged: number } {
  const written: string[] = [];
  let unchanged = 0;
  if (dryRun) {
    for (const [name, text] of outputs) {
      if (writeFileIfChanged(join(out, name), text, true)) written.push(name);
      else unchanged++;
    }
    return { written, unchanged };
  }
  const made = makeDir(out);
  const batch = createFileBatch({ skipUnchanged: true });
  try {
    outputs.forEach(([name, text], i) => {
      if (i % 256 === 0) onProgress?.({ phase: 'write', done: i, total: outputs.length });
      if (batch.add(join(out, name), text)) written.push(name);
      else unchanged++;
    });
    onProgress?.({ phase: 'write', done: outputs.length, total: outputs.length });
  } catch (error) {
    batch.discard();
    removeMadeDirs(made);
    throw error;
  }
  batch.commit();
  return { written, unchanged };
}

/**
 * Imports any event folder into a canonical seeds folder that strict reading
 * and `buildDataset` accept with no error: every file read leniently (every
 * legacy form the reader maps), one canonical Markdown file per event named
 * after its id, twins (files sharing an id) merged field by field with each
 * conflict reported and the other value kept, ids that break the id rule
 * repaired (the old id kept in `formerIds`), unknown keys kept under
 * `extra`, and an `actors.yaml` with an entry for every identity the events
 * name, merged into the one already there. Nothing is invented: an event
 * without importance is not rated, a bare link is a source without a title.
 * Every input file is accounted for. Importing the output again changes no
 * byte.
 *
 * @param paths - folders and files to import
 * @param options - the output folder, patterns, size limit, dry run
 * @returns the fate of every file, the events, repairs, conflicts and the registry
 *
 * @example
 * ```ts
 * const result = await importEvents(['../KleptocracyTimeline/timeline/data/events'], { out: 'seeds' });
 * result.counts.records === result.counts.imported + result.counts.merged + result.counts.refused + result.counts.notRead;
 * // => true
 * ```
 */
export async function importEvents(paths: string | string[], options: ImportEventsOptions): Promise<ImportEventsResult> {
  if (typeof options?.out !== 'string' || options.out === '') throw new TypeError('importEvents: options.out must name a folder');
  const out = options.out;
  const inputs = [paths].flat();
  refuseOutInside(inputs, out);
  const { onProgress, dryRun = false, ...loadOptions } = options;
  const loaded = await loadEvents(paths, { ...loadOptions, mode: 'lenient', keepDuplicates: true, onProgress: onProgress && ((done, total) => onProgress({ phase: 'read', done, total })) });

  const conflicts: ImportConflict[] = [];
  const { groups, merged } = mergeGroups(loaded, inputs, conflicts);
  const { repairedIds, finalId } = await repairIds(merged, out);
  const events = merged.map((m) => m.event).sort((a, b) => compareDates(a.date, b.date) || compareText(a.id, b.id));
  const files = fileFates(loaded, groups, finalId);
  const registry = await importRegistry(out, options.registry, events);

  // Each event file, then the registry; one that imports no event writes nothing at all, not even the registry.
  const outputs: [string, string][] = events.map((event) => [`${event.id}.md`, stringifyEvent(event)]);
  if (registry.text !== undefined) outputs.push([REGISTRY_FILE_NAMES[0], registry.text]);
  const produced = new Set(outputs.map(([name]) => name));
  const { written, unchanged } = events.length === 0 ? { written: [], unchanged: 0 } : writeOutputs(out, outputs, dryRun, onProgress);
  const strangers = statSync(out, { throwIfNoEntry: false })?.isDirectory()
    ? eventFiles(out)
        .map((f) => f.file.slice(out.length).replace(/^[/\\]/, ''))
        .filter((name) => !produced.has(name))
    : [];

  const count = (fate: ImportFate['fate']) => files.filter((f) => f.fate === fate).length;
  return {
    files,
    events,
    repairedIds,
    conflicts,
    registry: { file: registry.file, entries: registry.actors.length, added: registry.added, aliasesAdded: registry.aliased, spellings: registry.actors.reduce((n, a) => n + 1 + a.aliases.length, 0) },
    written,
    unchanged: unchanged + (registry.text === undefined ? 1 : 0),
    strangers,
    issues: loaded.issues,
    emptyPaths: loaded.emptyPaths,
    counts: {
      files: loaded.found.length,
      records: files.length,
      imported: count('imported'),
      merged: count('merged'),
      refused: count('refused'),
      notRead: count('not-read'),
      skipped: count('skipped'),
      hiddenFolders: loaded.counts.hiddenFolders,
      idsRepaired: repairedIds.length,
      conflicts: conflicts.length,
    },
  };
}
