import { finding } from '../finding.js';
import type { LintRule, ProvenanceOptions } from '../types.js';

/** The defaults of {@link ProvenanceOptions}. */
const PROVENANCE_DEFAULTS = { statuses: ['confirmed'], maxTier: 2, archive: true } as const;

/** An event whose status claims more than its sources show. */
export const provenanceRule: LintRule = {
  code: 'lint/provenance',
  severity: 'warning',
  description: 'A confirmed event (or the statuses configured) needs a source of tier 1 or 2 and an archive link for each source, so a reader can weigh it and follow it after the page is gone.',
  check(entry, context) {
    const o = { ...PROVENANCE_DEFAULTS, ...context.provenance };
    const { status, sources } = entry.event;
    if (status === undefined || !o.statuses.includes(status)) return [];
    const lacks: string[] = [];
    if (!sources.some((s) => s.tier !== undefined && s.tier <= o.maxTier)) lacks.push(`no source of tier ${o.maxTier === 1 ? '1' : `1-${o.maxTier}`}`);
    const unarchived = sources.filter((s) => s.archiveUrl === undefined).length;
    if (o.archive && unarchived) lacks.push(`${unarchived} of ${sources.length} ${sources.length === 1 ? 'source has' : 'sources have'} no archive link`);
    return lacks.length ? [finding(this, entry, `${status}, but ${lacks.join(', and ')}`, { path: 'sources' })] : [];
  },
};
