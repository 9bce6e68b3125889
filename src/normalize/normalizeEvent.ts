import { EVENT_STATUSES, type EventStatus } from '../model/event.js';
import { EVENT_FIELDS, SOURCE_FIELDS, fileKeyOf, type FieldAlias, type FieldSpelling } from '../model/fieldTable.js';
import { formatPath, isRecord, type FieldPath, type Locator } from '../model/fieldPath.js';
import { createIssue, type Issue } from '../model/issue.js';
import { severityOf, type ReadIssueCode } from '../model/issueCodes.js';
import { checkMode, type Mode } from '../model/mode.js';
import { isDangerousUrl, isHttpUrl } from '../model/url.js';
import { isIsoPartialDate } from '../model/dates.js';
import { isFileSafeId, isSlug, slugify } from '../model/ids.js';
import { sameTextKey, UNSAFE_TEXT, UNWRITABLE } from '../model/fields.js';

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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const STATUS_SYNONYMS: Record<string, EventStatus> = {
  verified: 'confirmed',
  validated: 'confirmed',
  contested: 'disputed',
  alleged: 'reported',
  ongoing: 'developing',
};

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

type Report = (code: ReadIssueCode, message: string, path: FieldPath) => void;

/**
 * Removes `__proto__`, `constructor` and `prototype` keys at any depth of a
 * value kept in `extra`, so code that later copies it with `Object.assign` or
 * a spread cannot have a prototype replaced. The path is one stack, copied
 * only when a key is reported, so deep values cost linear time.
 */
function stripForbidden(value: unknown, path: (string | number)[], report: Report): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      path.push(i);
      const out = stripForbidden(item, path, report);
      path.pop();
      return out;
    });
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    path.push(key);
    if (FORBIDDEN_KEYS.has(key)) report('security/forbidden-key', `${formatPath(path)}: this key is never read; dropped`, [...path]);
    else out[key] = stripForbidden((value as Record<string, unknown>)[key], path, report);
    path.pop();
  }
  return out;
}

/** Each key a file may use for a field, canonical or legacy, with its field. */
function keyTable(fields: readonly FieldSpelling[]): Map<string, { field: FieldSpelling; alias?: FieldAlias; before: string[] }> {
  const table = new Map<string, { field: FieldSpelling; alias?: FieldAlias; before: string[] }>();
  for (const field of fields) {
    table.set(field.file, { field, before: [] });
    const before = [field.file];
    for (const alias of field.aliases ?? []) {
      table.set(alias.key, { field, alias, before: [...before] });
      before.push(alias.key);
    }
  }
  return table;
}

const EVENT_KEYS = keyTable(EVENT_FIELDS);
const SOURCE_KEYS = keyTable(SOURCE_FIELDS);

const CIRCA = /^(?:c\.|ca\.?|circa|about|approx\.?|approximately)\s*(\d{4}(?:-\d{2})?)$/i;

/**
 * The ways other corpora write a date known less precisely than a day,
 * read into the EDTF subset the model takes, each with its own code:
 * `circa 1976` as `1976~`; `start_date` and `end_date` as a range; and a
 * day with `date_precision: month` (or `year`) as the month (or year).
 * The record is copied, never changed.
 */
function readOtherDates(raw: Record<string, unknown>, report: Report): Record<string, unknown> {
  const { start_date: start, end_date: end, date_precision: precision } = raw;
  if (start === undefined && end === undefined && precision === undefined && !(typeof raw.date === 'string' && CIRCA.test(raw.date.trim()))) return raw;
  const out = { ...raw };
  const text = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined);
  if (typeof out.date === 'string') {
    const circa = CIRCA.exec(out.date.trim());
    if (circa) {
      report('legacy/date-circa', `date: "${out.date}" read as "${circa[1]}~" (about then)`, ['date']);
      out.date = `${circa[1]}~`;
    }
  }
  if ((start !== undefined || end !== undefined) && (out.date === undefined || text(out.date) === text(start))) {
    const from = text(start) ?? text(out.date);
    const to = text(end);
    if (from !== undefined) {
      out.date = to === undefined || to === from ? from : `${from}/${to}`;
      report('legacy/date-range', `start_date and end_date read as date "${out.date}"`, [start !== undefined ? 'start_date' : 'end_date']);
      delete out.start_date;
      delete out.end_date;
    }
  }
  const level = typeof precision === 'string' ? precision.trim().toLowerCase() : undefined;
  const day = text(out.date);
  if ((level === 'year' || level === 'month') && day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day)) {
    out.date = level === 'year' ? day.slice(0, 4) : day.slice(0, 7);
    report('legacy/date-precision', `date: "${day}" with date_precision ${level} read as "${out.date}"`, ['date_precision']);
    delete out.date_precision;
  } else if (level === 'day' && day !== undefined) delete out.date_precision;
  return out;
}

/**
 * Maps a record's keys to the model's through the field table: canonical
 * keys as they are, a legacy spelling when no earlier spelling is given (with
 * its code), anything else kept in `extra`. Returns the key each model field
 * was read from, for the paths of later issues.
 */
function mapKeys(
  raw: Record<string, unknown>,
  table: ReturnType<typeof keyTable>,
  out: Record<string, unknown>,
  keepExtra: (key: string, value: unknown, why: string) => void,
  report: Report,
  base: FieldPath,
  label: string,
  what: string,
  strict: boolean,
): Record<string, string> {
  const from: Record<string, string> = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (FORBIDDEN_KEYS.has(key)) {
      report('security/forbidden-key', `${label}${key}: this key is never read; dropped`, [...base, key]);
      continue;
    }
    const hit = table.get(key);
    if (!hit) keepExtra(key, value, `not a field of the ${what} model`);
    else if (!hit.alias) {
      out[hit.field.model] = value;
      from[hit.field.model] = key;
    } else if (hit.before.some((k) => hasOwn(raw, k))) keepExtra(key, value, `${hit.field.file} is also given`);
    else if (hit.alias.textOnly && typeof value !== 'string') keepExtra(key, value, 'not a link');
    else {
      out[hit.field.model] = value;
      from[hit.field.model] = key;
      report(hit.alias.code, strict ? `${label}${key}: not a field; write ${hit.field.file}` : `${label}${key}: read as ${hit.field.file}`, [...base, key]);
    }
  }
  return from;
}

/**
 * Joins the lines of a text with single spaces: every run of white space
 * that holds a line break becomes one space. Linear in the text (a regular
 * expression such as `\s*\n\s*` backtracks on long runs of spaces).
 */
function joinLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** Reads `June 2024`, `June 9, 2024`, `9 June 2024` as an ISO date; undefined otherwise. */
export function parseProseDate(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = /^([a-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.findIndex((name) => name === m![1] || (m![1]!.length >= 3 && name.startsWith(m![1]!)));
    return month >= 0 ? `${m[2]}-${pad(month + 1)}` : undefined;
  }
  m = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/.exec(t) ?? /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const [name, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const month = MONTHS.findIndex((n) => n === name || (name.length >= 3 && n.startsWith(name)));
    const iso = month >= 0 ? `${m[3]}-${pad(month + 1)}-${pad(Number(day))}` : undefined;
    return iso && isIsoPartialDate(iso) ? iso : undefined;
  }
  return undefined;
}

/**
 * Maps what a file says to the canonical event shape, field by field, through
 * the field table. In lenient mode known legacy spellings are mapped and each
 * mapping is reported as a warning with its own code; in strict mode the same
 * findings are errors. Unknown keys are kept in `extra`, dangerous URLs are
 * always errors, and no missing value is ever invented.
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

  const from = mapKeys(lenient ? readOtherDates(raw, report) : raw, EVENT_KEYS, out, keepExtra, report, [], '', 'event', !lenient);
  mergeGivenExtra(out, extra, [], lenient, report);
  if (lenient && typeof out.id === 'string' && out.id !== '' && !isFileSafeId(out.id) && !UNSAFE_TEXT.test(out.id)) {
    report('identity/unsafe-id', `id: "${out.id}" is not safe as a file name (a /, a \\ or ..); read as it is: import gives the event a safe id and keeps this one in former_ids`, ['id']);
  }
  const name = (key: string) => from[key] ?? fileKeyOf(key);
  const at = (key: string): FieldPath => [name(key)];

  // A YAML block scalar (`summary: |`) ends in the line break YAML adds: it is
  // the format's, not the writer's, so it goes in either mode.
  for (const key of ['summary', 'notes'] as const) {
    const v = out[key];
    if (typeof v === 'string' && v.endsWith('\n')) out[key] = v.replace(/\n+$/, '');
  }

  // `date: 2025` is a year written by hand, which YAML reads as a number:
  // the format's typing, not the writer's, so it goes in either mode.
  if (typeof out.date === 'number' && Number.isInteger(out.date) && out.date >= 1000 && out.date <= 9999) out.date = String(out.date);

  // Optional fields given as null or empty text carry nothing.
  for (const key of ['status', 'location', 'captureLanes', 'notes'] as const) {
    if (hasOwn(out, key) && isEmpty(out[key]) && lenient) {
      delete out[key];
      report('legacy/empty-value', `${name(key)}: empty; dropped`, at(key));
    }
  }

  if (lenient) {
    for (const key of ['id', 'title', 'location'] as const) {
      const v = out[key];
      if (typeof v === 'string' && v.trim() !== v && v.trim() !== '') {
        out[key] = v.trim();
        report('legacy/untrimmed', `${key}: surrounding white space removed`, [key]);
      }
    }
    if (typeof out.title === 'string' && out.title.includes('\n')) {
      out.title = joinLines(out.title);
      report('legacy/untrimmed', 'title: line breaks joined', ['title']);
    }
  }

  // Lists: a lone string is a list of one; duplicates are dropped.
  const list = (key: 'tags' | 'actors' | 'captureLanes', code: ReadIssueCode) => {
    let v = out[key];
    if (typeof v === 'string' && lenient) {
      v = out[key] = [v];
      report('legacy/scalar-list', `${name(key)}: a single value; read as a list`, at(key));
    }
    if (!Array.isArray(v)) return;
    let list: unknown[] = v;
    // Where each item is in the file: dropping an empty one moves the rest.
    let origin = list.map((_, i) => i);
    // An empty item (`- ` alone, or `- #MeToo`, which YAML reads as a comment) holds nothing: dropped, and said.
    if (lenient && list.some((item) => item === null || item === undefined)) {
      list.forEach((item, i) => {
        if (item === null || item === undefined) report('legacy/null-item', `${name(key)}[${i}]: empty; dropped`, [...at(key), i]);
      });
      origin = origin.filter((i) => list[i] !== null && list[i] !== undefined);
      list = origin.map((i) => list[i]);
    }
    const items = list.map((item) => (typeof item === 'string' && lenient ? item.trim() : item));
    if (key === 'tags' && lenient) {
      items.forEach((tag, i) => {
        if (typeof tag === 'string' && !isSlug(tag)) {
          const slug = slugify(tag);
          if (slug) {
            items[i] = slug;
            report('legacy/tag-format', `tags[${origin[i]}]: "${tag}" read as "${slug}"`, ['tags', origin[i]!]);
          }
        }
      });
    }
    if (lenient) {
      const seen = new Set<unknown>();
      const unique: unknown[] = [];
      items.forEach((item, i) => {
        // NFC and NFD spellings, or one with a zero-width space, are one name.
        const same = typeof item === 'string' ? sameTextKey(item) : item;
        if (seen.has(same)) report(code, `${name(key)}[${origin[i]}]: "${String(item)}" is listed twice; dropped`, [...at(key), origin[i]!]);
        else {
          seen.add(same);
          unique.push(item);
        }
      });
      out[key] = unique;
    } else out[key] = items;
  };
  list('tags', 'legacy/duplicate-tag');
  list('actors', 'legacy/duplicate-actor');
  list('captureLanes', 'legacy/duplicate-capture-lane');

  if (!hasOwn(out, 'importance') && lenient) {
    out.importance = null;
    report('legacy/missing-importance', 'importance: missing; read as null (not rated)', ['importance']);
  }

  // What no file can carry as it is (a NUL, half a surrogate pair) becomes
  // U+FFFD, as it would in any file written, and is said.
  if (lenient) {
    for (const key of ['summary', 'notes', 'title', 'location'] as const) {
      const value = out[key];
      if (typeof value === 'string' && UNWRITABLE.test(value)) {
        out[key] = value.replace(new RegExp(UNWRITABLE.source, 'g'), '\ufffd');
        report('legacy/unwritable', `${name(key)}: a NUL or half a surrogate pair, which no file can hold, read as U+FFFD`, [name(key)]);
      }
    }
  }

  if (!hasOwn(out, 'tags') && lenient) {
    out.tags = [];
    report('legacy/missing-tags', 'tags: missing; read as no tags', ['tags']);
  }

  if (!hasOwn(out, 'actors') && lenient) {
    out.actors = [];
    report('legacy/missing-actors', 'actors: missing; read as no actors named', ['actors']);
  }

  if (typeof out.status === 'string') {
    const spelled = out.status.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const status = (EVENT_STATUSES as readonly string[]).includes(spelled) ? (spelled as EventStatus) : STATUS_SYNONYMS[spelled];
    if (status !== out.status) {
      if (status) {
        report('legacy/status', lenient ? `status: "${out.status}" read as "${status}"` : `status: "${out.status}" is not a status; write "${status}"`, ['status']);
        if (lenient) out.status = status;
      } else if (lenient) {
        extra.status = out.status;
        report('legacy/unknown-status', `status: "${out.status}" is not one of ${EVENT_STATUSES.join(', ')}; kept in extra`, ['status']);
        delete out.status;
      }
    }
  }

  if (Array.isArray(out.location) && lenient && out.location.every((x) => typeof x === 'string')) {
    out.location = out.location.join('; ');
    report('legacy/location-list', `location: a list; read as "${String(out.location)}"`, ['location']);
  }

  if (Array.isArray(out.sources)) {
    const sourcesKey = name('sources');
    out.sources = out.sources.map((source, i) => normalizeSource(source, [sourcesKey, i], lenient, report));
  }

  if (Object.keys(extra).length > 0) out.extra = extra;
  return { candidate: out, issues };
}

// A field that is missing is reported at the start of the file.
const START = { line: 1, column: 1 };

/**
 * Moves the `extra` mapping a file gives into the extra values collected
 * from unknown keys. A key given both ways is an error: neither value may
 * silently win. An `extra` that is not a mapping (`extra: 5`, a list) is,
 * leniently, a value like any other the model does not know: kept as
 * `extra.extra`; strictly, the schema refuses it.
 */
function mergeGivenExtra(out: Record<string, unknown>, extra: Record<string, unknown>, base: FieldPath, lenient: boolean, report: Report): void {
  if (!hasOwn(out, 'extra')) return;
  const given = out.extra;
  if (!isRecord(given)) {
    if (!lenient || given === undefined) return; // left in place for the schema to refuse
    const path = [...base, 'extra'];
    if (hasOwn(extra, 'extra')) {
      report('schema/extra', `${formatPath(path)}: not key-value pairs, and an extra key of that name is given too; keep one`, path);
      return;
    }
    delete out.extra;
    extra.extra = stripForbidden(given, path, report);
    report('legacy/extra-key', `${formatPath(path)}: not key-value pairs; kept in extra as extra.extra`, path);
    return;
  }
  delete out.extra;
  for (const key of Object.keys(given)) {
    const path = [...base, 'extra', key];
    if (FORBIDDEN_KEYS.has(key)) report('security/forbidden-key', `${formatPath(path)}: this key is never read; dropped`, path);
    else if (hasOwn(extra, key)) report('schema/extra', `${formatPath(path)}: given both under extra and as a key of its own; keep one`, path);
    else extra[key] = stripForbidden(given[key], path, report);
  }
}

function normalizeSource(source: unknown, path: FieldPath, lenient: boolean, report: Report): unknown {
  const where = (key?: string | number) => (key === undefined ? path : [...path, key]);
  const label = `${String(path[0])}[${String(path[1])}]`;
  if (typeof source === 'string') {
    if (!lenient) return source;
    report('legacy/citation-text', `${label}: plain text; read as a source title`, where());
    return isHttpUrl(source.trim()) ? { url: source.trim() } : { title: source.trim() };
  }
  if (!isRecord(source)) return source;

  const out: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const keep = (key: string, value: unknown, why: string) => {
    extra[key] = stripForbidden(value, [...path, key], report);
    report('legacy/extra-key', lenient ? `${label}.${key}: ${why}; kept in extra` : `${label}.${key}: ${why}; put it under extra`, where(key));
  };
  const from = mapKeys(source, SOURCE_KEYS, out, keep, report, path, `${label}.`, 'source', !lenient);
  mergeGivenExtra(out, extra, path, lenient, report);
  const fileKey = (k: string) => from[k] ?? fileKeyOf(k);

  for (const key of ['url', 'archiveUrl'] as const) {
    let value = out[key];
    if (!hasOwn(out, key)) continue;
    const name = fileKey(key);
    if (lenient && typeof value === 'string' && UNSAFE_TEXT.test(value.trim())) {
      // Percent-encoded, as a browser would send them: kept, and harmless to show.
      value = out[key] = value.trim().replace(new RegExp(UNSAFE_TEXT.source, 'g'), (c) => encodeURIComponent(c));
      report('security/url-control', `${label}.${name}: control or bidirectional characters percent-encoded`, where(name));
    }
    if (isEmpty(value)) {
      if (lenient) {
        delete out[key];
        report('legacy/empty-value', `${label}.${name}: empty; dropped`, where(name));
      }
    } else if (typeof value === 'string' && isDangerousUrl(value)) {
      report('security/dangerous-url', `${label}.${name}: "${value.slice(0, 40)}" uses a scheme that is never allowed in a link`, where(name));
    } else if (typeof value === 'string' && lenient && value.trim() !== value && isHttpUrl(value.trim())) {
      out[key] = value.trim();
      report('legacy/untrimmed', `${label}.${name}: surrounding white space removed`, where(name));
    } else if (typeof value === 'string' && lenient && !isHttpUrl(value)) {
      delete out[key];
      extra[name] = value;
      report('legacy/url-not-a-url', `${label}.${name}: "${value.slice(0, 60)}" is not a web address; kept in extra`, where(name));
    }
  }

  for (const key of ['title', 'publisher'] as const) {
    const value = out[key];
    if (!lenient || !hasOwn(out, key)) continue;
    if (isEmpty(value) && key === 'publisher') {
      delete out[key];
      report('legacy/empty-value', `${label}.${fileKey(key)}: empty; dropped`, where(fileKey(key)));
    } else if (typeof value === 'string' && value.trim() !== value && value.trim() !== '') {
      out[key] = joinLines(value.trim());
      report('legacy/untrimmed', `${label}.${fileKey(key)}: surrounding white space removed`, where(fileKey(key)));
    }
  }

  if (hasOwn(out, 'date') && lenient) {
    const value = out.date;
    if (isEmpty(value)) {
      delete out.date;
      report('legacy/empty-value', `${label}.date: empty; dropped`, where('date'));
    } else if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) {
      out.date = String(value);
      report('legacy/source-date', `${label}.date: the number ${value} read as the year "${value}"`, where('date'));
    } else if (typeof value === 'string' && !isIsoPartialDate(value)) {
      const iso = parseProseDate(value);
      if (iso) {
        out.date = iso;
        report('legacy/source-date', `${label}.date: "${value}" read as "${iso}"`, where('date'));
      } else {
        delete out.date;
        extra.date = value;
        report('legacy/source-date', `${label}.date: "${value}" is not a date at any precision; kept in extra`, where('date'));
      }
    }
  }

  if (hasOwn(out, 'tier') && lenient) {
    const value = out.tier;
    if (value === null) {
      delete out.tier;
      report('legacy/empty-value', `${label}.tier: empty; dropped`, where('tier'));
    } else if (typeof value === 'string' && /^[1-3]$/.test(value.trim())) {
      out.tier = Number(value.trim());
      report('legacy/tier-text', `${label}.tier: the text "${value}" read as ${out.tier}`, where('tier'));
    }
  }

  if (Object.keys(extra).length > 0) out.extra = extra;
  return out;
}
