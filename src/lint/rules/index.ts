import type { LintRule } from '../types.js';
import { actorVariantsRule } from './actorVariants.js';
import { controlCharacterRule } from './controlCharacter.js';
import { datePrecisionRule } from './datePrecision.js';
import { duplicateIdRule } from './duplicateId.js';
import { duplicateSourceRule } from './duplicateSource.js';
import { formerIdsRule } from './formerIds.js';
import { futureConfirmedRule } from './futureConfirmed.js';
import { homepageUrlRule } from './homepageUrl.js';
import { idDateRule } from './idDate.js';
import { idFileNameRule } from './idFileName.js';
import { idFormatRule } from './idFormat.js';
import { idTimestampRule } from './idTimestamp.js';
import { incompleteSourceRule } from './incompleteSource.js';
import { mojibakeRule } from './mojibake.js';
import { nearDuplicateRule } from './nearDuplicate.js';
import { noTagsRule } from './noTags.js';
import { placeholderUrlRule } from './placeholderUrl.js';
import { provenanceRule } from './provenance.js';
import { sourceDateRule } from './sourceDate.js';
import { tagVariantsRule } from './tagVariants.js';
import { testFixtureRule } from './testFixture.js';
import { urlVariantRule } from './urlVariant.js';

/**
 * Every lint rule, in the order findings are reported.
 *
 * @example
 * ```ts
 * RULES.map((r) => r.code).slice(0, 2);
 * // => ['lint/mojibake', 'lint/tag-variant']
 * ```
 */
export const RULES: readonly LintRule[] = [
  mojibakeRule,
  tagVariantsRule,
  actorVariantsRule,
  duplicateSourceRule,
  urlVariantRule,
  placeholderUrlRule,
  homepageUrlRule,
  incompleteSourceRule,
  idDateRule,
  idFileNameRule,
  idTimestampRule,
  idFormatRule,
  duplicateIdRule,
  formerIdsRule,
  nearDuplicateRule,
  noTagsRule,
  testFixtureRule,
  futureConfirmedRule,
  provenanceRule,
  datePrecisionRule,
  sourceDateRule,
  controlCharacterRule,
];
