import { EVENT_FIELDS, SOURCE_FIELDS, type FieldAlias, type FieldSpelling } from '../model/fieldTable.js';
import { formatPath, isRecord, type FieldPath } from '../model/fieldPath.js';
import type { ReadIssueCode } from '../model/issueCodes.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Says one finding: its code, its message, and the path of the field as the file spells it. */
export type Report = (code: ReadIssueCode, message: string, path: FieldPath) => void;

/**
 * Removes `__proto__`, `constructor` and `prototype` keys at any depth of a
 * value kept in `extra`, so code that later copies it with `Object.assign` or
 * a spread cannot have a prototype replaced. The path is one stack, copied
 * only when a key is reported, so deep values cost linear time.
 */
export function stripForbidden(value: unknown, path: (string | number)[], report: Report): unknown {
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

export const EVENT_KEYS = keyTable(EVENT_FIELDS);
export const SOURCE_KEYS = keyTable(SOURCE_FIELDS);

/**
 * Maps a record's keys to the model's through the field table: canonical
 * keys as they are, a legacy spelling when no earlier spelling is given (with
 * its code), anything else kept in `extra`. Returns the key each model field
 * was read from, for the paths of later issues.
 */
export function mapKeys(
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
 * Moves the `extra` mapping a file gives into the extra values collected
 * from unknown keys. A key given both ways is an error: neither value may
 * silently win. An `extra` that is not a mapping (`extra: 5`, a list) is,
 * leniently, a value like any other the model does not know: kept as
 * `extra.extra`; strictly, the schema refuses it.
 */
export function mergeGivenExtra(out: Record<string, unknown>, extra: Record<string, unknown>, base: FieldPath, lenient: boolean, report: Report): void {
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
