import type { Issue } from '../model/issue.js';
import { formatOf, parseEvent, type EventFormat } from '../parse/parseEvent.js';
import { stringifyEvent } from '../parse/stringifyEvent.js';
import { fixEvent, type FixEventOptions } from './fixEvent.js';

/** The outcome of {@link fixText}. */
export interface FixTextResult {
  /** The fixed file text; the input itself when the file cannot be read as an event. */
  text: string;
  /** True when `text` differs from the input. */
  changed: boolean;
  /** What was changed: legacy spellings mapped (the reader's warnings) and the fixes applied. */
  changes: string[];
  /** Errors that stop the file being fixed. */
  errors: Issue[];
}

/** Options for {@link fixText}. */
export interface FixTextOptions extends FixEventOptions {
  /** The file name: its extension gives the format. */
  file?: string;
  /** The format; by default taken from the file name, else `md`. */
  format?: EventFormat;
}

/**
 * Applies every safe fix to one event file's text: legacy spellings to the
 * canonical model (read leniently, nothing dropped: unknown keys stay as
 * extra keys), mis-decoded UTF-8 repaired, actor names to the registry's
 * (when given), and the canonical layout of `stringifyEvent`. A file with an
 * error is returned unchanged. Fixing fixed text changes nothing.
 *
 * @param text - the file's text
 * @param options - the file name (for its format), and a registry for actor names
 * @returns the new text and what changed
 *
 * @example
 * ```ts
 * fixText(text, { file: '2025-11-06--x.md' }).changes;
 * // => ['sources[0].outlet: read as publisher', 'summary: repaired mis-decoded UTF-8']
 * ```
 */
export function fixText(text: string, options: FixTextOptions = {}): FixTextResult {
  const format = options.format ?? (options.file !== undefined ? formatOf(options.file) : undefined) ?? 'md';
  const parsed = parseEvent(text, { file: options.file, format, mode: 'lenient' });
  if (!parsed.event) return { text, changed: false, changes: [], errors: parsed.issues.filter((i) => i.severity === 'error') };
  const fixed = fixEvent(parsed.event, options);
  const out = stringifyEvent(fixed.event, { format });
  const mapped = parsed.issues.filter((i) => i.code.startsWith('legacy/') || i.code === 'security/forbidden-key').map((i) => i.message);
  return { text: out, changed: out !== text, changes: [...mapped, ...fixed.changes], errors: [] };
}
