import { isIsoPartialDate } from '../model/dates.js';
import { fileKeyOf } from '../model/fieldTable.js';
import { isRecord, type FieldPath } from '../model/fieldPath.js';
import { UNSAFE_TEXT } from '../model/fields.js';
import { isDangerousUrl, isHttpUrl } from '../model/url.js';
import { hasOwn, isEmpty, mapKeys, mergeGivenExtra, SOURCE_KEYS, stripForbidden, type Report } from './keys.js';
import { joinLines, parseProseDate } from './text.js';

/** One source being normalised: its fields so far, what goes to its `extra`, and how to name and report a field. */
interface SourceDraft {
  out: Record<string, unknown>;
  extra: Record<string, unknown>;
  lenient: boolean;
  report: Report;
  /** `sources[2]`, for messages. */
  label: string;
  /** The key a model field was read from. */
  fileKey(key: string): string;
  /** The path of a key of this source. */
  where(key?: string | number): FieldPath;
}

/** The links: control characters encoded, dangerous schemes refused (in both modes), empty ones dropped, text that is no address kept in extra. */
function links({ out, extra, lenient, report, label, fileKey, where }: SourceDraft): void {
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
}

/** Title and publisher: trimmed, lines joined; an empty publisher dropped. Lenient only. */
function names({ out, report, label, fileKey, where }: SourceDraft): void {
  for (const key of ['title', 'publisher'] as const) {
    const value = out[key];
    if (!hasOwn(out, key)) continue;
    if (isEmpty(value) && key === 'publisher') {
      delete out[key];
      report('legacy/empty-value', `${label}.${fileKey(key)}: empty; dropped`, where(fileKey(key)));
    } else if (typeof value === 'string' && value.trim() !== value && value.trim() !== '') {
      out[key] = joinLines(value.trim());
      report('legacy/untrimmed', `${label}.${fileKey(key)}: surrounding white space removed`, where(fileKey(key)));
    }
  }
}

/** The date: a year written as a number, or prose (`June 9, 2024`), read as ISO; anything else kept in extra. Lenient only. */
function sourceDate({ out, extra, report, label, where }: SourceDraft): void {
  if (!hasOwn(out, 'date')) return;
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

/** The tier: an empty one dropped, `"2"` read as 2. Lenient only. */
function tier({ out, report, label, where }: SourceDraft): void {
  if (!hasOwn(out, 'tier')) return;
  const value = out.tier;
  if (value === null) {
    delete out.tier;
    report('legacy/empty-value', `${label}.tier: empty; dropped`, where('tier'));
  } else if (typeof value === 'string' && /^[1-3]$/.test(value.trim())) {
    out.tier = Number(value.trim());
    report('legacy/tier-text', `${label}.tier: the text "${value}" read as ${out.tier}`, where('tier'));
  }
}

/** The steps a source's fields go through after its keys are mapped, in order, each with the modes it runs in. */
const SOURCE_STEPS: readonly { name: string; lenientOnly: boolean; run(draft: SourceDraft): void }[] = [
  { name: 'links', lenientOnly: false, run: links },
  { name: 'title and publisher', lenientOnly: true, run: names },
  { name: 'date', lenientOnly: true, run: sourceDate },
  { name: 'tier', lenientOnly: true, run: tier },
];

/**
 * One source as the model spells it: a bare link or text (lenient) as a
 * source, keys mapped through the field table, then each of
 * {@link SOURCE_STEPS} that runs in the mode.
 */
export function normalizeSource(source: unknown, path: FieldPath, lenient: boolean, report: Report): unknown {
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
  const draft: SourceDraft = { out, extra, lenient, report, label, fileKey: (k) => from[k] ?? fileKeyOf(k), where };
  for (const step of SOURCE_STEPS) if (lenient || !step.lenientOnly) step.run(draft);
  if (Object.keys(extra).length > 0) out.extra = extra;
  return out;
}
