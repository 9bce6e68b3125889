import { fileKeyOf } from '../model/fieldTable.js';
import { formatPath, type FieldPath, type Locator } from '../model/fieldPath.js';
import { createIssue, type Issue } from '../model/issue.js';
import { severityOf } from '../model/issueCodes.js';
import { checkMode, type Mode } from '../model/mode.js';
import { EVENT_STEPS, type EventDraft } from './eventSteps.js';
import { EVENT_KEYS, mapKeys, mergeGivenExtra, stripForbidden, type Report } from './keys.js';
import { readOtherDates } from './otherDates.js';

export { EVENT_STEPS, type EventDraft, type NormalizeStep } from './eventSteps.js';
export { parseProseDate } from './text.js';

/** Options for {@link normalizeEvent}. */
export interface NormalizeEventOptions {
  /** `strict` or `lenient`. Default `strict`. */
  mode?: Mode;
  /** The file, named in each issue. */
  file?: string;
  /** Where a field is written, so each issue gets its line; without one, issues have no position. */
  locate?: Locator;
}

/** The outcome of {@link normalizeEvent}: a candidate for the schema and what was changed. */
export interface NormalizeEventResult {
  /** Canonical keys, ready for schema validation. */
  candidate: Record<string, unknown>;
  /** Each mapping, drop or refusal, with the field as the file spells it. */
  issues: Issue[];
}

// A field that is missing is reported at the start of the file.
const START = { line: 1, column: 1 };

/**
 * Maps what a file says to the canonical event shape, field by field, through
 * the field table. In lenient mode known legacy spellings are mapped and each
 * mapping is reported as a warning with its own code; in strict mode the same
 * findings are errors. Unknown keys are kept in `extra`, dangerous URLs are
 * always errors, and no missing value is ever invented. The steps after
 * the keys are mapped are `EVENT_STEPS` (normalize/eventSteps.ts), each saying the modes it
 * runs in.
 *
 * @param raw - the parsed file (front matter, or the whole YAML/JSON object)
 * @param options - the mode (or just the mode), the file and a locator for the issues
 * @returns the candidate for schema validation and the issues found
 *
 * @example
 * ```ts
 * normalizeEvent({ sources: [{ title: 'A', outlet: 'NPR' }] }, 'lenient').candidate.sources;
 * // => [{ title: 'A', publisher: 'NPR' }]
 * ```
 */
export function normalizeEvent(raw: Record<string, unknown>, options: Mode | NormalizeEventOptions = {}): NormalizeEventResult {
  const { mode: given, file, locate } = typeof options === 'string' ? { mode: options } : options;
  const mode = checkMode(given, 'normalizeEvent');
  const issues: Issue[] = [];
  const lenient = mode === 'lenient';
  const report: Report = (code, message, path) => {
    const at = locate ? (locate(path) ?? START) : undefined;
    issues.push(createIssue(severityOf(code, mode), code, message, { file, line: at?.line, column: at?.column, path: formatPath(path) }));
  };
  const out: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};

  // Forbidden keys are dropped before anything reaches extra, so a plain
  // assignment here can never touch a prototype.
  const keepExtra = (key: string, value: unknown, why: string) => {
    extra[key] = stripForbidden(value, [key], report);
    report('legacy/extra-key', lenient ? `${key}: ${why}; kept in extra` : `${key}: ${why}; put it under extra`, [key]);
  };
  // Other corpora's date notations are read (leniently) before the keys are mapped: start_date and end_date are keys of their own.
  const from = mapKeys(lenient ? readOtherDates(raw, report) : raw, EVENT_KEYS, out, keepExtra, report, [], '', 'event', !lenient);
  mergeGivenExtra(out, extra, [], lenient, report);
  const name = (key: string) => from[key] ?? fileKeyOf(key);
  const draft: EventDraft = { out, extra, lenient, report, name, at: (key): FieldPath => [name(key)] };
  for (const step of EVENT_STEPS) if (lenient || !step.lenientOnly) step.run(draft);
  if (Object.keys(extra).length > 0) out.extra = extra;
  return { candidate: out, issues };
}
