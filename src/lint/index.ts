export { lintEvents, type LintEventsOptions } from './lintEvents.js';
export { fixEvent, type FixEventOptions, type FixEventResult } from './fixEvent.js';
export { fixText, type FixTextOptions, type FixTextResult, type FixChange } from './fixText.js';
export type { FileEdit } from './editFile.js';
export { RULES } from './rules/index.js';
export { canonicalUrl } from './url.js';
export { actorKey, tagKey } from './text.js';
export type { LintEntry, LintContext, LintFinding, LintRule } from './types.js';
export type { ProvenanceOptions } from './types.js';
