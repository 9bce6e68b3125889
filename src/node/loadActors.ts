import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { ActorSchema, type Actor } from '../model/actor.js';
import type { Issue } from '../model/issue.js';
import { formatPath, yamlLocator } from '../parse/locate.js';
import { loadYaml } from '../parse/yaml.js';
import { normalizeNewlines } from '../parse/text.js';

/** The outcome of {@link loadActors}. */
export interface LoadActorsResult {
  /** The registry entries, when the file is valid. */
  actors: Actor[];
  /** What is wrong with the file. */
  issues: Issue[];
}

const RegistrySchema = z.array(ActorSchema.omit({ eventCount: true, firstDate: true, lastDate: true }));

/**
 * Reads an actor registry (`seeds/actors.yaml`): a YAML list of `{ id, name,
 * aliases, kind }`. Problems come back as issues with their line.
 *
 * @param file - the YAML file
 * @returns the entries and the issues; no entries when any error
 *
 * @example
 * ```ts
 * (await loadActors('seeds/actors.yaml')).actors.map((a) => a.id);
 * // => ['donald-trump', 'kassym-jomart-tokayev', 'marco-rubio']
 * ```
 */
export async function loadActors(file: string): Promise<LoadActorsResult> {
  let text: string;
  try {
    text = normalizeNewlines(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { actors: [], issues: [{ severity: 'error', code: 'file/read', message: `could not be read${code ? ` (${code})` : ''}`, file }] };
  }
  const yaml = loadYaml(text);
  const issues: Issue[] = yaml.problems.map((p) => ({ severity: 'error', code: p.code, message: p.message, file, ...(p.line !== undefined ? { line: p.line + 1, column: (p.column ?? 0) + 1 } : {}) }));
  if (issues.length) return { actors: [], issues };
  const parsed = RegistrySchema.safeParse(yaml.value ?? [], { reportInput: true });
  if (!parsed.success) {
    const locate = yamlLocator(text);
    for (const zi of parsed.error.issues) {
      const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
      const at = locate(path);
      issues.push({ severity: 'error', code: `actors/${path.filter((p) => typeof p === 'string').join('.') || 'list'}`, message: `${formatPath(path) || 'actors'}: ${zi.message}`, file, ...(at ?? { line: 1, column: 1 }), path: formatPath(path) });
    }
    return { actors: [], issues };
  }
  const seen = new Map<string, number>();
  parsed.data.forEach((a, i) => {
    if (seen.has(a.id)) {
      const at = yamlLocator(text)([i, 'id']);
      issues.push({ severity: 'error', code: 'actors/duplicate-id', message: `[${i}].id: "${a.id}" is already used by entry ${seen.get(a.id)}`, file, ...(at ?? {}), path: `[${i}].id` });
    }
    seen.set(a.id, i);
  });
  return issues.length ? { actors: [], issues } : { actors: parsed.data, issues };
}
