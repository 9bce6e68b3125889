import type { Event } from '../../model/event.js';
import { findMojibake } from '../../parse/mojibake.js';
import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** Every text field of an event with its path. */
export function textFields(event: Event): [string, string][] {
  const out: [string, string][] = [['title', event.title], ['summary', event.summary]];
  event.tags.forEach((t, i) => out.push([`tags[${i}]`, t]));
  event.actors.forEach((a, i) => out.push([`actors[${i}]`, a]));
  if (event.location) out.push(['location', event.location]);
  if (event.notes) out.push(['notes', event.notes]);
  event.captureLanes?.forEach((l, i) => out.push([`captureLanes[${i}]`, l]));
  event.sources.forEach((s, i) => {
    out.push([`sources[${i}].title`, s.title]);
    if (s.publisher) out.push([`sources[${i}].publisher`, s.publisher]);
  });
  return out;
}

/** UTF-8 text decoded as Windows-1252 (`â€”` for `—`): repaired exactly by fix. */
export const mojibakeRule: LintRule = {
  code: 'lint/mojibake',
  severity: 'warning',
  description: 'Text that is UTF-8 read as Windows-1252 or Latin-1 (â€” for —, Ã© for é). Run fix to repair it exactly.',
  check(entry) {
    const out = [];
    for (const [path, text] of textFields(entry.event)) {
      const runs = findMojibake(text);
      if (runs.length) {
        out.push(
          finding(this, entry, `${path}: "${runs[0]!.found}" should read "${runs[0]!.repaired}"${runs.length > 1 ? ` (${runs.length} places)` : ''}; run fix`, {
            path,
            fixable: true,
          }),
        );
      }
    }
    return out;
  },
};
