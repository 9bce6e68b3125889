import type { DatasetDiff } from './types.js';

/**
 * The differences as Markdown, for a release's CHANGELOG section.
 *
 * @param diff - what `diffDatasets` gave
 * @returns Markdown, ending with a newline; empty when nothing changed
 *
 * @example
 * ```ts
 * diffToMarkdown(diffDatasets({ events: [] }, { events: [{ ...event, id: '2025-11-06--x', title: 'The title' }] }));
 * // => '### Data\n\n- Added 1 event:\n  - `2025-11-06--x`: The title\n'
 * ```
 */
export function diffToMarkdown(diff: DatasetDiff): string {
  const { events, actors } = diff;
  const lines: string[] = [];
  const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
  const code = (id: string) => `\`${id}\``;
  if (events.added.length) lines.push(`- Added ${count(events.added.length, 'event')}:`, ...events.added.map((e) => `  - ${code(e.id)}: ${e.title}`));
  if (events.changed.length) lines.push(`- Changed ${count(events.changed.length, 'event')}:`, ...events.changed.map((e) => `  - ${code(e.id)}${e.from ? ` (was ${code(e.from)})` : ''}: ${e.fields.map((f) => f.field).join(', ')}`));
  if (events.renamed.length) lines.push(`- Renamed ${count(events.renamed.length, 'event')} (the old ids still find them):`, ...events.renamed.map((r) => `  - ${code(r.from)} → ${code(r.to)}`));
  if (events.merged.length) lines.push(`- Merged ${count(events.merged.length, 'time')}:`, ...events.merged.map((m) => `  - ${m.from.map(code).join(', ')} into ${code(m.into)}`));
  if (events.removed.length) lines.push(`- Removed ${count(events.removed.length, 'event')}:`, ...events.removed.map((e) => `  - ${code(e.id)}: ${e.title}`));
  if (events.likelyRenames?.length) lines.push(`- ${count(events.likelyRenames.length, 'removed event')} ${events.likelyRenames.length === 1 ? 'looks' : 'look'} renamed (same date, near-identical title; add the old id to \`former_ids\` to keep it resolving):`, ...events.likelyRenames.map((r) => `  - ${code(r.from)} → ${code(r.to)}`));
  if (events.dropped?.length) lines.push(`- No longer held by any event: ${count(events.dropped.length, 'former id')} (a tombstone says where each went):`, ...events.dropped.map((d) => `  - ${code(d.id)}${d.replacedBy ? ` → ${code(d.replacedBy)}` : ''}`));
  if (actors.added.length) lines.push(`- Added ${count(actors.added.length, 'actor')}: ${actors.added.map(code).join(', ')}`);
  if (actors.changed.length) lines.push(`- Changed ${count(actors.changed.length, 'actor')}: ${actors.changed.map((a) => `${code(a.id)} (${a.fields.map((f) => f.field).join(', ')})`).join(', ')}`);
  if (actors.removed.length) lines.push(`- Removed ${count(actors.removed.length, 'actor')}: ${actors.removed.map(code).join(', ')}`);
  return lines.length ? `### Data\n\n${lines.join('\n')}\n` : '';
}
