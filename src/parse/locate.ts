import type { Position } from '../model/fieldPath.js';
import { positionAt } from './text.js';

/**
 * Where an event file writes its `id`, found cheaply: the first line that
 * starts with `id:` in YAML and Markdown (before the body), the first `"id":`
 * in JSON; the cost is the distance to it. For the loader's identity issues.
 *
 * @param text - the file's text
 * @param format - `md`, `yaml` or `json`
 * @returns the position of the id's value, or undefined
 */
export function locateId(text: string, format: 'md' | 'yaml' | 'json'): Position | undefined {
  const match = format === 'json' ? /"id"[ \t\r\n]*:[ \t\r\n]*/.exec(text) : /^id[ \t]*:[ \t]*/m.exec(text);
  return match ? positionAt(text, match.index + match[0].length) : undefined;
}
