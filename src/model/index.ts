export { EventSchema, LenientEventSchema, EVENT_STATUSES, type Event, type EventStatus } from './event.js';
export { SourceSchema, type Source } from './source.js';
export { ActorSchema, ACTOR_KINDS, type Actor, type ActorKind } from './actor.js';
export { IssueSchema, type Issue, type Severity, type VariantGroup } from './issue.js';
export { ISSUE_CODES, type IssueCode, type ReadIssueCode, type LintCode, type IssueCodeInfo, type CodeSeverity } from './issueCodes.js';
export { EVENT_FIELDS, SOURCE_FIELDS, type FieldSpelling, type FieldAlias } from './fieldTable.js';
export type { Mode } from './mode.js';
export type { FieldPath, Locator, Position } from './fieldPath.js';
export { createActorRegistry, type ActorRegistry } from './createActorRegistry.js';
