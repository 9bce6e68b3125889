export { lintEvents, type LintOptions } from './lintEvents.js';
export { fixEvent, type FixOptions, type FixResult } from './fixEvent.js';
export { fixText, type FixTextResult } from './fixText.js';
export { RULES } from './rules/index.js';
export { canonicalUrl } from './url.js';
export { actorKey, tagKey } from './text.js';
export type { LintEntry, LintContext, LintFinding, LintRule, VariantGroup } from './types.js';
