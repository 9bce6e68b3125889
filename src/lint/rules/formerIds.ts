import { finding } from '../finding.js';
import type { LintEntry, LintFinding, LintRule } from '../types.js';

/**
 * Former ids that cannot each lead to one event: one that is an event's own
 * id (its own, or another's), or one that two events claim. A link to such
 * an id would find the wrong event, or either. Strict reading refuses them
 * (the loader asks this rule); lint reports them.
 */
export const formerIdsRule: LintRule = {
  code: 'identity/former-id',
  severity: 'warning',
  description: 'A former id that is an event id (its own, or another event\u2019s), or one two events claim: a link to it would find the wrong event, or either. Keep each former id on the one event it now names.',
  checkAll(entries) {
    const live = new Map<string, LintEntry>();
    for (const entry of entries) if (!live.has(entry.event.id)) live.set(entry.event.id, entry);
    const claims = new Map<string, LintEntry[]>();
    for (const entry of entries) {
      for (const former of new Set(entry.event.formerIds ?? [])) {
        const list = claims.get(former);
        if (list) list.push(entry);
        else claims.set(former, [entry]);
      }
    }
    const out: LintFinding[] = [];
    const name = (e: LintEntry) => e.file ?? e.event.id;
    for (const [former, holders] of claims) {
      const owner = live.get(former);
      for (const entry of holders) {
        const at = { path: `former_ids[${(entry.event.formerIds ?? []).indexOf(former)}]` };
        if (owner === entry) out.push(finding(this, entry, `former_ids: "${former}" is this event's own id`, at));
        else if (owner) out.push(finding(this, entry, `former_ids: "${former}" is the id of another event (${name(owner)}): a link to it finds that one`, { ...at, related: [name(owner)] }));
      }
      if (!owner && holders.length > 1) {
        for (const entry of holders) {
          const others = holders.filter((h) => h !== entry);
          out.push(finding(this, entry, `former_ids: "${former}" is claimed by ${others.length === 1 ? 'another event' : `${others.length} other events`} too (${others.slice(0, 3).map(name).join(', ')}): a link to it could find either`, { path: `former_ids[${(entry.event.formerIds ?? []).indexOf(former)}]`, related: others.map(name) }));
        }
      }
    }
    return out;
  },
};
