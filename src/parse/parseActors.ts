import * as z from 'zod/mini';
import { ActorSchema, type Actor } from '../model/actor.js';
import { nameKey } from '../model/createActorRegistry.js';
import { createIssue, type Issue } from '../model/issue.js';
import { readJson } from './readJson.js';
import { readYaml } from './readYaml.js';
import { schemaIssue } from './schemaIssue.js';
import { normalizeNewlines } from './text.js';

/** The outcome of {@link parseActors}. */
export interface ParseActorsResult {
  /** The registry entries, when the text is valid. */
  actors: Actor[];
  /** What is wrong with the text. */
  issues: Issue[];
}

const RegistrySchema = z.array(z.omit(ActorSchema, { eventCount: true, firstDate: true, lastDate: true }), { error: 'expected a list of actors' });
// A built actors.json also carries the figures the build derives.
const BuiltRegistrySchema = z.array(ActorSchema, { error: 'expected a list of actors' });

/**
 * Parses an actor registry's text (`seeds/actors.yaml`): a YAML list of
 * `{ id, name, aliases, kind }`, read by the same YAML reader and schema
 * mapping as event files. A file whose name ends in `.json` is a built
 * `actors.json`: a JSON list whose entries may also carry the figures the
 * build derives (`eventCount`, `firstDate`, `lastDate`). Problems come back
 * as issues with their line.
 *
 * @param text - the YAML (or, for a `.json` file, JSON) text
 * @param file - the file name, for the issues and the format
 * @returns the entries and the issues; no entries when any error
 *
 * @example
 * ```ts
 * parseActors('- { id: marco-rubio, name: Marco Rubio, aliases: [], kind: person }\n').actors[0].id;
 * // => 'marco-rubio'
 * ```
 */
export function parseActors(text: string, file?: string): ParseActorsResult {
  const built = file !== undefined && /\.json$/i.test(file);
  const read = (built ? readJson : readYaml)(normalizeNewlines(text), { file, mode: 'strict' });
  if (read.issues.some((i) => i.code === 'yaml/empty')) return { actors: [], issues: [] };
  if (read.issues.length) return { actors: [], issues: read.issues };
  // A file of comments only is an empty registry.
  const parsed = (built ? BuiltRegistrySchema : RegistrySchema).safeParse(read.raw ?? [], { reportInput: true });
  if (!parsed.success) {
    return { actors: [], issues: parsed.error.issues.map((zi) => schemaIssue(zi, { prefix: 'actors', root: 'list', candidate: read.raw, locate: read.locate, file })) };
  }
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined) {
      issues.push(createIssue('error', 'actors/duplicate-id', `[${i}].id: "${a.id}" is already used by entry ${first}`, { file, ...read.locate([i, 'id']), path: `[${i}].id` }));
    }
    seen.set(a.id, i);
  });
  // One spelling names one actor, or a query for it could mean either.
  const spellings = new Map<string, number>();
  parsed.data.forEach((a, i) => {
    [a.name, ...(a.aliases ?? [])].forEach((spelling, j) => {
      const key = nameKey(spelling);
      const first = spellings.get(key);
      const other = first === undefined ? undefined : parsed.data[first]!;
      if (other === undefined) spellings.set(key, i);
      else if (other.id !== a.id) {
        const path = j === 0 ? ['name'] : ['aliases', j - 1];
        const at = j === 0 ? `[${i}].name` : `[${i}].aliases[${j - 1}]`;
        issues.push(createIssue('error', 'actors/spelling', `${at}: "${spelling}" also names ${other.id} (entry ${first}); a spelling names one actor, so keep it on one entry`, { file, ...read.locate([i, ...path]), path: at }));
      }
    });
  });
  // Two entries that share a cross-reference id may be one actor: a suggestion, not an error.
  const holders = new Map<string, number>();
  parsed.data.forEach((a, i) => {
    for (const [scheme, value] of Object.entries(a.ids ?? {})) {
      if (value === undefined) continue;
      const key = `${scheme}\u0000${value}`;
      const first = holders.get(key);
      if (first === undefined) holders.set(key, i);
      else {
        const other = parsed.data[first]!;
        issues.push(createIssue('warning', 'actors/shared-reference', `[${i}].ids.${scheme}: ${a.id} and ${other.id} (entry ${first}) share ${scheme} ${value}; if they are one actor, merge them (the other name becomes an alias)`, { file, ...read.locate([i, 'ids', scheme]), path: `[${i}].ids.${scheme}` }));
      }
    }
  });
  return issues.some((i) => i.severity === 'error') ? { actors: [], issues } : { actors: parsed.data, issues };
}
