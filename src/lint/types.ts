import type { Event } from '../model/event.js';
import type { Issue } from '../model/issue.js';
import type { ActorRegistry } from '../query/createActorRegistry.js';

/** One event to lint, with the file it came from. */
export interface LintEntry {
  /** The event, as loaded (leniently, for other people's folders). */
  event: Event;
  /** The file, when it came from one. */
  file?: string;
}

/** What the rules may consult. */
export interface LintContext {
  /** The actor registry, when there is one: its spellings are not variants. */
  registry?: ActorRegistry;
  /** Today, `YYYY-MM-DD`, for rules about the future. */
  today: string;
}

/** Spellings found to mean one thing, with how often each is used. */
export interface VariantGroup {
  /** The spellings, most used first. */
  names: string[];
  /** How many events use each spelling, in the order of `names`. */
  counts: number[];
  /** The spelling to keep (the most used). */
  canonical: string;
  /** For actors: the registry entry to add. */
  entry?: { id: string; name: string; aliases: string[]; kind: 'other' };
}

/** A finding of a lint rule: an issue, plus what can be done about it. */
export interface LintFinding extends Issue {
  /** The variant group, for rules that find spellings of one thing. */
  group?: VariantGroup;
  /** Files or ids of the other events involved (duplicates, twins). */
  related?: string[];
  /** True when `fix` can repair it without changing meaning. */
  fixable?: boolean;
}

/** A data-quality rule. */
export interface LintRule {
  /** A stable code, `lint/...`. */
  code: string;
  /** How bad a finding is. */
  severity: 'error' | 'warning';
  /** What the rule looks for and what to do about it. */
  description: string;
  /** Checks one event. */
  check?(entry: LintEntry, context: LintContext): LintFinding[];
  /** Checks all events together (variants, duplicates). */
  checkAll?(entries: readonly LintEntry[], context: LintContext): LintFinding[];
}
