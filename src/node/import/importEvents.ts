import { compareDates, dateStart } from '../../model/edtf.js';
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Actor } from '../../model/actor.js';
import { nameKey, createActorRegistry } from '../../model/createActorRegistry.js';
import type { Event } from '../../model/event.js';
import { EVENT_ID_PATTERN, idDate, slugify } from '../../model/ids.js';
import { createIssue, type Issue } from '../../model/issue.js';
import type { Source } from '../../model/source.js';
import { displayName, groupActorSpellings } from '../../lint/groupActorSpellings.js';
import { baseName } from '../../lint/rules/idFileName.js';
import { canonicalUrl } from '../../lint/url.js';
import { stringifyEvent } from '../../parse/stringifyEvent.js';
import { parseActors } from '../../parse/parseActors.js';
import { formatOf } from '../../parse/parseEvent.js';
import { isRecord } from '../../model/fieldPath.js';
import { dumpYaml } from '../../parse/yaml.js';
import { loadActors } from '../load/loadActors.js';
import { eventFiles, loadEvents, type LoadEventsOptions } from '../load/loadEvents.js';
import { REGISTRY_FILE_NAMES } from '../load/registryFile.js';
import { createFileBatch, writeFileIfChanged } from '../files/writeFileAtomic.js';
import { makeDir, removeMadeDirs } from '../files/makeDir.js';
import { compareText } from '../../model/compareText.js';

/** Options for {@link importEvents}. */
export interface ImportEventsOptions extends Pick<LoadEventsOptions, 'include' | 'exclude' | 'maxBytes'> {
  /** The folder to write the canonical seeds and `actors.yaml` to. */
  out: string;
  /** Write nothing; only report what an import would do. Default false. */
  dryRun?: boolean;
  /**
   * The registry to start from when `out` holds none: a previous release's
   * `actors.yaml` (or a data folder's `actors.json`), so every actor keeps
   * the id it had and only new ones are added. Refused when `out` already
   * holds an `actors.yaml` (that one is kept and added to).
   */
  registry?: string;
  /** Called as the import goes: files read (of how many), then files written (of how many). */
  onProgress?: (step: { phase: 'read' | 'write'; done: number; total: number }) => void;
}

/**
 * What became of one input file, or of one record of a dataset file (then
 * `line` says where the record starts).
 */
export type ImportFate =
  | { file: string; line?: number; fate: 'imported'; id: string }
  | { file: string; line?: number; fate: 'merged'; id: string; into: string }
  | { file: string; line?: number; fate: 'refused'; issues: Issue[] }
  | { file: string; line?: number; fate: 'not-read'; issues: Issue[] }
  | { file: string; line?: undefined; fate: 'skipped'; why: string };

/** Two files with one id that disagree on a field: the value kept and the one set aside. */
export interface ImportConflict {
  /** The event's id after import. */
  id: string;
  /** The field, as the file spells it. */
  field: string;
  /** The value kept, from `file`. */
  kept: unknown;
  /** The other value, kept in the event's `extra.twin_values`. */
  other: unknown;
  /** The file the kept value came from. */
  file: string;
  /** The file the other value came from. */
  otherFile: string;
}

/** The outcome of {@link importEvents}. */
export interface ImportEventsResult {
  /** Every input file with what became of it, in path order; a dataset file, every record of it, in line order. */
  files: ImportFate[];
  /** The canonical events, sorted by date, then id. */
  events: Event[];
  /** Ids that broke the id rule, and what they became (the old one is kept in `formerIds`). */
  repairedIds: { from: string; to: string }[];
  /** Fields on which twins disagreed. */
  conflicts: ImportConflict[];
  /** The registry written beside the seeds. */
  registry: {
    /** Its file. */
    file: string;
    /** Entries in it. */
    entries: number;
    /** Entries this import added. */
    added: number;
    /** Spellings this import added as aliases of entries that were already there. */
    aliasesAdded: number;
    /** Spellings (names and aliases) in it. */
    spellings: number;
  };
  /** Files written (or, with `dryRun`, that would be), relative to `out`. */
  written: string[];
  /** Files whose content was already what the import makes. */
  unchanged: number;
  /** Event files already in `out` that this import does not make: they are left alone, and a build reads them too. */
  strangers: string[];
  /** Every issue the lenient reading reported, warnings included. */
  issues: Issue[];
  /** The paths given that do not exist, or are folders holding no event file. */
  emptyPaths: string[];
  /** The tally: `imported + merged + refused + notRead + skipped = records` (records = files, unless a dataset file was read). */
  counts: { files: number; records: number; imported: number; merged: number; refused: number; notRead: number; skipped: number; hiddenFolders: number; idsRepaired: number; conflicts: number };
}

const SCALARS = ['date', 'title', 'summary', 'importance', 'status', 'location', 'notes'] as const;
const LISTS = ['tags', 'actors', 'captureLanes', 'formerIds'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The key under which two citations are one: the resource's URL, else the title. */
const sourceKey = (s: Source) => (s.url !== undefined ? `u:${canonicalUrl(s.url)}` : `t:${(s.title ?? '').toLowerCase()}`);

/**
 * Merges twins (files with one id) into one event: lists are united, a
 * field one file lacks is taken from the other, and a field on which they
 * disagree keeps the lead's value (the Markdown file's), unless the other
 * text is fuller (it holds the lead's, or is longer); the value not kept
 * goes to `extra.twin_values`, under its file's path within the input, and
 * to the conflicts list. Nothing is dropped.
 */
function mergeTwins(entries: { event: Event; file: string; key: string }[], conflicts: ImportConflict[]): Event {
  const [first, ...rest] = entries;
  const merged: Event = structuredClone(first!.event);
  // Where each field's kept value came from, and what is set aside, by the file it came from.
  const keptFrom = new Map<string, { file: string; key: string }>();
  const asides = new Map<string, Record<string, unknown>>();
  const lead = { file: first!.file, key: first!.key };
  const setAside = (from: { file: string; key: string }, field: string, value: unknown) => {
    const aside = asides.get(from.key) ?? {};
    aside[field] = value;
    asides.set(from.key, aside);
  };
  for (const { event, file, key: where } of rest) {
    const twin = { file, key: where };
    /** A field on which they disagree: one value kept, the other set aside under its file. */
    const conflict = (field: string, kept: unknown, other: unknown, keptBy = keptFrom.get(field) ?? lead, otherBy = twin) => {
      setAside(otherBy, field, other);
      conflicts.push({ id: merged.id, field, kept, other, file: keptBy.file, otherFile: otherBy.file });
    };
    for (const key of SCALARS) {
      const mine = merged[key];
      const theirs = event[key];
      if (theirs === undefined || theirs === null || same(mine, theirs)) continue;
      if (mine === undefined || mine === null) {
        (merged as Record<string, unknown>)[key] = theirs;
        keptFrom.set(key, twin);
      } else if (typeof mine === 'string' && typeof theirs === 'string' && fuller(theirs, mine)) {
        // The fuller text wins: the one that holds the other, else the longer.
        const before = keptFrom.get(key) ?? lead;
        (merged as Record<string, unknown>)[key] = theirs;
        keptFrom.set(key, twin);
        conflict(key, theirs, mine, twin, before);
      } else conflict(key, mine, theirs);
    }
    for (const key of LISTS) {
      const theirs = event[key];
      if (!theirs?.length) continue;
      const mine = [...(merged[key] ?? [])];
      for (const item of theirs) if (!mine.includes(item)) mine.push(item);
      (merged as Record<string, unknown>)[key] = mine;
    }
    const byKey = new Map(merged.sources.map((s, i) => [sourceKey(s), i]));
    event.sources.forEach((source, n) => {
      const at = byKey.get(sourceKey(source));
      if (at === undefined) {
        byKey.set(sourceKey(source), merged.sources.length);
        merged.sources.push(structuredClone(source));
        return;
      }
      const mine = merged.sources[at]! as Record<string, unknown>;
      for (const [key, value] of Object.entries(source)) {
        if (key === 'extra') continue;
        if (mine[key] === undefined) mine[key] = value;
        else if (!same(mine[key], value)) conflict(`sources[${n}].${key === 'archiveUrl' ? 'archive_url' : key}`, mine[key], value);
      }
      for (const [key, value] of Object.entries(source.extra ?? {})) {
        const extra = ((mine.extra as Record<string, unknown> | undefined) ??= {}) as Record<string, unknown>;
        if (!(key in extra)) extra[key] = value;
        else if (!same(extra[key], value)) conflict(`sources[${n}].extra.${key}`, extra[key], value);
      }
    });
    for (const [key, value] of Object.entries(event.extra ?? {})) {
      const extra = (merged.extra ??= {});
      if (!(key in extra)) extra[key] = value;
      else if (!same(extra[key], value)) conflict(`extra.${key}`, extra[key], value);
    }
  }
  if (asides.size) {
    const extra = (merged.extra ??= {});
    // A twin_values a file already gave that is not a mapping is kept in the new one.
    if (extra.twin_values !== undefined && !isRecord(extra.twin_values)) extra.twin_values = { '(given)': extra.twin_values };
    const twins = (extra.twin_values ??= {}) as Record<string, unknown>;
    // By the file's path within what was imported: two twins of one name in two folders are two keys.
    for (const [where, aside] of asides) {
      let k = where;
      for (let n = 2; twins[k] !== undefined; n++) k = `${where} (${n})`;
      twins[k] = aside;
    }
  }
  return merged;
}

/** Whether text `a` is fuller than `b`: it holds `b` (spaces aside), or is longer and does not appear in it. */
function fuller(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
  const x = squeeze(a);
  const y = squeeze(b);
  if (x.includes(y)) return x.length > y.length;
  if (y.includes(x)) return false;
  return x.length > y.length;
}

/** A valid id for an event whose id breaks the rule: its date, then a clean slug of the old id (or of the title). */
function repairedId(event: Event): string {
  const rest = event.id.replace(/^\d{4}-\d{2}-\d{2}[-_]*/, '');
  const slug = (slugify(rest) || slugify(event.title) || 'event').slice(0, 80).replace(/-+$/, '');
  return `${dateStart(event.date)}--${slug}`;
}

const isValidId = (event: Event) => EVENT_ID_PATTERN.test(event.id) && idDate(event.id) === dateStart(event.date);

/**
 * Builds the registry: the entries already in it, as they are (hand edits
 * kept), each new spelling added as an alias of the entry its group
 * resolves to, and one new entry per new identity, named by its most used
 * spelling, with a slug id and no guessed kind.
 */
function buildRegistry(existing: Actor[], events: Event[]): { actors: Actor[]; added: number; aliased: number } {
  const registry = existing.length ? createActorRegistry(existing) : undefined;
  const actors = existing.map((a) => ({ ...a, aliases: [...a.aliases] }));
  const byId = new Map(actors.map((a) => [a.id, a]));
  const claimed = new Map<string, Actor>();
  for (const a of actors) for (const name of [a.name, ...a.aliases]) claimed.set(nameKey(name), a);
  const ids = new Set(actors.map((a) => a.id));
  let added = 0;
  for (const group of groupActorSpellings(events, registry)) {
    // The entry this identity already has: the registry's, or one a spelling's key already names.
    let entry = group.registered !== undefined ? byId.get(group.registered) : undefined;
    entry ??= group.names.map((n) => claimed.get(nameKey(n))).find((a) => a !== undefined);
    if (!entry) {
      const name = displayName(group.names);
      const base = slugify(name) || 'actor';
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      entry = { id, name, aliases: [] };
      actors.push(entry);
      byId.set(id, entry);
      claimed.set(nameKey(name), entry);
      added++;
    }
    for (const name of group.names) {
      const key = nameKey(name);
      if (claimed.has(key)) continue; // this spelling (or one that compares equal) already resolves
      entry.aliases.push(name);
      claimed.set(key, entry);
    }
  }
  return { actors, added, aliased: actors.slice(0, existing.length).reduce((n, a, i) => n + a.aliases.length - existing[i]!.aliases.length, 0) };
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
  const dryRun = options.dryRun ?? false;
  // Written into a folder it reads, the next import would read its own output beside the originals.
  const within = (inner: string, outer: string) => {
    const rel = relative(outer, inner);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  for (const input of [paths].flat()) {
    if (statSync(input, { throwIfNoEntry: false })?.isDirectory() && within(real(out), real(input))) {
      throw new TypeError(`importEvents: --out ${out} is inside the folder it imports (${input}): the next import would read what this one wrote beside the originals; import into a folder of its own`);
    }
  }
  const { onProgress, ...loadOptions } = options;
  const loaded = await loadEvents(paths, { ...loadOptions, mode: 'lenient', keepDuplicates: true, onProgress: onProgress && ((done, total) => onProgress({ phase: 'read', done, total })) });
  const found = loaded.found;

  // Group by id; the file named after the id leads its group (a Markdown
  // file before YAML before JSON: its body is the summary as written), else
  // the first in path order.
  const order = new Map(found.map((file, i) => [file, i]));
  const inputs = [paths].flat().map((p) => resolve(p));
  // A file's key in twin_values: its path within the folder imported (a record's, with its line).
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
  const FORMAT_RANK: Record<string, number> = { md: 0, yaml: 1, json: 2 };
  const conflicts: ImportConflict[] = [];
  const merged: { event: Event; file: string }[] = [];
  for (const [id, list] of groups) {
    list.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line);
    const named = list.filter((e) => baseName(e.file) === id).sort((a, b) => (FORMAT_RANK[formatOf(a.file) ?? 'md'] ?? 3) - (FORMAT_RANK[formatOf(b.file) ?? 'md'] ?? 3));
    const lead = named.length ? list.indexOf(named[0]!) : 0;
    if (lead > 0) list.unshift(...list.splice(lead, 1));
    merged.push({ event: list.length > 1 ? mergeTwins(list, conflicts) : list[0]!.event, file: list[0]!.file });
  }

  // Repair ids, deterministically: in date and id order, a repaired id that
  // is taken gets a numbered suffix. Taken: every id this import writes,
  // every former id an event holds (a link to it must keep finding that
  // event), and the id of every event file already in --out but one that
  // holds this very old id (an earlier import of the same event).
  merged.sort((a, b) => compareDates(a.event.date, b.event.date) || compareText(a.event.id, b.event.id));
  const taken = new Set(merged.filter((m) => isValidId(m.event)).map((m) => m.event.id));
  for (const m of merged) for (const former of m.event.formerIds ?? []) taken.add(former);
  let inOut: Map<string, Set<string>> | undefined;
  const theirs = async (id: string, from: string) => {
    if (!inOut) {
      inOut = new Map();
      if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
        const there = await loadEvents(out, { mode: 'lenient', keepDuplicates: true });
        there.events.forEach((e) => inOut!.set(e.id, new Set(e.formerIds ?? [])));
      }
    }
    return inOut.has(id) && !inOut.get(id)!.has(from);
  };
  const repairedIds: { from: string; to: string }[] = [];
  const finalId = new Map<string, string>();
  for (const m of merged) {
    const from = m.event.id;
    if (!isValidId(m.event)) {
      const base = repairedId(m.event);
      let to = base;
      for (let n = 2; taken.has(to) || (await theirs(to, from)); n++) to = `${base}-${n}`;
      taken.add(to);
      m.event = { ...m.event, id: to, formerIds: [...(m.event.formerIds ?? []).filter((f) => f !== from), from] };
      repairedIds.push({ from, to });
    }
    finalId.set(from, m.event.id);
  }
  const events = merged.map((m) => m.event).sort((a, b) => compareDates(a.date, b.date) || compareText(a.id, b.id));

  // What became of every file, and of every record of a dataset file.
  const datasets = new Set(loaded.datasets);
  const key = (file: string, line: number) => `${file}\u0000${datasets.has(file) ? line : 1}`;
  const at = (file: string, line: number) => (datasets.has(file) ? { line } : {});
  const fates = new Map<string, ImportFate>();
  for (const [id, list] of groups) {
    const to = finalId.get(id)!;
    list.forEach((e, i) => fates.set(key(e.file, e.line), i === 0 ? { file: e.file, ...at(e.file, e.line), fate: 'imported', id: to } : { file: e.file, ...at(e.file, e.line), fate: 'merged', id: to, into: list[0]!.file }));
  }
  const issuesOf = new Map<string, Issue[]>();
  for (const issue of loaded.issues) {
    if (issue.file === undefined) continue;
    const list = issuesOf.get(issue.file) ?? [];
    list.push(issue);
    issuesOf.set(issue.file, list);
  }
  const refusedAt = new Map<string, number[]>();
  for (const { file, line } of loaded.refusedRecords) {
    const list = refusedAt.get(file);
    if (list) list.push(line);
    else refusedAt.set(file, [line]);
  }
  const files: ImportFate[] = [];
  const notEvents = new Map(loaded.skipped.map((s) => [s.path, s.why]));
  for (const file of found) {
    const why = notEvents.get(file);
    if (why !== undefined) {
      files.push({ file, fate: 'skipped', why });
      continue;
    }
    if (datasets.has(file)) {
      // Each record: its fate, or its errors (those from its line to the next record's).
      const lines = [...new Set([...[...fates.values()].filter((f) => f.file === file).map((f) => f.line!), ...(refusedAt.get(file) ?? [])])].sort((x, y) => x - y);
      lines.forEach((line, n) => {
        const fate = fates.get(key(file, line));
        if (fate) return files.push(fate);
        const next = lines[n + 1] ?? Infinity;
        const issues = (issuesOf.get(file) ?? []).filter((i) => i.severity === 'error' && (i.line ?? 0) >= line && (i.line ?? 0) < next);
        files.push({ file, line, fate: 'refused', issues });
      });
      continue;
    }
    const fate = fates.get(key(file, 1));
    if (fate) {
      files.push(fate);
      continue;
    }
    const issues = issuesOf.get(file) ?? [createIssue('error', 'file/read', 'could not be read', { file })];
    files.push(issues.some((i) => i.code.startsWith('file/')) ? { file, fate: 'not-read', issues } : { file, fate: 'refused', issues });
  }

  // The registry beside the seeds, merged into the one already there, or
  // started from the one named: ids an earlier release gave stay.
  const registryFile = join(out, REGISTRY_FILE_NAMES[0]);
  const exists = statSync(registryFile, { throwIfNoEntry: false }) !== undefined;
  if (exists && options.registry !== undefined) throw new TypeError(`importEvents: ${out} already holds ${REGISTRY_FILE_NAMES[0]}, which is kept and added to; name no other registry, or import into a new folder`);
  const base = exists ? registryFile : options.registry;
  const current = base !== undefined ? await loadActors(base) : { actors: [] as Actor[], issues: [] as Issue[] };
  if (current.issues.some((i) => i.severity === 'error')) {
    throw new TypeError(`importEvents: ${base} cannot be used; fix it first (${current.issues.map((i) => `${i.line ?? ''}${i.line ? ': ' : ''}${i.message}`).join('; ')})`);
  }
  // A built actors.json carries figures the build derives; a registry keeps only what a maintainer writes.
  const startFrom = current.actors.map(({ eventCount: _count, firstDate: _first, lastDate: _last, ...actor }) => actor);
  const registry = buildRegistry(startFrom, events);

  // Write: each event file, then the registry; a file already right is left
  // alone. Every file is written beside its target first and all replace
  // their targets only when each is written, so a run that fails on the way
  // changes nothing; one that imports no event writes nothing at all.
  const written: string[] = [];
  let unchanged = 0;
  const produced = new Set<string>();
  // New entries only: appended to the file as it is, its comments and layout
  // kept. New aliases of existing entries: the file is written anew, every
  // entry's values kept.
  let registryText: string | undefined;
  if (!exists || registry.aliased > 0) registryText = dumpYaml(registry.actors);
  else if (registry.added > 0) {
    const text = current.text ?? '';
    registryText = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${dumpYaml(registry.actors.slice(current.actors.length))}`;
    // A file that is not a block list (`[]`, a flow list) takes no appended
    // entries: it is written anew, every entry's values kept.
    if (!readsBack(registryText, registryFile, registry.actors.length)) registryText = dumpYaml(registry.actors);
  }
  // What import writes, the same version reads: the registry is read back before it is written.
  if (registryText !== undefined && !readsBack(registryText, registryFile, registry.actors.length)) {
    const back = parseActors(registryText, registryFile);
    throw new TypeError(`importEvents: the ${REGISTRY_FILE_NAMES[0]} this import would write does not read back (${back.issues[0]?.message ?? 'entries lost'}); nothing is written`);
  }
  const outputs: [string, string][] = events.map((event) => [`${event.id}.md`, stringifyEvent(event)]);
  if (registryText !== undefined) outputs.push([REGISTRY_FILE_NAMES[0], registryText]);
  for (const [name] of outputs) produced.add(name);
  if (events.length === 0) {
    // Nothing to import: nothing is written, not even the registry.
  } else if (dryRun) {
    for (const [name, text] of outputs) {
      if (writeFileIfChanged(join(out, name), text, true)) written.push(name);
      else unchanged++;
    }
  } else {
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
  }
  if (registryText === undefined) unchanged++;
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
    registry: { file: registryFile, entries: registry.actors.length, added: registry.added, aliasesAdded: registry.aliased, spellings: registry.actors.reduce((n, a) => n + 1 + a.aliases.length, 0) },
    written,
    unchanged,
    strangers,
    issues: loaded.issues,
    emptyPaths: loaded.emptyPaths,
    counts: {
      files: found.length,
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

/** Whether a registry's text reads back as every one of `count` entries, without an error. */
function readsBack(text: string, file: string, count: number): boolean {
  const back = parseActors(text, file);
  return !back.issues.some((i) => i.severity === 'error') && back.actors.length === count;
}
