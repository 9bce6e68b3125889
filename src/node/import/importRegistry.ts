import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../model/actor.js';
import { createActorRegistry, nameKey } from '../../model/createActorRegistry.js';
import type { Event } from '../../model/event.js';
import { slugify } from '../../model/ids.js';
import type { Issue } from '../../model/issue.js';
import { displayName, groupActorSpellings } from '../../lint/groupActorSpellings.js';
import { parseActors } from '../../parse/parseActors.js';
import { dumpYaml } from '../../parse/yaml.js';
import { loadActors } from '../load/loadActors.js';
import { REGISTRY_FILE_NAMES } from '../load/registryFile.js';

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

/** Whether a registry's text reads back as every one of `count` entries, without an error. */
function readsBack(text: string, file: string, count: number): boolean {
  const back = parseActors(text, file);
  return !back.issues.some((i) => i.severity === 'error') && back.actors.length === count;
}

/** The registry an import writes beside its seeds: its file, its entries, what it adds, and its text (undefined: the file is already right). */
export interface ImportedRegistry {
  file: string;
  actors: Actor[];
  added: number;
  aliased: number;
  text: string | undefined;
}

/**
 * The registry beside the seeds, merged into the one already there, or
 * started from the one named: ids an earlier release gave stay. New entries
 * only are appended to the file as it is, its comments and layout kept;
 * new aliases of existing entries make the file written anew, every
 * entry's values kept. What import writes, the same version reads: the
 * text is read back before it is given.
 */
export async function importRegistry(out: string, named: string | undefined, events: Event[]): Promise<ImportedRegistry> {
  const file = join(out, REGISTRY_FILE_NAMES[0]);
  const exists = statSync(file, { throwIfNoEntry: false }) !== undefined;
  if (exists && named !== undefined) throw new TypeError(`importEvents: ${out} already holds ${REGISTRY_FILE_NAMES[0]}, which is kept and added to; name no other registry, or import into a new folder`);
  const base = exists ? file : named;
  const current = base !== undefined ? await loadActors(base) : { actors: [] as Actor[], issues: [] as Issue[], text: undefined };
  if (current.issues.some((i) => i.severity === 'error')) {
    throw new TypeError(`importEvents: ${base} cannot be used; fix it first (${current.issues.map((i) => `${i.line ?? ''}${i.line ? ': ' : ''}${i.message}`).join('; ')})`);
  }
  // A built actors.json carries figures the build derives; a registry keeps only what a maintainer writes.
  const startFrom = current.actors.map(({ eventCount: _count, firstDate: _first, lastDate: _last, ...actor }) => actor);
  const registry = buildRegistry(startFrom, events);
  let text: string | undefined;
  if (!exists || registry.aliased > 0) text = dumpYaml(registry.actors);
  else if (registry.added > 0) {
    const before = current.text ?? '';
    text = `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${dumpYaml(registry.actors.slice(current.actors.length))}`;
    // A file that is not a block list (`[]`, a flow list) takes no appended
    // entries: it is written anew, every entry's values kept.
    if (!readsBack(text, file, registry.actors.length)) text = dumpYaml(registry.actors);
  }
  if (text !== undefined && !readsBack(text, file, registry.actors.length)) {
    const back = parseActors(text, file);
    throw new TypeError(`importEvents: the ${REGISTRY_FILE_NAMES[0]} this import would write does not read back (${back.issues[0]?.message ?? 'entries lost'}); nothing is written`);
  }
  return { file, ...registry, text };
}
