import type { Event } from '../model/event.js';
import type { Locator } from '../model/fieldPath.js';
import type { Issue } from '../model/issue.js';
import type { LintCode } from '../model/issueCodes.js';
import type { ActorRegistry } from '../model/createActorRegistry.js';

/** One event to lint, with the file it came from. */
export interface LintEntry {
  /** The event, as loaded (leniently, for other people's folders). */
  event: Event;
  /** The file, when it came from one. */
  file?: string;
  /** Where a field is written in the file, when known: findings then carry its line. */
  locate?: Locator;
}

/** What the rules may consult. */
export interface LintContext {
  /** The actor registry, when there is one: its spellings are not variants. */
  registry?: ActorRegistry;
  /** Today, `YYYY-MM-DD`, for rules about the future. */
  today: string;
  /** What `lint/provenance` asks (see {@link ProvenanceOptions}). */
  provenance?: ProvenanceOptions;
}

/**
 * A finding of a lint rule: an issue, which for lint may also carry the
 * spellings found to mean one thing (`group`), the other files involved
 * (`related`) and whether `fix` repairs it (`fixable`).
 */
export type LintFinding = Issue;

/** A data-quality rule. */
export interface LintRule {
  /** A stable code: `lint/...`, or an identity code the loader shares. */
  code: LintCode;
  /** How bad a finding is. */
  severity: 'error' | 'warning';
  /** What the rule looks for and what to do about it. */
  description: string;
  /** Checks one event. */
  check?(entry: LintEntry, context: LintContext): LintFinding[];
  /** Checks all events together (variants, duplicates). */
  checkAll?(entries: readonly LintEntry[], context: LintContext): LintFinding[];
}

/** What the `lint/provenance` rule asks, and of which events. */
export interface ProvenanceOptions {
  /** The statuses it asks of (default: `confirmed`). */
  statuses?: readonly string[];
  /** The weakest tier that counts as strong (default 2: a tier 1 or 2 source). */
  maxTier?: number;
  /** Ask for an archive link on every source (default true). */
  archive?: boolean;
}
