import { EVENT_STATUSES, type EventStatus } from '../model/event.js';
import { isDangerousUrl, isHttpUrl } from '../model/url.js';
import { isIsoPartialDate } from '../model/dates.js';
import { isSlug, slugify } from '../model/ids.js';
import type { Severity } from '../model/issue.js';
import { formatPath, type FieldPath } from '../parse/locate.js';

/** How a file is read: the canonical model only, or legacy spellings too. */
export type Mode = 'strict' | 'lenient';

/** A problem found while normalizing, located by its field path in the file. */
export interface NormalizeIssue {
  /** error or warning. */
  severity: Severity;
  /** A stable code. */
  code: string;
  /** What happened. */
  message: string;
  /** The field as the file spells it. */
  path: FieldPath;
}

/** The outcome of {@link normalizeEvent}: a candidate for the schema and what was changed. */
export interface NormalizeResult {
  /** Canonical keys, ready for schema validation. */
  candidate: Record<string, unknown>;
  /** Each mapping, drop or refusal. */
  issues: NormalizeIssue[];
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

/** A plain key-value object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Removes `__proto__`, `constructor` and `prototype` keys at any depth of a
 * value kept in `extra`, so code that later copies it with `Object.assign` or
 * a spread cannot have a prototype replaced.
 */
function stripForbidden(
  value: unknown,
  path: FieldPath,
  report: (severity: Severity, code: string, message: string, path: FieldPath) => void,
  severity: Severity,
): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => stripForbidden(item, [...path, i], report, severity));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      report(severity, 'security/forbidden-key', `${formatPath([...path, key])}: this key is never read; dropped`, [...path, key]);
    } else out[key] = stripForbidden((value as Record<string, unknown>)[key], [...path, key], report, severity);
  }
  return out;
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
 * Maps what a file says to the canonical event shape, field by field. In
 * lenient mode known legacy spellings are mapped and each mapping is reported
 * as a warning with its own code; in strict mode the same findings are
 * errors. Unknown keys are kept in `extra`, dangerous URLs are always errors,
 * and no missing value is ever invented.
 *
 * @param raw - the parsed file (front matter, or the whole YAML/JSON object)
 * @param mode - `strict` or `lenient`
 * @returns the candidate for schema validation and the issues found
 *
 * @example
 * ```ts
 * normalizeEvent({ sources: [{ title: 'A', outlet: 'NPR' }] }, 'lenient').candidate.sources;
 * // => [{ title: 'A', publisher: 'NPR' }]
 * ```
 */
export function normalizeEvent(raw: Record<string, unknown>, mode: Mode): NormalizeResult {
  const issues: NormalizeIssue[] = [];
  const legacy: Severity = mode === 'strict' ? 'error' : 'warning';
  const lenient = mode === 'lenient';
  const report = (severity: Severity, code: string, message: string, path: FieldPath) => {
    issues.push({ severity, code, message, path });
  };
  const out: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};

  // Forbidden keys are dropped before anything reaches extra, so a plain
  // assignment here can never touch a prototype.
  const setExtra = (target: Record<string, unknown>, key: string, value: unknown) => {
    target[key] = value;
  };

  const keepExtra = (key: string, value: unknown, why: string) => {
    setExtra(extra, key, stripForbidden(value, [key], report, legacy));
    report(legacy, 'legacy/extra-key', `${key}: ${why}; kept in extra`, [key]);
  };

  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (FORBIDDEN_KEYS.has(key)) {
      report(legacy, 'security/forbidden-key', `${key}: this key is never read; dropped`, [key]);
      continue;
    }
    switch (key) {
      case 'id':
      case 'date':
      case 'title':
      case 'summary':
      case 'importance':
      case 'tags':
      case 'actors':
      case 'sources':
      case 'status':
      case 'location':
      case 'notes':
        out[key] = value;
        break;
      case 'capture_lanes':
        out.captureLanes = value;
        break;
      case 'captureLanes':
      case 'capture_lane':
        if (hasOwn(raw, 'capture_lanes') || (key === 'capture_lane' && hasOwn(raw, 'captureLanes'))) {
          keepExtra(key, value, 'capture_lanes is also given');
        } else {
          out.captureLanes = value;
          report(legacy, 'legacy/capture-lane', `${key}: read as capture_lanes`, [key]);
        }
        break;
      case 'citations':
        if (hasOwn(raw, 'sources')) keepExtra(key, value, 'sources is also given');
        else {
          out.sources = value;
          report(legacy, 'legacy/citations', 'citations: read as sources', [key]);
        }
        break;
      default:
        keepExtra(key, value, 'not a field of the event model');
    }
  }

  const fileKey: Record<string, string> = { captureLanes: hasOwn(raw, 'capture_lanes') ? 'capture_lanes' : hasOwn(raw, 'captureLanes') ? 'captureLanes' : 'capture_lane', sources: hasOwn(out, 'sources') && !hasOwn(raw, 'sources') ? 'citations' : 'sources' };
  const at = (key: string): FieldPath => [fileKey[key] ?? key];

  // Optional fields given as null or empty text carry nothing.
  for (const key of ['status', 'location', 'captureLanes', 'notes'] as const) {
    if (hasOwn(out, key) && isEmpty(out[key])) {
      if (lenient) {
        delete out[key];
        report('warning', 'legacy/empty-value', `${fileKey[key] ?? key}: empty; dropped`, at(key));
      }
    }
  }

  if (lenient) {
    for (const key of ['id', 'title', 'location'] as const) {
      const v = out[key];
      if (typeof v === 'string' && v.trim() !== v && v.trim() !== '') {
        out[key] = v.trim();
        report('warning', 'legacy/untrimmed', `${key}: surrounding white space removed`, [key]);
      }
    }
    if (typeof out.title === 'string' && out.title.includes('\n')) {
      out.title = joinLines(out.title);
      report('warning', 'legacy/untrimmed', 'title: line breaks joined', ['title']);
    }
  }

  // Lists: a lone string is a list of one; duplicates are dropped.
  const list = (key: 'tags' | 'actors' | 'captureLanes', code: string) => {
    let v = out[key];
    if (typeof v === 'string' && lenient) {
      v = out[key] = [v];
      report('warning', 'legacy/scalar-list', `${fileKey[key] ?? key}: a single value; read as a list`, at(key));
    }
    if (!Array.isArray(v)) return;
    const items = v.map((item) => (typeof item === 'string' && lenient ? item.trim() : item));
    if (key === 'tags' && lenient) {
      items.forEach((tag, i) => {
        if (typeof tag === 'string' && !isSlug(tag)) {
          const slug = slugify(tag);
          if (slug) {
            items[i] = slug;
            report('warning', 'legacy/tag-format', `tags[${i}]: "${tag}" read as "${slug}"`, ['tags', i]);
          }
        }
      });
    }
    if (lenient) {
      const seen = new Set<unknown>();
      const unique: unknown[] = [];
      items.forEach((item, i) => {
        if (seen.has(item)) report('warning', code, `${fileKey[key] ?? key}[${i}]: "${String(item)}" is listed twice; dropped`, [...at(key), i]);
        else {
          seen.add(item);
          unique.push(item);
        }
      });
      out[key] = unique;
    } else out[key] = items;
  };
  list('tags', 'legacy/duplicate-tag');
  list('actors', 'legacy/duplicate-actor');
  list('captureLanes', 'legacy/duplicate-capture-lane');

  if (!hasOwn(out, 'actors')) {
    if (lenient) {
      out.actors = [];
      report('warning', 'legacy/missing-actors', 'actors: missing; read as no actors named', ['actors']);
    }
  }

  if (typeof out.status === 'string') {
    const spelled = out.status.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const status = (EVENT_STATUSES as readonly string[]).includes(spelled) ? (spelled as EventStatus) : STATUS_SYNONYMS[spelled];
    if (status !== out.status) {
      if (status) {
        report(legacy, 'legacy/status', `status: "${out.status}" read as "${status}"`, ['status']);
        if (lenient) out.status = status;
      } else if (lenient) {
        setExtra(extra, 'status', out.status);
        report('warning', 'legacy/unknown-status', `status: "${out.status}" is not one of ${EVENT_STATUSES.join(', ')}; kept in extra`, ['status']);
        delete out.status;
      }
    }
  }

  if (Array.isArray(out.location) && lenient && out.location.every((x) => typeof x === 'string')) {
    out.location = out.location.join('; ');
    report('warning', 'legacy/location-list', `location: a list; read as "${String(out.location)}"`, ['location']);
  }

  if (Array.isArray(out.sources)) {
    const sourcesKey = fileKey.sources!;
    out.sources = out.sources.map((source, i) => normalizeSource(source, [sourcesKey, i], mode, report));
  }

  if (Object.keys(extra).length > 0) out.extra = extra;
  return { candidate: out, issues };
}

function normalizeSource(
  source: unknown,
  path: FieldPath,
  mode: Mode,
  report: (severity: Severity, code: string, message: string, path: FieldPath) => void,
): unknown {
  const lenient = mode === 'lenient';
  const legacy: Severity = lenient ? 'warning' : 'error';
  const where = (key?: string | number) => (key === undefined ? path : [...path, key]);
  const label = `${String(path[0])}[${String(path[1])}]`;
  if (typeof source === 'string') {
    if (!lenient) return source;
    report('warning', 'legacy/citation-text', `${label}: plain text; read as a source title`, where());
    return isHttpUrl(source.trim()) ? { url: source.trim() } : { title: source.trim() };
  }
  if (!isRecord(source)) return source;

  const out: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const setExtra = (key: string, value: unknown) => {
    extra[key] = value;
  };
  const keep = (key: string, value: unknown, why: string) => {
    setExtra(key, stripForbidden(value, where(key), report, legacy));
    report(legacy, 'legacy/extra-key', `${label}.${key}: ${why}; kept in extra`, where(key));
  };
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (FORBIDDEN_KEYS.has(key)) {
      report(legacy, 'security/forbidden-key', `${label}.${key}: this key is never read; dropped`, where(key));
      continue;
    }
    switch (key) {
      case 'title':
      case 'url':
      case 'publisher':
      case 'date':
      case 'tier':
        out[key] = value;
        break;
      case 'archive_url':
        out.archiveUrl = value;
        break;
      case 'outlet':
        if (hasOwn(source, 'publisher')) keep(key, value, 'publisher is also given');
        else {
          out.publisher = value;
          report(legacy, 'legacy/outlet', `${label}.outlet: read as publisher`, where(key));
        }
        break;
      case 'archiveUrl':
      case 'archived':
        if (hasOwn(source, 'archive_url') || (key === 'archived' && hasOwn(source, 'archiveUrl'))) {
          keep(key, value, 'archive_url is also given');
        } else if (typeof value !== 'string') {
          keep(key, value, 'not a link');
        } else {
          out.archiveUrl = value;
          report(legacy, key === 'archived' ? 'legacy/archived' : 'legacy/key-spelling', `${label}.${key}: read as archive_url`, where(key));
        }
        break;
      default:
        keep(key, value, 'not a field of the source model');
    }
  }
  const fileKey = (k: string) => (k === 'archiveUrl' ? (hasOwn(source, 'archive_url') ? 'archive_url' : hasOwn(source, 'archiveUrl') ? 'archiveUrl' : 'archived') : k === 'publisher' && !hasOwn(source, 'publisher') ? 'outlet' : k);

  for (const key of ['url', 'archiveUrl'] as const) {
    const value = out[key];
    if (!hasOwn(out, key)) continue;
    const name = fileKey(key);
    if (isEmpty(value)) {
      if (lenient) {
        delete out[key];
        report('warning', 'legacy/empty-value', `${label}.${name}: empty; dropped`, where(name));
      }
    } else if (typeof value === 'string' && isDangerousUrl(value)) {
      report('error', 'security/dangerous-url', `${label}.${name}: "${value.slice(0, 40)}" uses a scheme that is never allowed in a link`, where(name));
    } else if (typeof value === 'string' && lenient && value.trim() !== value && isHttpUrl(value.trim())) {
      out[key] = value.trim();
      report('warning', 'legacy/untrimmed', `${label}.${name}: surrounding white space removed`, where(name));
    } else if (typeof value === 'string' && lenient && !isHttpUrl(value)) {
      delete out[key];
      setExtra(name, value);
      report('warning', 'legacy/url-not-a-url', `${label}.${name}: "${value.slice(0, 60)}" is not a web address; kept in extra`, where(name));
    }
  }

  for (const key of ['title', 'publisher'] as const) {
    const value = out[key];
    if (!lenient || !hasOwn(out, key)) continue;
    if (isEmpty(value) && key === 'publisher') {
      delete out[key];
      report('warning', 'legacy/empty-value', `${label}.${fileKey(key)}: empty; dropped`, where(fileKey(key)));
    } else if (typeof value === 'string' && value.trim() !== value && value.trim() !== '') {
      out[key] = joinLines(value.trim());
      report('warning', 'legacy/untrimmed', `${label}.${fileKey(key)}: surrounding white space removed`, where(fileKey(key)));
    }
  }

  if (hasOwn(out, 'date') && lenient) {
    const value = out.date;
    if (isEmpty(value)) {
      delete out.date;
      report('warning', 'legacy/empty-value', `${label}.date: empty; dropped`, where('date'));
    } else if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) {
      out.date = String(value);
      report('warning', 'legacy/source-date', `${label}.date: the number ${value} read as the year "${value}"`, where('date'));
    } else if (typeof value === 'string' && !isIsoPartialDate(value)) {
      const iso = parseProseDate(value);
      if (iso) {
        out.date = iso;
        report('warning', 'legacy/source-date', `${label}.date: "${value}" read as "${iso}"`, where('date'));
      } else {
        delete out.date;
        setExtra('date', value);
        report('warning', 'legacy/source-date', `${label}.date: "${value}" is not a date at any precision; kept in extra`, where('date'));
      }
    }
  }

  if (hasOwn(out, 'tier') && lenient) {
    const value = out.tier;
    if (value === null) {
      delete out.tier;
      report('warning', 'legacy/empty-value', `${label}.tier: empty; dropped`, where('tier'));
    } else if (typeof value === 'string' && /^[1-3]$/.test(value.trim())) {
      out.tier = Number(value.trim());
      report('warning', 'legacy/tier-text', `${label}.tier: the text "${value}" read as ${out.tier}`, where('tier'));
    }
  }

  if (Object.keys(extra).length > 0) out.extra = extra;
  return out;
}
