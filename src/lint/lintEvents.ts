import type { ActorRegistry } from '../model/createActorRegistry.js';
import { RULES } from './rules/index.js';
import type { ProvenanceOptions } from './types.js';
import type { LintEntry, LintFinding, LintRule } from './types.js';

/** Options for {@link lintEvents}. */
export interface LintEventsOptions {
  /** The rules to run, as rules or codes (`lint/tag-variant`). Default: all. */
  rules?: readonly (LintRule | string)[];
  /** The actor registry: spellings it knows are normalisations, not new variants. */
  registry?: ActorRegistry;
  /** Today, `YYYY-MM-DD`. Default: the current UTC date. */
  today?: string;
  /** What `lint/provenance` asks, and of which statuses (default: confirmed events need a tier 1-2 source and every source archived). */
  provenance?: ProvenanceOptions;
  /** Called before each rule runs: how many rules are done, of how many, and the next one's code. */
  onProgress?: (done: number, total: number, code: string) => void;
}

/**
 * Runs the data-quality rules over events: per-event rules on each, folder
 * rules (variants, duplicates) over all of them.
 *
 * @param entries - events with the files they came from
 * @param options - which rules, the registry, today's date
 * @returns every finding, rule by rule
 *
 * @example
 * ```ts
 * lintEvents([{ event: { ...event, tags: ['courts', 'Courts'] } }], { rules: ['lint/tag-variant'] })[0].group.names;
 * // => ['Courts', 'courts']
 * ```
 */
export function lintEvents(entries: readonly LintEntry[], options: LintEventsOptions = {}): LintFinding[] {
  const wanted = options.rules;
  const rules = wanted
    ? wanted.map((r) => {
        if (typeof r !== 'string') return r;
        const rule = RULES.find((x) => x.code === r || x.code === `lint/${r}`);
        if (!rule) throw new TypeError(`lintEvents: unknown rule ${JSON.stringify(r)}; known: ${RULES.map((x) => x.code).join(', ')}`);
        return rule;
      })
    : RULES;
  const context = { registry: options.registry, today: options.today ?? new Date().toISOString().slice(0, 10), provenance: options.provenance };
  const out: LintFinding[] = [];
  // Findings are appended one by one: a rule may find any number of them,
  // more than a call's arguments may hold.
  const append = (findings: readonly LintFinding[]) => {
    for (const f of findings) out.push(f);
  };
  rules.forEach((rule, i) => {
    options.onProgress?.(i, rules.length, rule.code);
    if (rule.check) for (const entry of entries) append(rule.check(entry, context));
    if (rule.checkAll) append(rule.checkAll(entries, context));
  });
  return out;
}
