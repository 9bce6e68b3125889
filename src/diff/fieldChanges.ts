import { isRecord } from '../model/fieldPath.js';
import { sameData } from '../model/sameData.js';
import type { FieldChange } from './types.js';

/** The fields that differ between two records; `sources` item by item when both have as many. */
export function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>, skip: ReadonlySet<string>): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.has(k));
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (sameData(x, y)) continue;
    if (key === 'sources' && Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      x.forEach((s, i) => {
        const t = y[i];
        if (isRecord(s) && isRecord(t)) for (const c of fieldChanges(s, t, new Set())) out.push({ ...c, field: `sources[${i}].${c.field}` });
        else if (!sameData(s, t)) out.push({ field: `sources[${i}]`, old: s, new: t });
      });
      continue;
    }
    const change: FieldChange = { field: key };
    if (x !== undefined) change.old = x;
    if (y !== undefined) change.new = y;
    out.push(change);
  }
  return out;
}
