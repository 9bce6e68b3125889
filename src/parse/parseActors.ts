import * as z from 'zod';
import { ActorSchema, type Actor } from '../model/actor.js';
import type { Issue } from '../model/issue.js';
import { formatPath, yamlLocator } from './locate.js';
import { normalizeNewlines } from './text.js';
import { loadYaml } from './yaml.js';

/** The outcome of {@link parseActors}. */
export interface ParseActorsResult {
  /** The registry entries, when the text is valid. */
  actors: Actor[];
  /** What is wrong with the text. */
  issues: Issue[];
}

const RegistrySchema = z.array(ActorSchema.omit({ eventCount: true, firstDate: true, lastDate: true }));

/**
 * Parses an actor registry's text (`seeds/actors.yaml`): a YAML list of
 * `{ id, name, aliases, kind }`. Problems come back as issues with their line.
 *
 * @param text - the YAML text
 * @param file - the file name, for the issues
 * @returns the entries and the issues; no entries when any error
 *
 * @example
 * ```ts
 * parseActors('- { id: marco-rubio, name: Marco Rubio, aliases: [], kind: person }\n').actors[0].id;
 * // => 'marco-rubio'
 * ```
 */
export function parseActors(text: string, file?: string): ParseActorsResult {
  const source = normalizeNewlines(text);
  const where = file === undefined ? {} : { file };
  const yaml = loadYaml(source);
  const issues: Issue[] = yaml.problems.map((p) => ({ severity: 'error', code: p.code, message: p.message, ...where, ...(p.line !== undefined ? { line: p.line + 1, column: (p.column ?? 0) + 1 } : {}) }));
  if (issues.length) return { actors: [], issues };
  const parsed = RegistrySchema.safeParse(yaml.value ?? [], { reportInput: true });
  const locate = yamlLocator(source);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
      const at = locate(path);
      issues.push({ severity: 'error', code: `actors/${path.filter((p) => typeof p === 'string').join('.') || 'list'}`, message: `${formatPath(path) || 'actors'}: ${zi.message}`, ...where, ...(at ?? { line: 1, column: 1 }), path: formatPath(path) });
    }
    return { actors: [], issues };
  }
  const seen = new Map<string, number>();
  parsed.data.forEach((a, i) => {
    if (seen.has(a.id)) {
      const at = locate([i, 'id']);
      issues.push({ severity: 'error', code: 'actors/duplicate-id', message: `[${i}].id: "${a.id}" is already used by entry ${seen.get(a.id)}`, ...where, ...(at ?? {}), path: `[${i}].id` });
    }
    seen.set(a.id, i);
  });
  return issues.length ? { actors: [], issues } : { actors: parsed.data, issues };
}
